package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pikan solve --sparsity/--smoothness/--symbolic}: the penalties train along and are logged, the
 * formula is read out and written; bad values are refused.
 */
class SolveInterpretabilityTest {

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

    /**
     * KAN [1, 1] on poisson1d: its one edge becomes sin(πx); measured relative L2 of the network 1.1e-3, of the
     * formula fine-tuned to the PDE 1.2e-16.
     */
    @Test
    void symbolicReadoutPrintsAndWritesTheFormula() throws IOException {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--widths", "1,1", "--adam", "100", "--lbfgs", "100",
                "--symbolic", "--out", folder.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(folder.resolve("formula.txt"));
        int at = lines.indexOf("formula:");
        assertEquals("sin(3.141593*x)", lines.get(at + 1), String.join("\n", lines));
        assertEquals("\\sin\\left(3.141593 x\\right)", lines.get(lines.indexOf("LaTeX:") + 1));
        Matcher m = Pattern.compile("fine-tuned to the PDE:\\s+u: relative L2 ([0-9.e+-]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-6, r.out());
    }

    @Test
    void symbolicNeedsAKan() {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--model", "mlp", "--widths", "1,8,1", "--symbolic");
        assertTrue(r.status() != 0 && r.err().contains("--symbolic reads formulas out of KAN edges"), r.err());
    }

    @Test
    void negativeWeightsAndLevenbergMarquardtAreRefused() {
        CommandOutput r = CommandOutput.run("solve", "poisson1d", "--sparsity", "-1");
        assertTrue(r.status() != 0 && r.err().contains("sparsity (lamb) must be >= 0 and finite, got -1.0"), r.err());
        r = CommandOutput.run("solve", "poisson1d", "--sparsity", "1e-3", "--lm", "5", "--adam", "1", "--lbfgs", "1",
                "--out", folder.toString());
        assertTrue(r.status() != 0 && r.err().contains("cannot go with Levenberg-Marquardt steps"), r.out() + r.err());
        // a conservation law is a penalty too, refused before any training
        r = CommandOutput.run("solve", "burgers1d", "--lm", "5", "--adam", "1", "--lbfgs", "1", "--out",
                folder.toString());
        assertTrue(r.status() != 0 && r.err().contains("loss terms [conservation]")
                && r.err().contains("conservation laws [conservation]") && !r.out().contains("adam ["),
                r.out() + r.err());
    }
}
