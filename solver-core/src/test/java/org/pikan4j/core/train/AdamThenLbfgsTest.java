package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.residual.PinnLoss;

/**
 * Adam then L-BFGS on the 1D Poisson problem with a KAN [1,5,1] (G = 5, 100 parameters), 50
 * interior and 2 boundary points: the loss falls by orders of magnitude, the history has one
 * row per step with every term, and its CSV parses back.
 */
class AdamThenLbfgsTest {

    private static final int ADAM_STEPS = 500;
    private static final int LBFGS_STEPS = 300;

    private static PinnLoss loss;
    private static double[] start;
    private static double initialLoss;
    private static TrainingResult result;

    @BeforeAll
    static void train() {
        Network network = Poisson1d.kan(5, 5);
        loss = Poisson1d.loss(network, 50);
        start = network.initialParameters(1);
        initialLoss = loss.evaluate(start, new double[start.length]);
        result = Training.of(Adam.steps(ADAM_STEPS).withLearningRate(1e-2), Lbfgs.steps(LBFGS_STEPS))
                .train(loss, start);
        System.out.printf("Poisson 1D: loss %.3e -> %.3e (%s) in %.2f s%n", initialLoss, result.loss(),
                result.stopReason(), result.seconds());
    }

    @Test
    void lossFallsByOrdersOfMagnitude() {
        // measured (jvm, seed 1): 49.5 -> 3.2e-3 after Adam, 2.2e-4 after L-BFGS; bound 1e-4 x initial
        assertEquals(StopReason.BUDGET, result.stopReason(), result.diagnosis());
        assertEquals(ADAM_STEPS + LBFGS_STEPS, result.steps());
        assertTrue(result.loss() < 1e-4 * initialLoss, "final loss " + result.loss() + " vs initial " + initialLoss);
        double[] losses = result.history().losses();
        assertTrue(result.loss() < 0.5 * losses[ADAM_STEPS - 1],
                "L-BFGS should improve on Adam's " + losses[ADAM_STEPS - 1] + ", got " + result.loss());
    }

    @Test
    void resultParametersCarryTheReportedLossAndTerms() {
        double[] theta = result.theta();
        double value = loss.evaluate(theta, new double[theta.length]);
        assertEquals(result.loss(), value, 0.0);
        double[] terms = loss.termValues();
        assertEquals(terms[0], result.termValue("pde"), 0.0);
        assertEquals(terms[1], result.termValue("boundary"), 0.0);
        assertEquals(List.of("pde", "boundary"), List.copyOf(result.termValues().keySet()));
    }

    @Test
    void historyHasOneRowPerStepWithEveryTerm() {
        TrainingHistory history = result.history();
        assertEquals(List.of("pde", "boundary"), history.termNames());
        assertEquals(ADAM_STEPS + LBFGS_STEPS, history.size());
        for (int i = 0; i < history.size(); i++) {
            TrainingHistory.Row row = history.rows().get(i);
            assertEquals(i + 1, row.step());
            assertEquals(i < ADAM_STEPS ? "adam" : "lbfgs", row.stage());
            assertEquals(2, row.terms().size());
            // the loss is the sum of the weighted terms, up to rounding
            assertEquals(row.loss(), row.terms().get(0) + row.terms().get(1), 1e-12 * row.loss());
            assertTrue(i < ADAM_STEPS ? row.learningRate() == 1e-2 : Double.isNaN(row.learningRate()));
            assertTrue(i == 0 || row.seconds() >= history.rows().get(i - 1).seconds());
        }
        // L-BFGS reports the accepted point of a monotone line search
        for (int i = ADAM_STEPS + 1; i < history.size(); i++) {
            assertTrue(history.rows().get(i).loss() <= history.rows().get(i - 1).loss(), "row " + i);
        }
    }

    @Test
    void csvIsWrittenAndParses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        result.history().writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("step,stage,loss,pde,boundary,seconds", lines.get(0));
        assertEquals(result.history().size() + 1, lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(6, cells.length, lines.get(i));
            TrainingHistory.Row row = result.history().rows().get(i - 1);
            assertEquals(row.step(), Integer.parseInt(cells[0]));
            assertEquals(row.stage(), cells[1]);
            assertEquals(row.loss(), Double.parseDouble(cells[2]), 0.0);
            assertEquals(row.terms().get(0), Double.parseDouble(cells[3]), 0.0);
            assertEquals(row.terms().get(1), Double.parseDouble(cells[4]), 0.0);
            assertEquals(row.seconds(), Double.parseDouble(cells[5]), 0.0);
        }
    }

    @Test
    void sameParametersInGiveTheSameParametersOut() {
        double[] copy = start.clone();
        TrainingResult again = Training.of(Adam.steps(ADAM_STEPS).withLearningRate(1e-2), Lbfgs.steps(LBFGS_STEPS))
                .train(loss, copy);
        assertArrayEquals(start, copy, 0.0, "the caller's array must not change");
        assertArrayEquals(result.theta(), again.theta(), 0.0);
        assertArrayEquals(result.history().losses(), again.history().losses(), 0.0);
    }
}
