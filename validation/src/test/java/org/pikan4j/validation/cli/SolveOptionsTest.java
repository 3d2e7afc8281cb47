package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad {@code pikan solve} options stop before training with a message naming what was wrong. */
class SolveOptionsTest {

    @Test
    void unknownProblemListsValidNames() {
        CommandOutput r = CommandOutput.run("solve", "poisson4d");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("unknown problem \"poisson4d\""), r.err());
        assertTrue(r.err().contains("poisson2d") && r.err().contains("inverse-diffusion1d"), r.err());
    }

    @Test
    void widthsThatDoNotFitTheProblemSaySo() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--widths", "1,10,1");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("first width must be 2 (coordinates [x, y])"), r.err());
        CommandOutput fields = CommandOutput.run("solve", "system1d", "--widths", "1,5,1");
        assertTrue(fields.err().contains("the last 2 (fields [u, v])"), fields.err());
    }

    @Test
    void unknownModelNamesTheValidOnes() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--model", "cnn");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--model") && r.err().contains("KAN") && r.err().contains("MLP"), r.err());
    }

    @Test
    void unknownBackendNamesTheValidOnes() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--backend", "tpu");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("unknown backend \"tpu\"; valid: [jvm, nd4j, auto]"), r.err());
    }

    @Test
    void nonNumericWidthNamesTheOption() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--widths", "2,x,1");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("--widths"), r.err());
    }

    @Test
    void noStepsAtAllIsRefused() {
        CommandOutput r = CommandOutput.run("solve", "robin1d", "--adam", "0", "--lbfgs", "0");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("not all 0"), r.err());
    }

    @Test
    void gridExtensionsThatDoNotGrowAreRefused() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--grid", "10", "--extend", "10");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("grid extensions must increase from G = 10, got [10]"), r.err());
    }

    @Test
    void adaptiveOptionsOutsidePlateauRefinementAreRefused() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--resample-every", "100");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("apply to adaptive solves (--refine plateau|steps|indicator)"), r.err());
        CommandOutput rar = CommandOutput.run("solve", "poisson2d", "--rar", "100");
        assertNotEquals(0, rar.status());
        assertTrue(rar.err().contains("--rar, --rba, --causal-front, --refine-at, --indicator-ratio and --grid-update"
                + " apply to adaptive solves"), rar.err());
    }

    @Test
    void aContinuationOnOneGridNeedsItsAdamSteps() {
        CommandOutput noSteps = CommandOutput.run("solve", "burgers1d", "--continuation", "nu=5");
        assertNotEquals(0, noSteps.status());
        assertTrue(noSteps.err().contains("--continuation on one grid needs --continuation-steps STEP[,STEP...]"),
                noSteps.err());
        CommandOutput noFactors = CommandOutput.run("solve", "burgers1d", "--continuation-steps", "100");
        assertNotEquals(0, noFactors.status());
        assertTrue(noFactors.err().contains("--continuation-steps needs --continuation NAME=F[,F...]"),
                noFactors.err());
        CommandOutput late = CommandOutput.run("solve", "burgers1d", "--adam", "100", "--continuation", "nu=5,2",
                "--continuation-steps", "50,100");
        assertNotEquals(0, late.status());
        assertTrue(late.err().contains("ends its last level at Adam step 100, but the plan has 100 Adam steps"),
                late.err());
    }

    @Test
    void anAdaptiveSolveTakesTheLevelsByAdamStepInstead(@TempDir Path folder) throws IOException {
        CommandOutput r = CommandOutput.run("solve", "burgers1d", "--widths", "2,3,1", "--grid", "3", "--interior",
                "100", "--adam", "40", "--lbfgs", "5", "--refine", "steps", "--refine-at", "10", "--extend", "6",
                "--continuation", "nu=5", "--continuation-steps", "20", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("continuation nu x5.00 until Adam steps 20"), r.out());
        String events = Files.readString(folder.resolve("events.csv"));
        assertTrue(events.contains("10,refine,"), events);
        assertTrue(events.contains("0,continuation,nu = 0.0159155 (5.00 x 0.00318310) until Adam step 20"), events);
        assertTrue(events.contains("20,continuation,\"nu = 0.00318310 (1.00 x 0.00318310) from Adam step 20, the problem"
                + " itself\""), events);
    }

    @Test
    void aContinuationByAdamStepsShowsItsLevels(@TempDir Path folder) throws IOException {
        CommandOutput r = CommandOutput.run("solve", "burgers1d", "--widths", "2,3,1", "--grid", "3", "--interior",
                "100", "--adam", "40", "--lbfgs", "5", "--continuation", "nu=5", "--continuation-steps", "20", "--out",
                folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("continuation nu x5.00 until Adam steps 20"), r.out());
        String events = Files.readString(folder.resolve("events.csv"));
        assertTrue(events.contains("0,continuation,nu = 0.0159155 (5.00 x 0.00318310) until Adam step 20")
                && events.contains("20,continuation,\"nu = 0.00318310 (1.00 x 0.00318310) from Adam step 20, the"
                + " problem itself\""), events);
        // the checkpoint names the level; resuming the finished run with the same options gives its result again
        assertTrue(Files.exists(folder.resolve(SolveCommand.CHECKPOINT)), "a checkpoint with a continuation");
        CommandOutput again = CommandOutput.run("solve", "burgers1d", "--widths", "2,3,1", "--grid", "3",
                "--interior", "100", "--adam", "40", "--lbfgs", "5", "--continuation", "nu=5", "--continuation-steps",
                "20", "--out", folder.toString(), "--resume", folder.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(errorLine(r.out()), errorLine(again.out()));
        CommandOutput other = CommandOutput.run("solve", "burgers1d", "--widths", "2,3,1", "--grid", "3",
                "--interior", "100", "--adam", "40", "--lbfgs", "5", "--continuation", "nu=4", "--continuation-steps",
                "20", "--out", folder.toString(), "--resume", folder.toString());
        assertNotEquals(0, other.status());
        assertTrue(other.err().contains("the checkpoint was written with continuation nu x5.00 until Adam steps 20,"
                + " this run has continuation nu x4.00 until Adam steps 20"), other.err());
    }

    private static String errorLine(String out) {
        return out.lines().filter(l -> l.startsWith("u: relative L2")).findFirst().orElseThrow();
    }

    @Test
    void outOfRangeAdaptivityAndBudgetNameTheField() {
        CommandOutput factor = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--lr-factor", "2");
        assertNotEquals(0, factor.status());
        assertTrue(factor.err().contains("learningRateFactor must be in (0, 1], got 2.0"), factor.err());
        CommandOutput budget = CommandOutput.run("solve", "poisson2d", "--budget", "-5");
        assertNotEquals(0, budget.status());
        assertTrue(budget.err().contains("time budget must be positive and finite seconds, got -5.0"), budget.err());
        CommandOutput every = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--resample-every", "-1");
        assertNotEquals(0, every.status());
        assertTrue(every.err().contains("resampleEvery must be >= 0"), every.err());
        CommandOutput peak = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--peak-neighbours", "1");
        assertTrue(peak.err().contains("peakNeighbours must be in [0, 0.5] (0: never), got 1.0"), peak.err());
        CommandOutput pool = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--rad-pool", "1");
        assertTrue(pool.err().contains("poolFactor must be >= 2, got 1.0"), pool.err());
        CommandOutput rar = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--rar", "-1");
        assertTrue(rar.err().contains("addedPoints must be >= 0 (0: none), got -1"), rar.err());
        CommandOutput pooled = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--interior", "100",
                "--rar", "401");
        assertNotEquals(0, pooled.status());
        assertTrue(pooled.err().contains("addedPoints (RAR) must be <= its candidate pool, poolFactor 4 x 100 interior"
                + " points = 400, got 401"), pooled.err());
        CommandOutput grid = CommandOutput.run("solve", "poisson2d", "--score-grid", "10x0");
        assertTrue(grid.err().contains("evaluation grid counts [10, 0] must hold one count per coordinate"),
                grid.err());
        CommandOutput front = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--causal-front", "-0.5");
        assertNotEquals(0, front.status());
        assertTrue(front.err().contains("causalFront must be in [0, 1] (0: no waiting), got -0.5"), front.err());
    }

    @Test
    void aFitOfTheExactSolutionSaysSoAndRefusesCausalWeighting(@TempDir Path folder) {
        CommandOutput r = CommandOutput.run("solve", "robin1d", "--fit-exact", "64", "--adam", "20", "--lbfgs", "20",
                "--threads", "1", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("a fit of the exact solution at 64 Sobol points (not the equations)"), r.out());
        assertTrue(r.out().contains("u: relative L2 "), r.out());
        CommandOutput none = CommandOutput.run("solve", "robin1d", "--fit-exact", "0");
        assertNotEquals(0, none.status());
        assertTrue(none.err().contains("a fit of the exact solution needs at least 1 point, got 0"), none.err());
        CommandOutput causal = CommandOutput.run("solve", "allen-cahn1d", "--fit-exact", "64", "--causal-decay", "2");
        assertNotEquals(0, causal.status());
        assertTrue(causal.err().contains("--fit-exact fits without causal weighting"), causal.err());
        CommandOutput adaptive = CommandOutput.run("solve", "burgers1d", "--fit-exact", "64", "--refine", "plateau");
        assertNotEquals(0, adaptive.status());
        assertTrue(adaptive.err().contains("a fit of the exact solution has no equations for the adaptive"),
                adaptive.err());
    }
}
