package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on the smoke preset (1D Poisson, 8 cells, about 3 s): every cell measured, finished
 * cells skipped on a rerun, lost or cut rows run again.
 */
class StudyRunnerTest {

    @TempDir
    static Path folder;

    private static StudyResults first;

    @BeforeAll
    static void runSmokeStudy() throws IOException {
        first = StudyRunner.of(StudyPresets.named("smoke")).withParallelCells(2).run(folder);
    }

    @Test
    void everyCellIsMeasuredAndStoredAsARow() throws IOException {
        List<StudyCell> cells = StudyPresets.named("smoke").cells();
        assertEquals(cells.size(), first.results().size());
        assertTrue(first.failures().isEmpty(), first.failures().toString());
        for (int i = 0; i < cells.size(); i++) {
            CellResult r = first.results().get(i);
            assertEquals(cells.get(i), r.cell(), "results come in cell order");
            // smoke budgets (20 Adam + 30 L-BFGS steps) reached 1.3e-2 to 1.2e-1 (measured, seeds 1 and 2)
            assertTrue(r.relativeL2() > 0 && r.relativeL2() < 0.3, r.toString());
            assertTrue(r.steps() > 0 && r.steps() <= 50, r.toString());
            assertEquals(r.cell().model().build().parameterCount(), r.parameters());
            // ||sin(πx)||₂ = 1 on [-1, 1]: the quadrature L2 error equals the relative L2 error on the
            // 1001-point grid up to that grid's rectangle rule (measured within 0.1%)
            assertEquals(r.relativeL2(), r.l2Error(), 0.01 * r.relativeL2(), r.toString());
        }
        assertEquals(cells.size() + 1, Files.readAllLines(folder.resolve(StudyRunner.RESULTS)).size());
        assertEquals(StudyPresets.named("smoke").cells(),
                StudyFile.read(folder.resolve(StudyRunner.DEFINITION)).cells());
    }

    @Test
    void rerunSkipsFinishedCellsAndRunsOnlyMissingOnes() throws IOException {
        Path copy = Files.createDirectories(folder.resolve("resume"));
        List<String> lines = Files.readAllLines(folder.resolve(StudyRunner.RESULTS));
        // keep all rows but the last two; cut the second-to-last short as a crash would
        List<String> kept = new ArrayList<>(lines.subList(0, lines.size() - 2));
        String cut = lines.get(lines.size() - 2);
        Files.writeString(copy.resolve(StudyRunner.RESULTS), String.join("\n", kept) + "\n"
                + cut.substring(0, cut.length() / 2), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StudyResults again = StudyRunner.of(StudyPresets.named("smoke")).withParallelCells(1)
                .withProgress(new PrintStream(out, true, StandardCharsets.UTF_8)).run(copy);
        String progress = out.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("8 cells, 6 finished earlier (1 unreadable rows ignored), 2 to run"), progress);
        assertEquals(first.results().size(), again.results().size());
        for (int i = 0; i < first.results().size(); i++) {
            CellResult a = first.results().get(i);
            CellResult b = again.results().get(i);
            assertEquals(a.cell(), b.cell());
            // one thread per cell: the same cell gives the same bits
            assertEquals(a.relativeL2(), b.relativeL2(), 0.0, a.cell().toString());
        }
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        StudyRunner.of(StudyPresets.named("smoke")).withProgress(new PrintStream(third, true, StandardCharsets.UTF_8))
                .run(copy);
        assertTrue(third.toString(StandardCharsets.UTF_8).contains("8 cells, 8 finished earlier, 0 to run"),
                third.toString(StandardCharsets.UTF_8));
    }

    @Test
    void problemWithANumericalReferenceIsScoredAgainstIt() throws IOException {
        // burgers1d has no exact solution: the runner attaches the Cole-Hopf reference for both error measures
        StudyDefinition burgers = StudyDefinition.builder("burgers1d").kan(KanSweep.of(3).withGrids(3)).interior(100)
                .boundary(20).initial(20).optimizer(new org.pikan4j.problems.catalog.OptimizerPlan(5, 1e-2, 5, 10, 0))
                .build();
        StudyResults r = StudyRunner.of(burgers).run(folder.resolve("burgers"));
        assertTrue(r.failures().isEmpty(), r.failures().toString());
        CellResult cell = r.results().get(0);
        // ten steps leave the network far from the solution (u = -sin(πx) at t = 0, |u| <= 1): errors of order 1
        assertTrue(cell.relativeL2() > 0.1 && cell.relativeL2() < 10, cell.toString());
        assertTrue(cell.l2Error() > 0.1 && cell.l2Error() < 10, cell.toString());
    }

    @Test
    void aResultsFileOfAnotherFormatIsRefusedNotOverwritten() throws IOException {
        Path other = Files.createDirectories(folder.resolve("other"));
        Files.writeString(other.resolve(StudyRunner.RESULTS), "step,loss\n1,0.5\n");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> StudyRunner.of(StudyPresets.named("smoke")).run(other));
        assertTrue(e.getMessage().contains("is not a results file of this version"), e.getMessage());
        assertEquals("step,loss\n1,0.5\n", Files.readString(other.resolve(StudyRunner.RESULTS)));
    }

    @Test
    void reportWritesTablesAndPlots() throws IOException {
        List<String> files = StudyReport.write(first, folder, "pikan study smoke");
        assertEquals(List.of("summary.csv", "summary.md", "error_vs_params.png", "error_vs_grid.png",
                "error_vs_time.png"), files);
        for (String f : files) {
            assertTrue(Files.size(folder.resolve(f)) > 100, f);
        }
        String md = Files.readString(folder.resolve(StudyReport.MARKDOWN));
        assertTrue(md.contains("| KAN [1, 3, 1] G=5 k=3 | 60 | 100 | 2 |"), md);
        assertTrue(md.contains("- KAN [1, 3, 1] k=3, 100 points: order "), md);
        assertTrue(md.contains("| KAN [1, 3, 1] G=5 k=3 | 60 | MLP [1, 6, 6, 1] tanh | 61 |"), md);
        assertTrue(md.contains("regenerate with `pikan study smoke`"), md);
        // one header and one row per configuration (3 KANs and 1 MLP)
        assertEquals(5, Files.readAllLines(folder.resolve(StudyReport.SUMMARY_CSV)).size());
    }
}
