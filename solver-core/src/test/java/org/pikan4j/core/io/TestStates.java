package org.pikan4j.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.train.Poisson1d;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.core.train.TrainingState;

/**
 * The states of one short run the checkpoint tests share: Adam 8, L-BFGS 6 (3 pairs), Levenberg-Marquardt 3 on
 * the 1D Poisson problem (KAN [1,3,1], G = 3, 48 parameters, 20 interior points), every 3rd step recorded, a
 * state after every step.
 */
final class TestStates {

    static final Network NETWORK = Poisson1d.kan(3, 3);
    static final PinnLoss LOSS = Poisson1d.loss(NETWORK, 20);

    private static List<TrainingState> states;
    private static TrainingResult plain;

    private TestStates() {
    }

    static Training chain() {
        return Training.of(Adam.steps(8).withLearningRate(2e-2), Lbfgs.steps(6).withHistorySize(3))
                .then(LevenbergMarquardt.steps(3)).withRecordEvery(3);
    }

    /** Every state of the run, in order. */
    static synchronized List<TrainingState> all() {
        if (states == null) {
            double[] start = NETWORK.initialParameters(2);
            plain = chain().train(LOSS, start);
            List<TrainingState> list = new ArrayList<>();
            chain().withCheckpoints(1, list::add).train(LOSS, start);
            states = Collections.unmodifiableList(list);
        }
        return states;
    }

    /** The uninterrupted run's result. */
    static TrainingResult plain() {
        all();
        return plain;
    }

    /** The first state whose optimizer state is of the given kind. */
    static TrainingState first(Class<? extends OptimizerState> kind) {
        return all().stream().filter(s -> kind.isInstance(s.optimizer())).findFirst().orElseThrow();
    }

    /** A checkpoint of a state with the loss's points and two metadata entries. */
    static Checkpoint checkpoint(TrainingState state) {
        Map<String, double[][]> points = new LinkedHashMap<>();
        for (ResidualTerm term : LOSS.terms()) {
            points.put(term.name(), term.points());
        }
        return new Checkpoint(NETWORK, state, points, Map.of("problem", "poisson1d", "note", "line\nbreak"));
    }
}
