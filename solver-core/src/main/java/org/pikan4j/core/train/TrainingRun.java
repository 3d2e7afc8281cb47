package org.pikan4j.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.optim.LbfgsRun;
import org.pikan4j.core.optim.OptimizerRun;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.residual.PinnLoss;

/**
 * The mutable state of one {@link Trainer#train} or {@link Trainer#resume} call, see {@link Trainer} for the
 * rules. With a divergence guard or checkpoints it keeps two {@link Mark}s: {@code good}, the newest marked state
 * whose loss was checked (marked every step, full BFGS every {@link Stage#markEvery} steps), and {@code candidate},
 * Adam's newest update, which the next evaluation confirms.
 */
final class TrainingRun {

    private final Training training;
    private final List<Stage> stages;
    private final WatchedLoss watched;
    private final double[] theta;
    private final TrainingHistory history;
    private final List<String> termNames;
    private final List<StageInfo> plan = new ArrayList<>();
    private final List<String> stageNames = new ArrayList<>();
    private final int firstStep;
    private final double secondsOffset;
    private final long startNanos = System.nanoTime();
    private final Snapshot best;
    private final DivergenceGuard guard;
    private final boolean tracking;
    private final List<String> stepSizes = new ArrayList<>();
    private int step;
    private int stageSteps;
    private boolean stageConverged;
    private OptimizerRun run;
    private int currentStage;
    private OptimizerState carried;
    private TrainingHistory.Row pending;
    private int retries;
    private Mark good;
    private Mark candidate;
    private Mark restart;
    private StopReason reason;
    private String reasonText;
    private NonFiniteLoss nonFinite;
    private Divergence divergence;

    /** A run from {@code start}, continuing {@code history}. */
    TrainingRun(Training training, PinnLoss loss, double[] start, TrainingHistory history, List<String> termNames) {
        this(training, loss, start, history, termNames, history.lastStep(), history.lastSeconds(),
                new Snapshot(start, termNames.size(), history.lastStep()));
        if (training.stateRelay() != null) {
            carried = training.stateRelay().state().orElse(null);
        }
        if (tracking) {
            good = new Mark(0, 0, false, null, start.clone(), step, history.size(), history.eventCount(), null, 0);
        }
    }

    /** A run continuing a saved state. */
    TrainingRun(Training training, PinnLoss loss, TrainingState state, List<String> termNames) {
        this(training, loss, state.theta(), state.history(), termNames, state.position().firstStep(),
                state.seconds(), new Snapshot(state.best()));
        if (!state.position().stages().equals(stageNames)) {
            throw new IllegalArgumentException("the state was saved by a training with stages "
                    + state.position().stages() + ", this training has " + stageNames);
        }
        history.useTerms(termNames);
        restart = Mark.of(state, history);
        retries = state.retries();
        if (tracking) {
            good = restart;
        }
    }

    private TrainingRun(Training training, PinnLoss loss, double[] start, TrainingHistory history,
                        List<String> termNames, int firstStep, double secondsOffset, Snapshot best) {
        this.training = training;
        this.stages = training.stages();
        this.watched = new WatchedLoss(loss);
        this.theta = start.clone();
        this.history = history;
        this.termNames = termNames;
        this.firstStep = firstStep;
        this.secondsOffset = secondsOffset;
        this.step = firstStep;
        this.best = best;
        this.guard = training.divergenceGuard();
        this.tracking = guard != null || training.checkpointSink() != null;
        for (int s = 0; s < stages.size(); s++) {
            plan.add(new StageInfo(s, stages.size(), stages.get(s).name(), stages.get(s).steps()));
            stageNames.add(stages.get(s).name());
        }
    }

