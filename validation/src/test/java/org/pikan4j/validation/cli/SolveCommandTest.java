package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.io.ModelFile;
import org.pikan4j.core.io.SavedModel;
import org.junit.jupiter.api.io.TempDir;

/** A short {@code pikan solve poisson2d} run learns the solution and writes its report. */
class SolveCommandTest {

    /**
     * Measured 7.5e-4 (seed 1, this budget: Adam 200, L-BFGS 200 on G = 5, then 200 on G = 10);
     * the untrained network is off by ~1.
     */
    private static final double ERROR_BOUND = 3e-3;

    @TempDir
    Path folder;

    @Test
    void shortPoissonRunReducesTheErrorAndWritesReport() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--adam", "200", "--lbfgs", "200", "--lm", "0",
                "--interior", "600", "--boundary", "120", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("u: relative L2 ([0-9.e+-]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double error = Double.parseDouble(m.group(1));
        assertTrue(error < ERROR_BOUND, "relative L2 " + error);
        assertTrue(r.out().contains("parameters 450"), r.out());
        for (String png : List.of("loss.png", "solution.png", "exact.png", "error.png", "network.png")) {
            assertNotNull(ImageIO.read(folder.resolve(png).toFile()), png + " does not decode");
        }
        assertFalse(Files.exists(folder.resolve("error-by-time.csv")), "poisson2d has no time");
        SavedModel model = ModelFile.load(folder.resolve("model.pikan"));
        assertEquals(450, model.network().parameterCount());
        assertEquals("poisson2d", model.metadata().get("problem"));
        List<String> csv = Files.readAllLines(folder.resolve("history.csv"));
        // u = 0 on the boundary is exact (output transform): the PDE is the only term
        assertEquals("step,stage,loss,pde,seconds", csv.get(0));
        assertTrue(csv.size() > 300, "history rows: " + csv.size());
    }

    @Test
    void denseBfgsReplacesTheLbfgsStageAndLowersTheLoss() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--adam", "50", "--lbfgs", "60", "--lm", "0",
                "--dense-bfgs", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("-> bfgs 60 (dense)"), r.out());
        List<String> bfgs = Files.readAllLines(folder.resolve("history.csv")).stream()
                .filter(line -> line.split(",")[1].equals("bfgs")).toList();
        assertTrue(bfgs.size() > 1, "bfgs rows: " + bfgs);
        double first = Double.parseDouble(bfgs.get(0).split(",")[2]);
        double last = Double.parseDouble(bfgs.get(bfgs.size() - 1).split(",")[2]);
        assertTrue(last < first / 10, "bfgs loss " + first + " -> " + last);
    }

    @Test
    void plateauRefinementExtendsTheGridDuringAdamAndLogsIt() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--refine", "plateau", "--resample-every", "0",
                "--extend", "10", "--adam", "1000", "--lbfgs", "50", "--interior", "400", "--boundary", "80", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        // G 5 -> 10 happened: KAN [2,10,1] has 300 parameters on G = 5 and 450 on G = 10
        assertTrue(r.out().contains("parameters 450"), r.out());
        List<String> events = Files.readAllLines(folder.resolve("events.csv"));
        assertTrue(events.stream().anyMatch(e -> e.contains(",refine,") && e.contains("G 5 -> 10")), events.toString());
    }

    @Test
    void stepRefinementWithAGridUpdateExtendsAfterTheListedAdamSteps() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--refine", "steps", "--refine-at", "40,80",
                "--grid-update", "0.02", "--extend", "10,20", "--adam", "120", "--lbfgs", "5", "--interior", "200",
                "--boundary", "40", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("adaptive (at steps [40, 80], lr x0.500 per extension, grid update (gridEps 0.0200)"
                + " before each extension"), r.out());
        List<String> refinements = Files.readAllLines(folder.resolve("events.csv")).stream()
                .filter(e -> e.contains(",refine,")).toList();
        // poisson2d holds u = 0 exactly on the boundary: the 200 interior points are all the loss's points
        assertEquals(2, refinements.size(), refinements.toString());
        assertTrue(refinements.get(0).startsWith("40,") && refinements.get(0).contains("G 5 -> 10"),
                refinements.get(0));
        assertTrue(refinements.get(1).startsWith("80,") && refinements.get(1).contains("G 10 -> 20"),
                refinements.get(1));
        assertTrue(refinements.stream().allMatch(e -> e.contains("knots moved toward 200 samples")),
                refinements.toString());
    }

    @Test
    void indicatorRefinementFiresWhenTheResidualConcentrates() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--refine", "indicator", "--indicator-ratio", "1.5",
                "--extend", "10", "--adam", "300", "--lbfgs", "5", "--interior", "200", "--boundary", "40",
                "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        List<String> refinements = Files.readAllLines(folder.resolve("events.csv")).stream()
                .filter(e -> e.contains(",refine,")).toList();
        assertEquals(1, refinements.size(), refinements.toString());
        assertTrue(refinements.get(0).contains("indicator ratio") && refinements.get(0).contains("> 1.50")
                && refinements.get(0).contains("G 5 -> 10"), refinements.get(0));
    }

    @Test
    void unknownRefinementModeIsRefused() {
        CommandOutput r = CommandOutput.run("solve", "poisson2d", "--refine", "sometimes");
        assertTrue(r.status() != 0 && r.err().contains("--refine must be after-stages, plateau, steps or indicator"),
                r.err());
    }

    @Test
    void headerNamesThePeriodicEmbeddingInFrontOfTheModelAndTheCausalWeighting() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "allen-cahn1d", "--adam", "2", "--lbfgs", "0", "--lm", "0",
                "--interior", "200", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("model KAN [2, 8, 8, 1] G=10 k=3 behind the embedding periodic 2->3"), r.out());
        assertTrue(r.out().contains("causal ε = 1.0, 32 slabs, decay 3.0, seed 1"), r.out());
        assertTrue(Pattern.compile("u relative L2 over space at t = 0\\.25: \\S+, t = 0\\.5: \\S+, t = 0\\.75: \\S+,"
                + " t = 1: \\S+").matcher(r.out()).find(), r.out());
        List<String> csv = Files.readAllLines(folder.resolve("error-by-time.csv"));
        assertEquals("t,relative_l2,max_error", csv.get(0));
        assertEquals(1 + 101, csv.size(), "one line per time of the 101 x 101 grid");
        assertNotNull(ImageIO.read(folder.resolve("error-time.png").toFile()), "error-time.png does not decode");
    }
}
