package org.pikan4j.validation.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.solve.ScoreGrid;
import picocli.CommandLine.Option;

/**
 * {@code --score-grid NxM[,NxM...]}: also score a solution on other tensor grids over the domain's box (a picocli
 * mixin of {@code pikan solve} and {@code pikan adaptive}), e.g. 256x100 for Burgers, the x by t grid Raissi et al.
 * tabulate the reference on (theirs stops at t = 0.99; this one spans the box, t in [0, 1]). For an entry with odd
 * symmetry ({@code burgers1d-half}) the grids span the full box and the solution is mirrored ({@link ScoreGrid}).
 */
final class ScoreGridOption {

    @Option(names = "--score-grid", paramLabel = "NxM", split = ",",
            description = "also report the error on N x M (x ...) grids over the domain's box, e.g. 256x100 or"
                    + " 101x101,256x100 (an entry with odd symmetry, e.g. burgers1d-half: the full box, mirrored)")
    List<String> counts;

    /**
     * @param entry the entry whose domain the grids cover
     * @return the grids, in the order given; none without the option
     * @throws IllegalArgumentException naming the value when it is not counts joined by 'x' that fit the domain
     */
    List<ScoreGrid> grids(CatalogEntry entry) {
        List<ScoreGrid> grids = new ArrayList<>();
        for (String c : counts == null ? List.<String>of() : counts) {
            int[] parsed;
            try {
                parsed = Arrays.stream(c.split("x", -1)).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--score-grid must be point counts per coordinate joined by 'x',"
                        + " e.g. 256x100, got \"" + c + "\"");
            }
            grids.add(ScoreGrid.of(entry, parsed));
        }
        return grids;
    }

    /** @return e.g. "relative L2 1.234e-02, max error 5.678e-01 on the 256x100 grid" */
    static String describe(ErrorMetrics e, ScoreGrid grid) {
        return String.format(Locale.ROOT, "relative L2 %.3e, max error %.3e on the %s grid", e.relativeL2(),
                e.maxError(), grid.label());
    }
}
