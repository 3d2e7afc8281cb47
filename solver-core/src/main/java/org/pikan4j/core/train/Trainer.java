package org.pikan4j.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pikan4j.core.optim.OptimizerRun;
import org.pikan4j.core.residual.PinnLoss;

/**
 * Runs a {@link Training}: the stages in order on one parameter vector, step by step, recording
 * the history, calling the listeners, and stopping on the budget, the loss tolerance, the last
 * stage's convergence, a listener's request, thread interruption, or a non-finite loss.
 *
 * <p><b>Steps.</b> A step is one optimizer iteration that arrived at a new state. A stage ends
 * when its budget is used or its optimizer converges (or stalls); the next stage then starts
 * from the current parameters. Only the last stage's convergence ends training as
 * {@link StopReason#CONVERGED}. L-BFGS and Levenberg-Marquardt evaluate the loss once when their
 * stage starts; that evaluation is not a step.
 *
 * <p><b>NaN guard.</b> After every step (and every evaluation outside a step: a stage's start, the
 * final one) the evaluated loss and each term value are checked. If any is NaN or infinite,
 * training stops at once with {@link StopReason#NON_FINITE}; the result carries a
 * {@link NonFiniteLoss} naming the step, the stage and the terms, and its parameters are those
 * of the lowest finite loss seen. The check covers every Adam evaluation; trial points of an
 * L-BFGS line search or a Levenberg-Marquardt damping loop are not states (both methods reject
 * non-finite trials by themselves) and are not checked.
 *
 * <p><b>Result.</b> Training ends with one more evaluation at the current parameters where the
 * last step did not evaluate them (after Adam). The result's parameters are those with the
 * lowest finite loss among all evaluations checked. The caller's array is never modified.
 *
 * <p>The loop draws no random numbers: the same loss and parameters give the same result.
 * Not thread-safe; a trainer may be reused for several runs, one at a time.
 */
public final class Trainer {

    private final Training training;

    /**
     * A trainer for the given configuration.
     *
     * @param training the configuration, not null
     */
    public Trainer(Training training) {
        this.training = Checks.notNull("training", training);
    }

    /**
     * Trains from {@code theta} with a fresh history.
     *
     * @param loss  the loss, not null
     * @param theta the starting parameters, of length {@code loss.parameterCount()} (not modified)
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta) {
        return train(loss, theta, new TrainingHistory());
    }

    /**
     * Trains from {@code theta}, appending to {@code history}: step numbers continue from its
     * last step and wall times from its last row.
     *
     * @param loss    the loss, not null; its term names must match the history's, if it has any
     * @param theta   the starting parameters, of length {@code loss.parameterCount()} (not modified)
     * @param history the history to continue, not null
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta, TrainingHistory history) {
        Checks.notNull("loss", loss);
        Checks.notNull("theta", theta);
        Checks.notNull("history", history);
        if (theta.length != loss.parameterCount()) {
            throw new IllegalArgumentException("theta must have length " + loss.parameterCount()
                    + " (the loss's parameter count), got " + theta.length);
        }
        List<String> names = loss.termNames();
        history.useTerms(names);
        return new Run(loss, theta, history, names).execute();
    }

    /** The mutable state of one {@link #train} call. */
    private final class Run {

        private final WatchedLoss watched;
        private final double[] theta;
        private final TrainingHistory history;
        private final List<String> termNames;
        private final List<StageInfo> plan = new ArrayList<>();
        private final int firstStep;
        private final double secondsOffset;
        private final long startNanos = System.nanoTime();
        private final Snapshot best;
        private int step;
        private boolean lastStageConverged;
        private StopReason reason;
        private String reasonText;
        private NonFiniteLoss nonFinite;

        Run(PinnLoss loss, double[] start, TrainingHistory history, List<String> termNames) {
            this.watched = new WatchedLoss(loss);
            this.theta = start.clone();
            this.history = history;
            this.termNames = termNames;
            this.firstStep = history.lastStep();
            this.secondsOffset = history.lastSeconds();
            this.step = firstStep;
            this.best = new Snapshot(start, termNames.size(), firstStep);
            List<Stage> stages = training.stages();
            for (int s = 0; s < stages.size(); s++) {
                plan.add(new StageInfo(s, stages.size(), stages.get(s).name(), stages.get(s).steps()));
            }
        }

        TrainingResult execute() {
            List<StageInfo> view = Collections.unmodifiableList(plan);
            training.listeners().forEach(l -> l.onStart(view));
            for (int s = 0; s < plan.size() && reason == null; s++) {
                runStage(training.stages().get(s), plan.get(s));
            }
            if (reason == null) {
                StageInfo last = plan.get(plan.size() - 1);
                stop(lastStageConverged ? StopReason.CONVERGED : StopReason.BUDGET, lastStageConverged
                        ? "the last stage (" + last.name() + ") converged at step " + step
                        : "every stage used its budget (" + (step - firstStep) + " steps)");
            }
            if (reason != StopReason.NON_FINITE) {
                evaluateFinalState();
            }
            String diagnosis = nonFinite != null ? nonFinite.message()
                    : reasonText + "; loss " + format(best.loss()) + " at " + best.where();
            history.addEvent(step, "stop", reason + ": " + diagnosis);
            TrainingResult result = new TrainingResult(best.theta(), best.loss(), termNames, best.terms(),
                    step - firstStep, seconds() - secondsOffset, reason, diagnosis, nonFinite, history);
            training.listeners().forEach(l -> l.onFinish(result));
            return result;
        }