    TrainingResult execute() {
        List<StageInfo> view = Collections.unmodifiableList(plan);
        training.listeners().forEach(l -> l.onStart(view));
        int s = restart == null ? 0 : restart.stage();
        while (true) {
            while (reason == null && s < plan.size()) {
                Mark from = restart;
                restart = null;
                runStage(s, from);
                s = restart != null ? restart.stage() : s + 1;
            }
            if (reason == null) {
                StageInfo last = plan.get(plan.size() - 1);
                stop(stageConverged ? StopReason.CONVERGED : StopReason.BUDGET, !stageConverged
                        ? "every stage used its budget (" + (step - firstStep) + " steps)"
                        : run instanceof LbfgsRun lbfgs && lbfgs.stalled()
                        ? "the last stage (" + last.name() + ") stalled at step " + step + ": no step along its"
                                + " search direction or the gradient lowered the loss (a failed line search, not a"
                                + " small gradient)"
                        : "the last stage (" + last.name() + ") converged at step " + step);
            }
            boolean completed = reason == StopReason.BUDGET || reason == StopReason.CONVERGED;
            if (!endedOnBadLoss() && !evaluateFinalState(completed)
                    && restart != null) {
                reason = null;
                s = restart.stage();
                continue;
            }
            break;
        }
        if (training.checkpointSink() != null) {
            markTheEnd();
            training.checkpointSink().write(state(good));
        }
        if (training.stateRelay() != null) {
            handOver(training.stateRelay());
        }
        String diagnosis = nonFinite != null ? nonFinite.message() : divergence != null ? divergence.message()
                : reasonText + "; loss " + Trainer.format(best.loss()) + " at " + best.where();
        history.addEvent(step, "stop", reason + ": " + diagnosis);
        TrainingResult result = new TrainingResult(best.theta(), best.loss(), termNames, best.terms(),
                step - firstStep, seconds() - secondsOffset, reason, diagnosis, nonFinite, divergence, history);
        training.listeners().forEach(l -> l.onFinish(result));
        return result;
    }

    /** Runs stage {@code s}, from its start or from a mark (a resumed state or a roll-back). */
    private void runStage(int s, Mark from) {
        Stage stage = stages.get(s);
        StageInfo info = plan.get(s);
        if (from != null) {
            restore(from);
        }
        currentStage = s;
        if (from != null && from.optimizer() != null) {
            run = stage.resume(watched, theta, from.optimizer());
        } else if (!startStage(stage, info)) {
            return;
        }
        training.listeners().forEach(l -> l.onStageStart(info));
        while (reason == null && restart == null && !stageConverged && stageSteps < info.steps()) {
            if (Thread.currentThread().isInterrupted()) {
                stop(StopReason.INTERRUPTED, "the training thread was interrupted after step " + step);
                break;
            }
            takeStep(stage, info);
        }
        if (restart == null) {
            flush(pending);
            pending = null;
        }
        int stepsDone = stageSteps;
        training.listeners().forEach(l -> l.onStageEnd(info, stepsDone));
    }

    /** Starts a stage's optimizer; false when its first evaluation diverged. */
    private boolean startStage(Stage stage, StageInfo info) {
        stageSteps = 0;
        stageConverged = false;
        pending = null;
        OptimizerState from = info.index() == 0 ? carried : null;
        history.addEvent(step, "stage", info.name() + " starts, budget " + info.steps() + " steps"
                + (from == null ? "" : ", carrying over " + stage.stepSize(from)));
        long before = watched.evaluations();
        run = from == null ? stage.start(watched, theta) : stage.resume(watched, theta, from);
        boolean evaluated = watched.evaluations() > before;
        if (evaluated && !checkEvaluation(stage, info, "the start of stage " + info.name() + " (after step " + step
                + ")")) {
            return false;
        }
        if (tracking) {
            Mark start = capture(info.index(), stage);
            if (evaluated) {
                good = start;
                candidate = null;
            } else {
                candidate = start;
            }
        }
        return true;
    }

    private void takeStep(Stage stage, StageInfo info) {
        int iterations = run.iterations();
        run.step();
        if (run.iterations() == iterations) {
            stageConverged = true;
            return;
        }
        step++;
        stageSteps++;
        double value = watched.lastValue();
        double[] terms = watched.lastTerms().clone();
        double rate = stage.learningRate(run);
        TrainingHistory.Row row = new TrainingHistory.Row(step, info.name(), value, boxed(terms), rate, seconds());
        if (diverged(value)) {
            String where = "at step " + step + " (stage " + info.name() + ")";
            if (guard == null) {
                flush(pending);
                pending = null;
                history.add(row);
                reportNonFinite(info, where);
            } else {
                diverge(stage, info, value, terms, where, true);
            }
            return;
        }
        if (tracking && stage.evaluatesBeforeUpdate() && candidate != null) {
            good = candidate;
        }
        best.offer(watched.lastTheta(), value, terms, step, "step " + step);
        if (step % training.recordEvery() == 0) {
            history.add(row);
            pending = null;
        } else {
            pending = row;
        }
        notifyStep(new StepReport(step, info, stageSteps, value, termNames, terms, rate, row.seconds(),
                watched.lastTheta()));
        if (reason == null && training.deadline() != null && training.deadline().passed()) {
            stop(StopReason.TIME_LIMIT, "the wall-time budget of " + training.deadline().budget().toMillis()
                    / 1000.0 + " s ran out at step " + step + " (stage " + info.name() + ")");
        }
        if (reason == null && value < training.lossTolerance()) {
            stop(StopReason.TOLERANCE, "loss " + Trainer.format(value) + " fell below the tolerance "
                    + training.lossTolerance() + " at step " + step + " (stage " + info.name() + ")");
        }
        if (reason == null && run.converged()) {
            stageConverged = true;
        }
        if (tracking) {
            int every = training.checkpointEvery();
            boolean checkpoint = training.checkpointSink() != null && every > 0 && step % every == 0;
            if (stage.evaluatesBeforeUpdate()) {
                candidate = capture(info.index(), stage);
            } else if (checkpoint || stageSteps % stage.markEvery() == 0) {
                good = capture(info.index(), stage);
                candidate = null;
            }
            if (checkpoint) {
                training.checkpointSink().write(state(good));
            }
        }
    }

