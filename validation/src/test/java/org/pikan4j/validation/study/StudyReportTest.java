package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of a study from results made to measure (no training): orders, matched pairs, plots. */
class StudyReportTest {

    @TempDir
    Path folder;

    /** Two KAN widths over G = 2..16 with errors 0.1 G^-4 (width 2) and 0.02 G^-3 floored at 2e-5 (width 4), and MLPs. */
    private static StudyResults results() {
        StudyDefinition study = StudyDefinition.builder("poisson2d").kan(KanSweep.of(2, 4).withGrids(2, 4, 8, 16))
                .mlp(MlpSweep.of(8, 13)).seeds(1, 2, 3).build();
        List<CellResult> rows = new ArrayList<>();
        for (StudyCell c : study.cells()) {
            int params = c.model().build().parameterCount();
            double g = c.finalGrid();
            double e;
            if (c.finalGrid() == 0) {
                e = 1e-3;
            } else if (c.model().widths()[1] == 2) {
                e = 0.1 * Math.pow(g, -4);
            } else {
                e = Math.max(0.02 * Math.pow(g, -3), 2e-5);
            }
            double seedFactor = 1 + 0.1 * (c.seed() - 2);
            rows.add(new CellResult(c, params, 100, c.seed(), e * e, e * seedFactor, 2 * e, e, "BUDGET"));
        }
        return new StudyResults(study, rows, List.of());
    }

    @Test
    void markdownReportsMediansOrdersAndMatchedPairs() throws IOException {
        List<String> files = StudyReport.write(results(), folder, "");
        assertTrue(files.contains("error_vs_grid.png"), files.toString());
        for (String f : files) {
            assertTrue(Files.size(folder.resolve(f)) > 100, f);
        }
        String md = Files.readString(folder.resolve(StudyReport.MARKDOWN));
        // median over seed factors 0.9, 1, 1.1 is the error itself; 0.1 * 2^-4 = 6.25e-3
        assertTrue(md.contains("| KAN [2, 2, 1] G=2 k=3 | 42 | 2000 | 3 | 6.25e-03 [5.63e-03, 6.88e-03] |"), md);
        assertTrue(md.contains("- KAN [2, 2, 1] k=3, 2000 points: order 4.00 over G = 2..16 (all grid sizes)"), md);
        // 0.02 G^-3 meets the floor 2e-5 between 8 and 16: the step to 16 has rate log2(3.9e-5 / 2e-5) = 0.97 < 1.5
        assertTrue(md.contains("- KAN [2, 4, 1] k=3, 2000 points: order 3.00 over G = 2..8; stops at G = 8 (to G = 16"
                + " the error fell at rate 0.97)"), md);
        // KAN [2,2,1] G=4 has 54 parameters; MLP 2-8-8-1 has 105: not within 1.5x; G=16 (126) matches 105
        assertTrue(md.contains("| KAN [2, 2, 1] G=16 k=3 | 126 | MLP [2, 8, 8, 1] tanh | 105 |"), md);
        assertTrue(!md.contains("| KAN [2, 2, 1] G=4 k=3 | 54 | MLP"), md);
        assertTrue(md.contains("Report written on"), md);
        assertTrue(!md.contains("regenerate"), md);
        assertEquals(1 + 4 * 2 + 2, Files.readAllLines(folder.resolve(StudyReport.SUMMARY_CSV)).size());
    }

    @Test
    void matchedPairSaysWhichIsMoreAccurateAndWhetherSeedsOverlap() {
        List<ConfigurationSummary> summaries = ConfigurationSummary.of(results().results());
        MatchedPair p = MatchedPair.of(summaries).stream()
                .filter(m -> m.kan().configuration().finalGrid() == 16 && m.kan().parameters() == 126).findFirst()
                .orElseThrow();
        // KAN 0.1 * 16^-4 = 1.53e-6 against MLP 1e-3
        assertEquals(1e-3 / (0.1 * Math.pow(16, -4)), p.errorRatio(), 1e-6 * p.errorRatio());
        assertTrue(p.separated());
        assertEquals(1.0, p.timeRatio(), 1e-12);
    }
}
