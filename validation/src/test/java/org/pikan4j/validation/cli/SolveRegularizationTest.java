package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pikan solve --sparsity/--smoothness}: the penalties train along and are logged; bad values are refused. */
class SolveRegularizationTest {

    @TempDir
    Path folder;

    @Test
    void penaltiesAppearInTheHistoryAndTheDiagramIsWritten() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--adam", "50", "--lbfgs", "50",
                "--sparsity", "1e-4", "--smoothness", "1e-7", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        List<String> csv = Files.readAllLines(folder.resolve("history.csv"));
        assertEquals("step,stage,loss,pde,dirichlet,sparsity,smoothness,seconds", csv.get(0));
        assertNotNull(ImageIO.read(folder.resolve("network.png").toFile()));
    }

    @Test
    void negativeWeightsAndLevenbergMarquardtAreRefused() {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--sparsity", "-1");
        assertTrue(r.status() != 0 && r.err().contains("sparsity (lamb) must be finite and >= 0, got -1.0"), r.err());
        r = CommandOutput.run("solve", "poisson1d", "--sparsity", "1e-3", "--lm", "5", "--adam", "1", "--lbfgs", "1",
                "--out", folder.toString());
        assertTrue(r.status() != 0 && r.err().contains("cannot go with Levenberg-Marquardt steps"), r.out() + r.err());
    }
}