    private void notifyStep(StepReport report) {
        for (TrainingListener listener : training.listeners()) {
            if (listener.onStep(report) == TrainingListener.Action.STOP && reason == null) {
                stop(StopReason.INTERRUPTED, "a listener (" + listener.getClass().getSimpleName()
                        + ") asked to stop at step " + step);
            }
        }
    }

    /** Whether the last evaluation diverged: not finite, or (with a guard) blown up against the best loss. */
    private boolean diverged(double value) {
        return !watched.lastIsFinite() || (guard != null && guard.blownUp(value, best.loss()));
    }

    /** Checks an evaluation outside a step; false when it diverged (training stopped or rolled back). */
    private boolean checkEvaluation(Stage stage, StageInfo info, String where) {
        double value = watched.lastValue();
        if (diverged(value)) {
            if (guard == null) {
                reportNonFinite(info, "at " + where);
            } else {
                diverge(stage, info, value, watched.lastTerms().clone(), "at " + where, true);
            }
            return false;
        }
        best.offer(watched.lastTheta(), value, watched.lastTerms(), step, where);
        if (value < training.lossTolerance()) {
            stop(StopReason.TOLERANCE, "loss " + Trainer.format(value) + " fell below the tolerance "
                    + training.lossTolerance() + " at " + where);
        }
        return true;
    }

    /** Evaluates the final parameters where no step did; false when that evaluation diverged. */
    private boolean evaluateFinalState(boolean mayRetry) {
        if (watched.lastEvaluatedAt(theta)) {
            return true;
        }
        watched.value(theta);
        StageInfo last = plan.get(plan.size() - 1);
        String where = "at the final evaluation after step " + step + " (stage " + last.name() + ")";
        if (diverged(watched.lastValue())) {
            if (guard == null) {
                reportNonFinite(last, where);
            } else {
                diverge(stages.get(last.index()), last, watched.lastValue(), watched.lastTerms().clone(), where,
                        mayRetry);
            }
            return false;
        }
        if (tracking && candidate != null) {
            good = candidate;
        }
        best.offer(watched.lastTheta(), watched.lastValue(), watched.lastTerms(), step,
                "the end of training (after step " + step + ")");
        return true;
    }

    private void reportNonFinite(StageInfo info, String where) {
        double value = watched.lastValue();
        String restored = best.hasLoss()
                ? "parameters restored to " + best.where() + " (loss " + Trainer.format(best.loss()) + ")"
                : "parameters restored to the initial ones (no finite loss was seen)";
        String message = "loss became " + (Double.isNaN(value) ? "NaN" : "infinite") + " " + where + ": "
                + termList(watched.lastTerms()) + "; " + restored;
        nonFinite = new NonFiniteLoss(step, info.name(), value, termMap(watched.lastTerms()), best.step(),
                best.loss(), message);
        history.addEvent(step, "non-finite", message);
        stop(StopReason.NON_FINITE, message);
    }

