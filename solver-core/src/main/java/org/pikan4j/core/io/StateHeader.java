package org.pikan4j.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.train.TrainingState;

/**
 * The header entries and arrays of a {@link TrainingState}, and back (the layout is in the package
 * documentation). Numbers in the header are written by {@link Double#toString(double)} and parse back to the
 * same bits; history rows go to the array {@code history.rows}, {@code 4 + T} numbers per row (step, loss,
 * learning rate, seconds, then the T term values).
 */
final class StateHeader {

    /** Numbers per history row before the term values. */
    private static final int ROW_PREFIX = 4;

    private StateHeader() {
    }

    /** Adds the state's entries to {@code h} and its arrays to {@code payload}. */
    static void describe(TrainingState state, Map<String, String> h, ArrayPayload payload) {
        TrainingState.Position p = state.position();
        List<String> stages = p.stages();
        h.put("state.stages", Integer.toString(stages.size()));
        for (int s = 0; s < stages.size(); s++) {
            h.put("state.stage." + s + ".name", stages.get(s));
        }
        h.put("state.stage", Integer.toString(p.stage()));
        h.put("state.stageSteps", Integer.toString(p.stageSteps()));
        h.put("state.stageConverged", Boolean.toString(p.stageConverged()));
        h.put("state.step", Integer.toString(p.step()));
        h.put("state.firstStep", Integer.toString(p.firstStep()));
        h.put("state.retries", Integer.toString(state.retries()));
        h.put("state.seconds", Double.toString(state.seconds()));
        payload.add("theta", state.theta());
        describeOptimizer(state.optimizer(), h, payload);
        TrainingState.Best best = state.best();
        h.put("best.loss", Double.toString(best.loss()));
        h.put("best.step", Integer.toString(best.step()));
        h.put("best.where", best.where());
        payload.add("best.theta", best.theta()).add("best.terms", best.terms());
        describeHistory(state.history(), state.pending(), h, payload);
    }

    private static void describeOptimizer(OptimizerState o, Map<String, String> h, ArrayPayload payload) {
        if (o == null) {
            h.put("optimizer", "none");
        } else if (o instanceof AdamState a) {
            h.put("optimizer", "adam");
            h.put("optimizer.iterations", Integer.toString(a.iterations()));
            h.put("optimizer.learningRate", Double.toString(a.learningRate()));
            payload.add("adam.m", a.m()).add("adam.v", a.v());
        } else if (o instanceof LbfgsState l) {
            h.put("optimizer", "lbfgs");
            h.put("optimizer.pairs", Integer.toString(l.pairs()));
            payload.addRows("lbfgs.s", l.s()).addRows("lbfgs.y", l.y());
        } else if (o instanceof BfgsState b) {
            h.put("optimizer", "bfgs");
            h.put("optimizer.curvature", Boolean.toString(!b.isEmpty()));
            payload.add("bfgs.inverse", b.upperTriangle());
        } else if (o instanceof DampingState d) {
            h.put("optimizer", "lm");
            h.put("optimizer.damping", Double.toString(d.damping()));
        }
    }

