package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;

/** Recording interval, events, and one history continued over two trainings. */
class TrainingHistoryTest {

    private final Network network = Poisson1d.kan(5, 5);
    private final PinnLoss loss = Poisson1d.loss(network, 50);
    private final double[] start = network.initialParameters(1);

    @Test
    void recordsEveryNthStepAndTheLastOfEachStage() {
        TrainingResult result = Training.of(Adam.steps(20), Lbfgs.steps(5)).withRecordEvery(7).train(loss, start);
        List<Integer> steps = result.history().rows().stream().map(TrainingHistory.Row::step).toList();
        assertEquals(List.of(7, 14, 20, 21, 25), steps);
    }

    @Test
    void continuedHistoryCarriesOnNumberingAndKeepsEvents(@TempDir Path dir) throws IOException {
        Training adam = Training.of(Adam.steps(10).withLearningRate(1e-2));
        TrainingResult first = adam.train(loss, start);
        TrainingHistory history = first.history();
        history.addEvent(10, "refine", "grid 5 -> 10, \"cubic\"");
        TrainingResult second = adam.train(loss, first.theta(), history);

        assertEquals(20, history.size());
        assertEquals(11, history.rows().get(10).step());
        assertEquals(10, second.steps());
        assertTrue(history.rows().get(10).seconds() >= history.rows().get(9).seconds());
        List<String> kinds = history.events().stream().map(TrainingHistory.Event::kind).toList();
        assertEquals(List.of("stage", "stop", "refine", "stage", "stop"), kinds);

        Path file = dir.resolve("events.csv");
        history.writeEventsCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("step,kind,description", lines.get(0));
        assertEquals("10,refine,\"grid 5 -> 10, \"\"cubic\"\"\"", lines.get(3));
        assertEquals(6, lines.size());
    }

    @Test
    void historyOfOtherTermsIsRefused() {
        TrainingHistory history = Training.of(Adam.steps(2)).train(loss, start).history();
        ResidualTerm only = Poisson1d.boundary();
        PinnLoss other = new PinnLoss(network, org.pikan4j.core.backend.Backends.defaultBackend(), List.of(only),
                Poisson1d.X);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.of(Adam.steps(2)).train(other, start, history));
        assertTrue(e.getMessage().contains("[boundary]") && e.getMessage().contains("[pde, boundary]"), e.getMessage());
    }

    @Test
    void eventsNeedAKindAndANonNegativeStep() {
        TrainingHistory history = new TrainingHistory();
        assertThrows(IllegalArgumentException.class, () -> history.addEvent(-1, "refine", "x"));
        assertThrows(IllegalArgumentException.class, () -> history.addEvent(0, " ", "x"));
        assertThrows(IllegalArgumentException.class, () -> history.addEvent(0, "refine", null));
        assertThrows(IllegalArgumentException.class, () -> history.termValues("pde"));
    }
}