    /** A divergence under the guard: roll back to the good state with smaller steps, or give up. */
    private void diverge(Stage stage, StageInfo info, double value, double[] terms, String where, boolean mayRetry) {
        Divergence.Kind kind = watched.lastIsFinite() ? Divergence.Kind.BLOW_UP : Divergence.Kind.NON_FINITE;
        String term = termNames.get(DivergenceDiagnosis.culprit(terms, best.terms()));
        String what = kind == Divergence.Kind.NON_FINITE
                ? "loss became " + (Double.isNaN(value) ? "NaN" : "infinite") + " " + where + ": " + termList(terms)
                : "loss " + Trainer.format(value) + " " + where + " is above " + Trainer.format(guard.blowUpFactor())
                        + " x the best loss " + Trainer.format(best.loss()) + " (" + best.where() + "), term '" + term
                        + "' rose most: " + termList(terms);
        Mark target = good;
        if (stepSizes.isEmpty() && target != null && target.optimizer() != null) {
            stepSizes.add(stages.get(target.stage()).stepSize(target.optimizer()));
        }
        if (mayRetry && best.hasLoss() && retries < guard.retries() && target != null && target.optimizer() != null) {
            Stage back = stages.get(target.stage());
            OptimizerState slower = back.slower(target.optimizer(), guard.stepFactor());
            retries++;
            stepSizes.add(back.stepSize(slower));
            String rollBack = what + "; rolled back to step " + target.step() + " (stage " + back.name() + "), "
                    + back.stepSize(target.optimizer()) + " -> " + back.stepSize(slower) + " (retry " + retries
                    + " of " + guard.retries() + ")";
            history.addEvent(target.step(), "diverged", rollBack);
            training.listeners().forEach(l -> l.onRollBack(target.step(), rollBack));
            good = target.slowedDown(slower, retries, history.eventCount());
            candidate = null;
            restart = good;
            return;
        }
        String cause = DivergenceDiagnosis.likelyCause(kind, term, best.hasLoss(), watched.lastTheta(), best.theta(),
                stepSizes);
        String restored = best.hasLoss()
                ? "parameters restored to " + best.where() + " (loss " + Trainer.format(best.loss()) + ")"
                : "parameters restored to the initial ones (no finite loss was seen)";
        String message = "training diverged: " + what + "; " + (retries == 0 ? "no retries left"
                : retries + " roll-back(s) with smaller steps did not help") + "; likely cause: " + cause + "; "
                + restored;
        divergence = new Divergence(step, info.name(), kind, value, best.loss(), term, termMap(terms), retries,
                stepSizes, cause, message);
        history.addEvent(step, "diverged", message);
        stop(StopReason.DIVERGED, message);
    }

    /** Leaves the last stage's state in the relay, or clears it when the run ended on a bad loss. */
    private void handOver(OptimizerStateRelay relay) {
        Stage last = stages.get(currentStage);
        if (endedOnBadLoss() || run == null || !last.hasState()) {
            relay.clear();
        } else {
            relay.hold(last.capture(run));
        }
    }

    /**
     * Moves the good mark to where a run that ended well stopped, when the stage marks only every few steps
     * ({@link Stage#markEvery}): the last checkpoint then holds the last step, as with a mark per step.
     */
    private void markTheEnd() {
        Stage last = stages.get(currentStage);
        if (!endedOnBadLoss() && run != null && good != null && good.step() != step && !last.evaluatesBeforeUpdate()) {
            good = capture(currentStage, last);
        }
    }

    /** Whether the run stopped on a non-finite or diverged loss. */
    private boolean endedOnBadLoss() {
        return reason == StopReason.NON_FINITE || reason == StopReason.DIVERGED;
    }

    private Mark capture(int s, Stage stage) {
        return new Mark(s, stageSteps, stageConverged, stage.capture(run), theta.clone(), step, history.size(),
                history.eventCount(), pending, retries);
    }

    private void restore(Mark m) {
        System.arraycopy(m.theta(), 0, theta, 0, theta.length);
        step = m.step();
        stageSteps = m.stageSteps();
        stageConverged = m.stageConverged();
        pending = m.pending();
        retries = m.retries();
        history.truncateRows(m.rows());
    }

    private TrainingState state(Mark m) {
        TrainingState.Position position = new TrainingState.Position(stageNames, m.stage(), m.stageSteps(),
                m.stageConverged(), m.step(), firstStep);
        return new TrainingState(position, m.theta(), m.optimizer(), best.toBest(), history.copy(m.rows(), m.events()),
                m.pending(), m.retries(), seconds());
    }

    private void stop(StopReason why, String text) {
        reason = why;
        reasonText = text;
    }

    private void flush(TrainingHistory.Row row) {
        if (row != null) {
            history.add(row);
        }
    }

    private double seconds() {
        return secondsOffset + (System.nanoTime() - startNanos) * 1e-9;
    }

    private String termList(double[] values) {
        StringBuilder list = new StringBuilder();
        for (int t = 0; t < termNames.size(); t++) {
            list.append(t == 0 ? "term '" : ", '").append(termNames.get(t)).append("' = ")
                    .append(Trainer.format(values[t]));
        }
        return list.toString();
    }

    private Map<String, Double> termMap(double[] values) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (int t = 0; t < termNames.size(); t++) {
            terms.put(termNames.get(t), values[t]);
        }
        return Collections.unmodifiableMap(terms);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