    private static void describeHistory(TrainingHistory history, TrainingHistory.Row pending, Map<String, String> h,
                                        ArrayPayload payload) {
        List<String> terms = history.termNames();
        h.put("history.terms", Integer.toString(terms.size()));
        for (int t = 0; t < terms.size(); t++) {
            h.put("history.term." + t, terms.get(t));
        }
        List<TrainingHistory.Row> rows = history.rows();
        h.put("history.rows", Integer.toString(rows.size()));
        List<String> runStages = new ArrayList<>();
        List<Integer> runLengths = new ArrayList<>();
        for (TrainingHistory.Row row : rows) {
            int last = runStages.size() - 1;
            if (last >= 0 && runStages.get(last).equals(row.stage())) {
                runLengths.set(last, runLengths.get(last) + 1);
            } else {
                runStages.add(row.stage());
                runLengths.add(1);
            }
        }
        h.put("history.runs", Integer.toString(runStages.size()));
        for (int r = 0; r < runStages.size(); r++) {
            h.put("history.run." + r + ".stage", runStages.get(r));
            h.put("history.run." + r + ".rows", Integer.toString(runLengths.get(r)));
        }
        List<TrainingHistory.Event> events = history.events();
        h.put("history.events", Integer.toString(events.size()));
        for (int e = 0; e < events.size(); e++) {
            h.put("history.event." + e + ".step", Integer.toString(events.get(e).step()));
            h.put("history.event." + e + ".kind", events.get(e).kind());
            h.put("history.event." + e + ".description", events.get(e).description());
        }
        h.put("history.pending", pending == null ? "none" : pending.stage());
        double[][] numbers = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            numbers[r] = rowNumbers(rows.get(r), terms.size());
        }
        payload.addRows("history.rows", numbers);
        if (pending != null) {
            payload.add("history.pending", rowNumbers(pending, terms.size()));
        }
    }

    private static double[] rowNumbers(TrainingHistory.Row row, int terms) {
        double[] n = new double[ROW_PREFIX + terms];
        n[0] = row.step();
        n[1] = row.loss();
        n[2] = row.learningRate();
        n[3] = row.seconds();
        for (int t = 0; t < terms; t++) {
            n[ROW_PREFIX + t] = row.terms().get(t);
        }
        return n;
    }

    /**
     * The state the entries and arrays describe.
     *
     * @param thetaLength the length of the state's parameter vector (the header's parameter total)
     * @throws ModelFileException for a missing or malformed entry or array, or parts that do not fit together
     */
    static TrainingState read(HeaderEntries e, Map<String, double[]> arrays, int thetaLength)
            throws ModelFileException {
        Path file = e.file();
        int stageCount = e.integer("state.stages", 1);
        List<String> stages = new ArrayList<>();
        for (int s = 0; s < stageCount; s++) {
            stages.add(e.string("state.stage." + s + ".name"));
        }
        double[] theta = ArrayPayload.take(file, arrays, "theta", thetaLength);
        OptimizerState optimizer = readOptimizer(e, arrays, thetaLength);
        List<String> terms = new ArrayList<>();
        int termCount = e.integer("history.terms", 1);
        for (int t = 0; t < termCount; t++) {
            terms.add(e.string("history.term." + t));
        }
        try {
            TrainingState.Position position = new TrainingState.Position(stages, e.integer("state.stage"),
                    e.integer("state.stageSteps"), e.bool("state.stageConverged"), e.integer("state.step"),
                    e.integer("state.firstStep"));
            TrainingState.Best best = new TrainingState.Best(ArrayPayload.take(file, arrays, "best.theta",
                    thetaLength), e.number("best.loss"), ArrayPayload.take(file, arrays, "best.terms", termCount),
                    e.integer("best.step"), e.string("best.where"));
            TrainingHistory history = TrainingHistory.of(terms, readRows(e, arrays, terms), readEvents(e));
            TrainingHistory.Row pending = readPending(e, arrays, terms);
            return new TrainingState(position, theta, optimizer, best, history, pending, e.integer("state.retries"),
                    e.number("state.seconds"));
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(file, "the training state does not fit together: " + ex.getMessage());
        }
    }

    private static OptimizerState readOptimizer(HeaderEntries e, Map<String, double[]> arrays, int n)
            throws ModelFileException {
        Path file = e.file();
        String kind = e.string("optimizer");
        try {
            switch (kind) {
                case "none":
                    return null;
                case "adam":
                    return new AdamState(e.integer("optimizer.iterations"), e.number("optimizer.learningRate"),
                            ArrayPayload.take(file, arrays, "adam.m", n), ArrayPayload.take(file, arrays, "adam.v", n));
                case "lbfgs":
                    int pairs = e.integer("optimizer.pairs", 0);
                    return new LbfgsState(
                            ArrayPayload.rows(ArrayPayload.take(file, arrays, "lbfgs.s", (long) pairs * n), pairs, n),
                            ArrayPayload.rows(ArrayPayload.take(file, arrays, "lbfgs.y", (long) pairs * n), pairs, n));
                case "bfgs":
                    return new BfgsState(ArrayPayload.take(file, arrays, "bfgs.inverse",
                            e.bool("optimizer.curvature") ? BfgsState.upperTriangleLength(n) : 0));
                case "lm":
                    return new DampingState(e.number("optimizer.damping"));
                default:
                    throw HeaderText.invalid(file, "header key \"optimizer\" names unknown optimizer \"" + kind
                            + "\"; this build reads none, adam, lbfgs, bfgs and lm");
            }
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(file, "the " + kind + " state is not valid: " + ex.getMessage());
        }
    }

    private static List<TrainingHistory.Row> readRows(HeaderEntries e, Map<String, double[]> arrays,
                                                      List<String> terms) throws ModelFileException {
        int count = e.integer("history.rows", 0);
        int width = ROW_PREFIX + terms.size();
        double[][] numbers = ArrayPayload.rows(ArrayPayload.take(e.file(), arrays, "history.rows",
                (long) count * width), count, width);
        List<String> stages = new ArrayList<>();
        int runs = e.integer("history.runs", 0);
        for (int r = 0; r < runs; r++) {
            int length = e.integer("history.run." + r + ".rows", 1);
            String stage = e.string("history.run." + r + ".stage");
            for (int i = 0; i < length; i++) {
                stages.add(stage);
            }
        }
        if (stages.size() != count) {
            throw HeaderText.invalid(e.file(), "the history runs cover " + stages.size() + " rows, header key"
                    + " \"history.rows\" says " + count);
        }
        List<TrainingHistory.Row> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            rows.add(row(e.file(), numbers[r], stages.get(r), terms.size()));
        }
        return rows;
    }

    private static TrainingHistory.Row readPending(HeaderEntries e, Map<String, double[]> arrays, List<String> terms)
            throws ModelFileException {
        String stage = e.string("history.pending");
        if (stage.equals("none")) {
            return null;
        }
        double[] numbers = ArrayPayload.take(e.file(), arrays, "history.pending", ROW_PREFIX + terms.size());
        return row(e.file(), numbers, stage, terms.size());
    }

    private static TrainingHistory.Row row(Path file, double[] n, String stage, int terms) throws ModelFileException {
        int step = (int) n[0];
        if (step != n[0]) {
            throw HeaderText.invalid(file, "a history row has step " + n[0] + ", not an integer");
        }
        List<Double> values = new ArrayList<>(terms);
        for (int t = 0; t < terms; t++) {
            values.add(n[ROW_PREFIX + t]);
        }
        return new TrainingHistory.Row(step, stage, n[1], values, n[2], n[3]);
    }

    private static List<TrainingHistory.Event> readEvents(HeaderEntries e) throws ModelFileException {
        int count = e.integer("history.events", 0);
        List<TrainingHistory.Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String p = "history.event." + i + ".";
            events.add(new TrainingHistory.Event(e.integer(p + "step"), e.string(p + "kind"),
                    e.string(p + "description")));
        }
        return events;
    }
}
