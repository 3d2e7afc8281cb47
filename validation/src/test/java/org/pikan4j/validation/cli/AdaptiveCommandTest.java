package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pikan adaptive} on poisson1d with a 3 s budget: both modes run for every seed within the budget, the
 * adaptive ones refine (extensions and RAD redraws are in their histories), and the table and CSV are written.
 */
class AdaptiveCommandTest {

    @TempDir
    Path folder;

    @Test
    void comparesFixedAndAdaptiveSolvesAndWritesTheTable() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "poisson1d", "--grid", "5", "--extend", "10,20",
                "--budget", "3", "--seeds", "1,2", "--resample-every", "10", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readAllLines(folder.resolve("adaptive-vs-fixed.csv"));
        assertEquals(5, csv.size(), csv.toString());
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            double error = Double.parseDouble(f[3]);
            double seconds = Double.parseDouble(f[8]);
            // a 3 s budget: training stops on time (evaluation and set-up add little)
            assertTrue(seconds < 3 + 5, row);
            // accuracy depends on how many steps the machine manages in 3 s; the comparison itself is a command
            assertTrue(Double.isFinite(error) && error > 0, row);
            if (f[0].equals("adaptive")) {
                assertTrue(Integer.parseInt(f[7]) >= 3, "two extensions and at least one RAD redraw: " + row);
            } else {
                assertEquals("0", f[7], row);
            }
        }
        String table = Files.readString(folder.resolve("adaptive-vs-fixed.md"));
        assertTrue(table.contains("| fixed |") && table.contains("| adaptive |")
                && table.contains("fixed / adaptive median relative L2"), table);
        assertFalse(table.contains("at t ="), "poisson1d has no time: " + table);
        assertTrue(Files.exists(folder.resolve("adaptive-seed2").resolve("loss.png")));
        String events = Files.readString(folder.resolve("adaptive-seed1").resolve("events.csv"));
        assertTrue(events.contains("resample") && events.contains("RAD"), events);
    }

    @Test
    void fixedSolvesCanShareRadAndRbaAndBothAreScoredOnAnotherGrid() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "poisson1d", "--grid", "5", "--extend", "10",
                "--budget", "2", "--seeds", "1", "--resample-every", "10", "--rba", "0.01", "--fixed-with-rad-rba",
                "--score-grid", "50,30", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readAllLines(folder.resolve("adaptive-vs-fixed.csv"));
        assertTrue(csv.get(0).endsWith(",relative_l2_50,relative_l2_30"), csv.get(0));
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            // both redraw points; the scores on the 50- and 30-point grids differ from the one on the 1001-point grid
            assertTrue(Integer.parseInt(f[7]) >= 1, row);
            assertTrue(Double.parseDouble(f[9]) > 0 && !f[9].equals(f[3]), row);
            assertTrue(Double.parseDouble(f[10]) > 0 && !f[10].equals(f[9]) && !f[10].equals(f[3]), row);
        }
        String events = Files.readString(folder.resolve("fixed-seed1").resolve("events.csv"));
        assertTrue(events.contains("RAD") && !events.contains("grid extension"), events);
        assertTrue(r.out().contains("relative L2 on the 50 grid: fixed")
                && r.out().contains("relative L2 on the 30 grid: fixed"), r.out());
        assertTrue(r.out().contains("with the same RAD and RBA"), r.out());
    }

    @Test
    void refusesABadScoreGrid() {
        assertUsageError("[50, 20] must hold one count per coordinate, 1 here", "poisson1d", "--score-grid", "50x20");
        assertUsageError("--score-grid must be point counts per coordinate joined by 'x'", "poisson1d",
                "--score-grid", "many");
    }

    @Test
    void theDecayInTimeGoesToBothGridsAndIsRefusedWithoutTime() {
        CommandOutput r = CommandOutput.run("adaptive", "diffusion1d", "--grid", "5", "--extend", "10",
                "--budget", "1", "--seeds", "1", "--causal-decay", "2", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("KAN [2, 10, 1] G=5->10 k=3, both causal decay 2.0;"), r.out());
        for (String t : List.of("0.25", "0.5", "0.75", "1")) {
            assertTrue(Pattern.compile("relative L2 at t = " + Pattern.quote(t) + ": fixed \\S+ \\(\\S+ - \\S+\\),"
                    + " adaptive \\S+ \\(\\S+ - \\S+\\); fixed / adaptive median \\S+").matcher(r.out()).find(), r.out());
        }
        assertUsageError("causal decay 2.0 needs a time coordinate", "poisson1d", "--causal-decay", "2");
        assertUsageError("causal decay must be >= 0 and finite, got -1.0", "diffusion1d", "--causal-decay", "-1");
    }

    @Test
    void aContinuationGoesToTheAdaptiveSolvesOnlyAlsoWhenTheFixedOnesShareRadAndRba() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "burgers1d", "--widths", "2,3,1", "--grid", "5", "--extend",
                "10", "--interior", "200", "--budget", "2", "--seeds", "1", "--resample-every", "10", "--rba", "0.01",
                "--fixed-with-rad-rba", "--continuation", "nu=5", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("continuation nu x5.00 on the first grids"), r.out());
        String adaptive = Files.readString(folder.resolve("adaptive-seed1").resolve("events.csv"));
        assertTrue(adaptive.contains(",continuation,nu = 0.0159155 (5.00 x 0.00318310) on grid level 0"), adaptive);
        String fixed = Files.readString(folder.resolve("fixed-seed1").resolve("events.csv"));
        assertTrue(fixed.contains("RAD") && !fixed.contains("continuation"), fixed);
    }

    @Test
    void continuationStepsGiveTheFixedSolvesTheContinuationByAdamStep() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "burgers1d", "--widths", "2,3,1", "--grid", "5", "--extend",
                "10", "--interior", "200", "--budget", "2", "--seeds", "1", "--continuation", "nu=5",
                "--continuation-steps", "20", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("points and weights fixed, continuation nu x5.00 until Adam steps 20"), r.out());
        String fixed = Files.readString(folder.resolve("fixed-seed1").resolve("events.csv"));
        assertTrue(fixed.contains("0,continuation,nu = 0.0159155 (5.00 x 0.00318310) until Adam step 20"), fixed);
        String adaptive = Files.readString(folder.resolve("adaptive-seed1").resolve("events.csv"));
        assertTrue(adaptive.contains(",continuation,nu = 0.0159155 (5.00 x 0.00318310) on grid level 0"), adaptive);
    }

    @Test
    void continuationStepsNeedTheContinuation() {
        assertUsageError("--continuation-steps needs --continuation NAME=F[,F...]", "burgers1d",
                "--continuation-steps", "20");
    }

    @Test
    void fixedSolvesWithRadAndRbaFollowTheContinuationByAdamStep() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "burgers1d", "--widths", "2,3,1", "--grid", "5", "--extend",
                "10", "--interior", "200", "--budget", "2", "--seeds", "1", "--resample-every", "10", "--rba", "0.01",
                "--fixed-with-rad-rba", "--continuation", "nu=5", "--continuation-steps", "20", "--out",
                folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("with the same RAD and RBA, continuation nu x5.00 until Adam steps 20"), r.out());
        String fixed = Files.readString(folder.resolve("fixed-seed1").resolve("events.csv"));
        assertTrue(fixed.contains("RAD"), fixed);
        assertTrue(fixed.contains("0,continuation,nu = 0.0159155 (5.00 x 0.00318310) until Adam step 20"), fixed);
        assertTrue(fixed.contains("20,continuation,\"nu = 0.00318310 (1.00 x 0.00318310) from Adam step 20, the"
                + " problem itself\""), fixed);
        String adaptive = Files.readString(folder.resolve("adaptive-seed1").resolve("events.csv"));
        assertTrue(adaptive.contains(",continuation,nu = 0.0159155 (5.00 x 0.00318310) on grid level 0"), adaptive);
    }

    @Test
    void denseBfgsGoesToBothGrids() throws IOException {
        CommandOutput r = CommandOutput.run("adaptive", "poisson1d", "--grid", "5", "--extend", "10",
                "--budget", "2", "--seeds", "1", "--dense-bfgs", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("then BFGS with a dense inverse Hessian)"), r.out());
        assertTrue(Pattern.compile("fixed    seed 1: .*\\(\\d+ Adam \\+ [1-9]\\d* BFGS steps").matcher(r.out()).find()
                && Pattern.compile("adaptive seed 1: .*\\(\\d+ Adam \\+ [1-9]\\d* BFGS steps").matcher(r.out()).find(),
                r.out());
        assertTrue(r.out().contains("Adam / BFGS steps (median)"), r.out());
        for (String mode : List.of("fixed", "adaptive")) {
            List<String> history = Files.readAllLines(folder.resolve(mode + "-seed1").resolve("history.csv"));
            assertTrue(history.stream().anyMatch(line -> line.split(",")[1].equals("bfgs"))
                    && history.stream().noneMatch(line -> line.split(",")[1].equals("lbfgs")), mode);
        }
    }

    /** {@code pikan adaptive <problem> --grid 5 --extend 10 --budget 1 <options>} stops with a usage error saying so. */
    private static void assertUsageError(String message, String problem, String... options) {
        List<String> args = new ArrayList<>(List.of("adaptive", problem, "--grid", "5", "--extend", "10", "--budget",
                "1"));
        args.addAll(List.of(options));
        CommandOutput r = CommandOutput.run(args.toArray(new String[0]));
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void refusesAnUnknownTriggerAndOptionsOfAnotherOne() {
        assertUsageError("--refine must be plateau, steps or indicator for an adaptive solve, got \"after-stages\"",
                "poisson1d", "--refine", "after-stages");
        assertUsageError("--indicator-ratio applies to --refine indicator, not --refine plateau", "poisson1d",
                "--indicator-ratio", "3");
    }

    @Test
    void refusesAModelWithoutExtensions() {
        CommandOutput r = CommandOutput.run("adaptive", "poisson1d", "--budget", "1");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("needs a KAN with grid extensions"), r.err());
    }
}
