package org.pikan4j.validation.solve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.io.CheckpointFile;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.train.CheckpointSink;
import org.pikan4j.core.train.TrainingState;

/**
 * How a {@link Solver} run is written to and continued from a checkpoint file. The file's metadata records
 * everything the solve's result depends on (problem, model, collocation, optimizers, causal weighting, seed,
 * backend, threads, refinement mode, regularization, continuation) and the phase: 0 before any grid extension, p
 * after the p-th; under a continuation, phase 0 also names the level (0 to the number of levels, the last one the
 * problem itself).
 * A resume must match every setting, so that it continues the run bit for bit; the collocation points are compared
 * too.
 *
 * @param file  the checkpoint file written, null for none
 * @param every steps between checkpoints (0: only when a training phase stops)
 * @param from  the checkpoint to continue, null for a fresh run
 */
record SolverCheckpoints(Path file, int every, Checkpoint from) {

    /** The metadata keys a resume must match, in the order they are checked. */
    private static final List<String> SETTINGS = List.of("problem", "model", "collocation", "optimizers",
            "causality", "seed", "backend", "threads", "refine", "regularization", "continuation");

    /** The metadata key of the continuation level a checkpoint of phase 0 was written in. */
    static final String LEVEL = "level";

    static SolverCheckpoints none() {
        return new SolverCheckpoints(null, 0, null);
    }

    /** @return true when the solve writes checkpoints or resumes one */
    boolean active() {
        return file != null || from != null;
    }

    SolverCheckpoints writingTo(Path target, int interval) {
        if (target == null) {
            throw new IllegalArgumentException("the checkpoint file must not be null");
        }
        if (interval < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0 steps (0: only when training stops),"
                    + " got " + interval);
        }
        return new SolverCheckpoints(target, interval, from);
    }

    SolverCheckpoints resuming(Checkpoint checkpoint) {
        if (checkpoint == null) {
            throw new IllegalArgumentException("the checkpoint to resume must not be null");
        }
        if (!checkpoint.metadata().containsKey("phase")) {
            throw new IllegalArgumentException("the checkpoint was not written by pikan solve (its metadata has no"
                    + " phase); resume it with Training.resume from Java");
        }
        return new SolverCheckpoints(file, every, checkpoint);
    }

    /** The settings of a solve as metadata. */
    static Map<String, String> settings(Solver solver, String refine, String regularization) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("problem", solver.problem().name());
        m.put("model", solver.settings().model().toString());
        m.put("collocation", solver.settings().collocation().toString());
        m.put("optimizers", solver.settings().optimizers().toString());
        m.put("causality", solver.settings().causality().toString());
        m.put("seed", Long.toString(solver.seed()));
        m.put("backend", solver.backend());
        m.put("threads", Integer.toString(solver.threads()));
        m.put("refine", refine);
        m.put("regularization", regularization);
        m.put("continuation", solver.continuation().map(Continuation::toString).orElse("none"));
        return m;
    }

    /**
     * The phase to continue, after checking that the checkpoint was written by a solve with these settings.
     *
     * @throws IllegalArgumentException naming the first setting that differs, with both values
     */
    int phase(Map<String, String> settings) {
        Map<String, String> saved = from.metadata();
        for (String key : SETTINGS) {
            if (!saved.containsKey(key)) {
                throw new IllegalArgumentException("the checkpoint records no " + key + " (an older pikan4j wrote it);"
                        + " a resume needs every setting to continue the run exactly: start the run again");
            }
            if (!settings.get(key).equals(saved.get(key))) {
                throw new IllegalArgumentException("the checkpoint was written with " + key + " " + saved.get(key)
                        + ", this run has " + key + " " + settings.get(key) + "; a resume needs the same settings to"
                        + " continue the run exactly");
            }
        }
        try {
            return Integer.parseInt(saved.get("phase"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's phase must be an integer, got \"" + saved.get("phase")
                    + "\"");
        }
    }

    /**
     * The continuation level to continue, of a checkpoint whose settings {@link #phase} accepted.
     *
     * @param levels the continuation's number of levels; the level after the last trains the problem itself
     * @throws IllegalArgumentException when the checkpoint names no level or one outside [0, levels]
     */
    int level(int levels) {
        String saved = from.metadata().get(LEVEL);
        if (saved == null) {
            throw new IllegalArgumentException("the checkpoint names no continuation level; a resume of a solve with a"
                    + " continuation needs one: start the run again");
        }
        try {
            int level = Integer.parseInt(saved);
            if (level >= 0 && level <= levels) {
                return level;
            }
        } catch (NumberFormatException e) {
            // refused below with the value
        }
        throw new IllegalArgumentException("the checkpoint's continuation level must be an integer in [0, " + levels
                + "], got \"" + saved + "\"");
    }

    /** Checks that this run samples the same collocation points as the checkpointed one, bit for bit. */
    void requireSamePoints(List<ResidualTerm> terms) {
        Map<String, double[][]> saved = from.points();
        List<String> names = terms.stream().map(ResidualTerm::name).toList();
        if (!names.equals(List.copyOf(saved.keySet()))) {
            throw new IllegalArgumentException("the checkpoint holds points of the terms " + saved.keySet()
                    + ", this run has terms " + names);
        }
        for (ResidualTerm term : terms) {
            double[][] points = saved.get(term.name());
            if (!Arrays.deepEquals(points, term.points())) {
                throw new IllegalArgumentException("the collocation points of term '" + term.name() + "' differ from"
                        + " the checkpoint's (" + term.size() + " vs " + points.length + " points): a resume needs the"
                        + " same sampler and counts");
            }
        }
    }

    /** A sink writing checkpoints of phase {@code phase} on {@code network}, or null when no file is set. */
    CheckpointSink sink(Map<String, String> settings, int phase, Network network, List<ResidualTerm> terms) {
        if (file == null) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>(settings);
        metadata.put("phase", Integer.toString(phase));
        Map<String, double[][]> points = new LinkedHashMap<>();
        for (ResidualTerm term : terms) {
            points.put(term.name(), term.points());
        }
        return (TrainingState state) -> {
            try {
                CheckpointFile.save(file, new Checkpoint(network, state, points, metadata));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the checkpoint " + file, e);
            }
        };
    }
}
