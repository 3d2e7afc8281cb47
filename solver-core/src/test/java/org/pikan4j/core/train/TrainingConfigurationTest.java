package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LevenbergMarquardt;

/** Bad configuration is refused with a message naming the argument, the value and the range. */
class TrainingConfigurationTest {

    private static void refused(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void badValuesAreRefusedWithClearMessages() {
        Training training = Training.of(Adam.steps(10));
        refused(() -> training.withLossTolerance(-1), "lossTolerance must be >= 0 and finite, got -1.0");
        refused(() -> training.withLossTolerance(Double.NaN), "lossTolerance must be >= 0 and finite, got NaN");
        refused(() -> training.withRecordEvery(0), "recordEvery must be >= 1, got 0");
        refused(() -> training.withListener(null), "listener must not be null");
        refused(() -> Training.of(new Stage[0]), "stages must hold at least one stage, got none");
        refused(() -> Training.of(Adam.steps(1), (Lbfgs) null), "more[0] must not be null");
        refused(() -> new Trainer(null), "training must not be null");
        Network network = Poisson1d.kan(5, 5);
        refused(() -> training.train(Poisson1d.loss(network, 10), new double[3]),
                "theta must have length 100 (the loss's parameter count), got 3");
    }

    @Test
    void configurationIsImmutableAndChains() {
        Training base = Training.of(Adam.steps(10));
        Training longer = base.then(Lbfgs.steps(5)).then(LevenbergMarquardt.steps(3)).withLossTolerance(1e-6)
                .withRecordEvery(2).withListener(new TrainingListener() { });
        assertEquals(1, base.stages().size());
        assertEquals(0.0, base.lossTolerance());
        assertEquals(1, base.recordEvery());
        assertTrue(base.listeners().isEmpty());
        assertEquals(List.of("adam", "lbfgs", "lm"), longer.stages().stream().map(Stage::name).toList());
        assertEquals(List.of(10, 5, 3), longer.stages().stream().map(Stage::steps).toList());
        assertEquals(1e-6, longer.lossTolerance());
        assertEquals(2, longer.recordEvery());
        assertEquals(1, longer.listeners().size());
        assertTrue(longer.withoutListeners().listeners().isEmpty());
    }
}