        private void runStage(Stage stage, StageInfo info) {
            lastStageConverged = false;
            history.addEvent(step, "stage", info.name() + " starts, budget " + info.steps() + " steps");
            long before = watched.evaluations();
            OptimizerRun run = stage.start(watched, theta);
            if (watched.evaluations() > before
                    && !checkEvaluation(info, "the start of stage " + info.name() + " (after step " + step + ")")) {
                return;
            }
            training.listeners().forEach(l -> l.onStageStart(info));
            int done = 0;
            TrainingHistory.Row pending = null;
            while (done < info.steps() && reason == null) {
                if (Thread.currentThread().isInterrupted()) {
                    stop(StopReason.INTERRUPTED, "the training thread was interrupted after step " + step);
                    break;
                }
                int iterations = run.iterations();
                run.step();
                if (run.iterations() == iterations) {
                    lastStageConverged = true;
                    break;
                }
                step++;
                done++;
                double value = watched.lastValue();
                double[] terms = watched.lastTerms().clone();
                double rate = stage.learningRate(run);
                TrainingHistory.Row row = new TrainingHistory.Row(step, info.name(), value, boxed(terms), rate, seconds());
                if (!watched.lastIsFinite()) {
                    flush(pending);
                    pending = null;
                    history.add(row);
                    reportNonFinite(info, "at step " + step + " (stage " + info.name() + ")");
                    break;
                }
                best.offer(watched.lastTheta(), value, terms, step, "step " + step);
                if (step % training.recordEvery() == 0) {
                    history.add(row);
                    pending = null;
                } else {
                    pending = row;
                }
                notifyStep(new StepReport(step, info, done, value, termNames, terms, rate, row.seconds(),
                        watched.lastTheta()));
                if (reason == null && training.deadline() != null && training.deadline().passed()) {
                    stop(StopReason.TIME_LIMIT, "the wall-time budget of " + training.deadline().budget().toMillis()
                            / 1000.0 + " s ran out at step " + step + " (stage " + info.name() + ")");
                }
                if (reason == null && value < training.lossTolerance()) {
                    stop(StopReason.TOLERANCE, "loss " + format(value) + " fell below the tolerance "
                            + training.lossTolerance() + " at step " + step + " (stage " + info.name() + ")");
                }
                if (reason == null && run.converged()) {
                    lastStageConverged = true;
                    break;
                }
            }
            flush(pending);
            int stepsDone = done;
            training.listeners().forEach(l -> l.onStageEnd(info, stepsDone));
        }

        private void notifyStep(StepReport report) {
            for (TrainingListener listener : training.listeners()) {
                if (listener.onStep(report) == TrainingListener.Action.STOP && reason == null) {
                    stop(StopReason.INTERRUPTED, "a listener (" + listener.getClass().getSimpleName()
                            + ") asked to stop at step " + step);
                }
            }
        }

        /** Checks an evaluation outside a step; false (and training stopped) if it is not finite. {@code where} names the stage. */
        private boolean checkEvaluation(StageInfo info, String where) {
            if (!watched.lastIsFinite()) {
                reportNonFinite(info, "at " + where);
                return false;
            }
            best.offer(watched.lastTheta(), watched.lastValue(), watched.lastTerms(), step, where);
            if (watched.lastValue() < training.lossTolerance()) {
                stop(StopReason.TOLERANCE, "loss " + format(watched.lastValue()) + " fell below the tolerance "
                        + training.lossTolerance() + " at " + where);
            }
            return true;
        }

        private void evaluateFinalState() {
            if (watched.lastEvaluatedAt(theta)) {
                return;
            }
            watched.value(theta);
            StageInfo last = plan.get(plan.size() - 1);
            if (!watched.lastIsFinite()) {
                reportNonFinite(last, "at the final evaluation after step " + step + " (stage " + last.name() + ")");
                return;
            }
            best.offer(watched.lastTheta(), watched.lastValue(), watched.lastTerms(), step,
                    "the end of training (after step " + step + ")");
        }

        private void reportNonFinite(StageInfo info, String where) {
            double value = watched.lastValue();
            Map<String, Double> terms = new LinkedHashMap<>();
            StringBuilder list = new StringBuilder();
            double[] values = watched.lastTerms();
            for (int t = 0; t < termNames.size(); t++) {
                terms.put(termNames.get(t), values[t]);
                list.append(t == 0 ? "term '" : ", '").append(termNames.get(t)).append("' = ").append(format(values[t]));
            }
            String restored = best.hasLoss()
                    ? "parameters restored to " + best.where() + " (loss " + format(best.loss()) + ")"
                    : "parameters restored to the initial ones (no finite loss was seen)";
            String message = "loss became " + (Double.isNaN(value) ? "NaN" : "infinite") + " " + where + ": "
                    + list + "; " + restored;
            nonFinite = new NonFiniteLoss(step, info.name(), value, Collections.unmodifiableMap(terms), best.step(),
                    best.loss(), message);
            history.addEvent(step, "non-finite", message);
            stop(StopReason.NON_FINITE, message);
        }

        private void stop(StopReason why, String text) {
            reason = why;
            reasonText = text;
        }

        private void flush(TrainingHistory.Row pending) {
            if (pending != null) {
                history.add(pending);
            }
        }

        private double seconds() {
            return secondsOffset + (System.nanoTime() - startNanos) * 1e-9;
        }
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    /** Four significant digits; NaN and infinities spelled out. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
