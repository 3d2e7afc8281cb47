package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.optim.Objective;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualAttention;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.train.Deadline;
import org.pikan4j.core.train.DivergenceGuard;
import org.pikan4j.core.train.StageInfo;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.util.Arguments;
import org.pikan4j.core.util.OptionSet;

/**
 * Adam training that refines the network while it trains, as a {@link RefinementScheduler} decides, and goes on
 * with the refined network. Immutable configuration; {@link #run} is the loop:
 * <ol>
 *   <li>an Adam step on the current loss; the loss (at the parameters the step evaluated) goes to the history
 *       and the scheduler's monitor;</li>
 *   <li>if the trigger fires and the schedule has a next grid (or a knot-insertion round left): the loss right
 *       before is evaluated, the scheduler's next refinement made ({@link RefinementScheduler#refinement}: the
 *       grid extended, or refined locally by {@link LocalRefinement}), a new loss built for the new network by the
 *       loss factory, the loss right after evaluated at the mapped parameters, Adam's moments carried over by
 *       {@link ParameterTransfer#transferAdam} (or, without transfer, a fresh Adam run), and a {@code "refine"}
 *       event added to the history;</li>
 *   <li>with a {@link DivergenceGuard} ({@link #withDivergenceGuard}): a loss that blows up goes back to the newest
 *       good state with a smaller learning rate;</li>
 *   <li>at the steps of {@link #withLossChange} (a continuation's levels) the next loss factory takes over, Adam's
 *       state kept;</li>
 *   <li>until the Adam step budget is spent, over all networks together.</li>
 * </ol>
 * Rows record the first term values by name, so the loss factory must build losses with the same terms for
 * every network.
 */
public final class RefinedTraining {

    private final Function<Network, PinnLoss> losses;
    private final Adam adam;
    private final RefinementScheduler scheduler;
    private final Options options;

    private RefinedTraining(Function<Network, PinnLoss> losses, Adam adam, RefinementScheduler scheduler,
                            Options options) {
        this.losses = losses;
        this.adam = adam;
        this.scheduler = scheduler;
        this.options = options;
    }

    /** The optional settings; a {@code withXxx} changes a copy, never the instance a configuration holds. */
    private static final class Options extends OptionSet<Options> {
        private boolean transferMoments = true;
        private int recordEvery = 1;
        private double learningRateFactor = 1.0;
        private CollocationSchedule collocation;
        private Deadline deadline;
        private ErrorProbe probe;
        private DivergenceGuard guard;
        private List<TrainingListener> listeners = List.of();
        private List<LossChange> lossChanges = List.of();
        private ResidualAttention attention;
    }

    /** From Adam step {@code step} of the run on, the losses come from {@code losses}; an event says so. */
    private record LossChange(int step, String kind, String description, Function<Network, PinnLoss> losses) {
    }

    /** The same losses, optimizer and scheduler with a changed copy of the options. */
    private RefinedTraining with(Consumer<Options> change) {
        Options changed = options.copy();
        change.accept(changed);
        return new RefinedTraining(losses, adam, scheduler, changed);
    }

    /**
     * Refined training with Adam-state transfer, recording every step.
     *
     * @param losses    builds the loss for a network (called for the initial one and after every refinement)
     * @param adam      the optimizer; its step budget counts all steps, before and after refinements
     * @param scheduler when and to what grid to refine
     * @return the configuration
     */
    public static RefinedTraining of(Function<Network, PinnLoss> losses, Adam adam, RefinementScheduler scheduler) {
        Arguments.notNull("losses", losses);
        Arguments.notNull("adam", adam);
        Arguments.notNull("scheduler", scheduler);
        return new RefinedTraining(losses, adam, scheduler, new Options());
    }

    /**
     * Whether Adam's moments and iteration count carry over a refinement ({@link ParameterTransfer#transferAdam})
     * or Adam starts afresh on the refined parameters (zero moments, iteration count and schedule restarted).
     *
     * @param transfer true to transfer (the default)
     * @return a copy
     */
    public RefinedTraining withMomentTransfer(boolean transfer) {
        return with(copy -> copy.transferMoments = transfer);
    }

    /**
     * Records every {@code interval}-th step in the history (and the last step); refinements always are.
     *
     * @param interval the interval, &gt;= 1
     * @return a copy
     */
    public RefinedTraining withRecordEvery(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + interval);
        }
        return with(copy -> copy.recordEvery = interval);
    }

    /**
     * Multiplies Adam's learning rate by {@code factor} at every grid extension (and knot insertion): the finer
     * grid's new coefficients start where the coarse spline left them, and a smaller step keeps the first steps on
     * the finer grid from undoing that (measured on Helmholtz 2D at lr 1e-2: the loss jumped 276x within 10 steps of an
     * extension with factor 1).
     *
     * @param factor in (0, 1]; 1 (the default) keeps the rate
     * @return a copy
     */
    public RefinedTraining withLearningRateFactor(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("learning-rate factor at grid extension must be in (0, 1], got "
                    + factor);
        }
        return with(copy -> copy.learningRateFactor = factor);
    }

    /**
     * Also refines the collocation points as {@code schedule} says (RAR or RAD every so many steps); refined
     * points carry over grid extensions.
     *
     * @param schedule the collocation schedule, not null
     * @return a copy
     */
    public RefinedTraining withCollocation(CollocationSchedule schedule) {
        Arguments.notNull("collocation schedule", schedule);
        return with(copy -> copy.collocation = schedule);
    }

    /**
     * Residual-based attention on every loss the loop builds, attached once the loss is on the current points: a
     * loss factory that attached it would bind the weights to the discretization's points first, and after a RAD
     * redraw that restarts them from 1 at every refinement (as it did before session 20). Updating the weights is
     * a listener's job ({@link org.pikan4j.core.train.AttentionUpdate}).
     *
     * @param rba the weights, or null for none (the default)
     * @return a copy
     */
    public RefinedTraining withAttention(ResidualAttention rba) {
        return with(copy -> copy.attention = rba);
    }

    /**
     * Stops with {@link StopReason#TIME_LIMIT} after the first step that ends past the deadline.
     *
     * @param limit the deadline, not null; share it with the training that follows to split one budget
     * @return a copy
     */
    public RefinedTraining withDeadline(Deadline limit) {
        Arguments.notNull("deadline", limit);
        return with(copy -> copy.deadline = limit);
    }

    /**
     * Rolls Adam back when the loss diverges: a non-finite loss, or one above the guard's blow-up factor times the
     * lowest loss since the last refinement or redraw of the points. The run goes back to the newest state whose
     * loss was fine, with the learning rate times the guard's step factor (a {@code "diverged"} event says so); after
     * the guard's retries it stops with {@link StopReason#DIVERGED} on that state. Without a guard (the default) a
     * non-finite loss stops the run with {@link StopReason#NON_FINITE}.
     *
     * <p>Why: right after a grid extension Adam can take the finer grid's first steps at a rate the coarse grid
     * barely tolerated (Burgers, session 17: the loss rose 13x to 3e9x within 8 steps of the 10 -> 20 extension).
     *
     * @param divergenceGuard the guard, or null for none
     * @return a copy
     */
    public RefinedTraining withDivergenceGuard(DivergenceGuard divergenceGuard) {
        return with(copy -> copy.guard = divergenceGuard);
    }

    /**
     * Records the error, not only the loss, right before and after every refinement.
     *
     * @param errors the error of a network at its parameters, e.g. against an exact solution; not null
     * @return a copy
     */
    public RefinedTraining withErrorProbe(ErrorProbe errors) {
        Arguments.notNull("error probe", errors);
        return with(copy -> copy.probe = errors);
    }

    /**
     * Reports to a listener, e.g. a {@link org.pikan4j.core.train.ProgressBar}: the Adam run is one stage; every
     * step is reported (a listener's STOP request is not honoured here: use a deadline).
     *
     * @param listener the listener, not null
     * @return a copy
     */
    public RefinedTraining withListener(TrainingListener listener) {
        Arguments.notNull("listener", listener);
        List<TrainingListener> all = new java.util.ArrayList<>(options.listeners);
        all.add(listener);
        return with(copy -> copy.listeners = List.copyOf(all));
    }

    /**
     * Changes the loss at an Adam step, e.g. the next level of a continuation of a problem parameter: from step
     * {@code step} of this run on (the steps after it), losses for the current network and every refined one come
     * from {@code losses}, on the points the current loss has (RAD moves them). Adam's state stays, the plateau
     * window and the divergence guard's reference restart (the loss is another function), and an event of
     * {@code kind} with {@code description} goes to the history. Changes apply in the order of their steps.
     *
     * @param step        in [1, the Adam steps), after the previous change's step
     * @param kind        the event's kind, e.g. "continuation"; not blank
     * @param description the event's text; not null
     * @param losses      builds the losses from then on, with the same terms as before; not null
     * @return a copy
     * @throws IllegalArgumentException naming the step and what is valid otherwise
     */
    public RefinedTraining withLossChange(int step, String kind, String description,
                                          Function<Network, PinnLoss> losses) {
        int after = options.lossChanges.isEmpty() ? 0 : options.lossChanges.get(options.lossChanges.size() - 1).step();
        if (step <= after || step >= adam.steps()) {
            throw new IllegalArgumentException("loss change step must be in [" + (after + 1) + ", " + adam.steps()
                    + ") (after the previous change, before Adam's last step), got " + step);
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("loss change kind must not be blank, got \"" + kind + "\"");
        }
        Arguments.notNull("loss change description", description);
        Arguments.notNull("losses", losses);
        List<LossChange> all = new ArrayList<>(options.lossChanges);
        all.add(new LossChange(step, kind, description, losses));
        return with(copy -> copy.lossChanges = List.copyOf(all));
    }

    /** @return the scheduler */
    public RefinementScheduler scheduler() {
        return scheduler;
    }

    /**
     * Trains with a fresh history.
     *
     * @param network the initial network, with at least one KAN layer
     * @param theta   its parameters (the loss's parameter vector); not modified
     * @return the final network, parameters, history and refinements
     */
    public RefinedTrainingResult run(Network network, double[] theta) {
        return run(network, theta, new TrainingHistory());
    }

    /**
     * Trains, continuing a history (steps continue after its last step).
     *
     * @param network the initial network, with at least one KAN layer
     * @param theta   its parameters (the loss's parameter vector); not modified
     * @param history the history to append to
     * @return the final network, parameters, history and refinements
     */
    public RefinedTrainingResult run(Network network, double[] theta, TrainingHistory history) {
        Checks.networkAndTheta(network, theta);
        Arguments.notNull("history", history);
        return new Loop(network, theta, history).run();
    }

    /** One run's mutable state. */
    private final class Loop {
        private final TrainingHistory history;
        private final RefinementMonitor monitor = scheduler.monitor();
        private final List<RefinementEvent> events = new ArrayList<>();
        private final long start = System.nanoTime();
        private final double secondsOffset;
        private final int firstStep;
        private Network network;
        private Function<Network, PinnLoss> factory = losses;
        private int changes;
        private PinnLoss loss;
        private Adam current = adam;
        private AdamRun run;
        private List<String> names;
        private int rounds;
        private int insertions;
        private final AdamRollback rollback;

        Loop(Network network, double[] theta, TrainingHistory history) {
            this.history = history;
            this.network = network;
            this.loss = attended(buildLoss(factory, network, theta.length));
            this.run = current.start(objective(), theta.clone());
            this.names = loss.termNames();
            this.firstStep = history.lastStep();
            this.secondsOffset = history.lastSeconds();
            this.rollback = options.guard == null ? null : new AdamRollback(options.guard, firstStep);
        }

        RefinedTrainingResult run() {
            history.addEvent(firstStep, "stage", "adam with refinement starts, budget " + adam.steps() + " steps, "
                    + scheduler);
            int steps = adam.steps();
            StageInfo stage = new StageInfo(0, 1, "adam", steps);
            options.listeners.forEach(l -> l.onStart(List.of(stage)));
            options.listeners.forEach(l -> l.onStageStart(stage));
            for (int s = 1; s <= steps; s++) {
                int step = firstStep + s;
                double lr = current.schedule().rate(run.iterations(), current.learningRate());
                if (rollback != null) {
                    rollback.beforeStep(run);
                }
                double value = run.step();
                boolean diverged = rollback != null && !rollback.accept(step, value);
                if (diverged && !rollback.retry()) {
                    return giveUp(s, step, value);
                }
                if (!diverged && !Double.isFinite(value)) {
                    history.addEvent(step, "non-finite", "loss " + value + " at step " + step);
                    history.addEvent(step, "stop", StopReason.NON_FINITE + ": loss " + value);
                    return result(step - firstStep, StopReason.NON_FINITE);
                }
                if (!diverged) {
                    monitor.observe(step, value);
                }
                if (!options.listeners.isEmpty()) {
                    StepReport report = new StepReport(step, stage, s, value, names, loss.termValues(), lr,
                            secondsOffset + (System.nanoTime() - start) * 1e-9, run.theta());
                    options.listeners.forEach(l -> l.onStep(report));
                }
                boolean refine = !diverged && s < steps && refinementLeft()
                        && scheduler.frontPassed(loss.causalWeights()) && monitor.due(step, this::indicatorRatio);
                if ((s % options.recordEvery == 0 || s == steps || refine) && Double.isFinite(value)) {
                    history.addRow(names, new TrainingHistory.Row(step, "adam", value, boxed(loss.termValues()), lr,
                            secondsOffset + (System.nanoTime() - start) * 1e-9));
                }
                if (diverged) {
                    rollBack(step, value);
                } else if (refine) {
                    refine(step);
                } else if (options.collocation != null && s < steps && s % options.collocation.period() == 0) {
                    resample(step);
                }
                if (changes < options.lossChanges.size() && options.lossChanges.get(changes).step() == s) {
                    changeLoss(step, options.lossChanges.get(changes++));
                }
                if (options.deadline != null && options.deadline.passed() && s < steps) {
                    history.addEvent(step, "stop", StopReason.TIME_LIMIT + ": the wall-time budget of "
                            + options.deadline.budget().toMillis() / 1000.0 + " s ran out after " + s + " adam steps, "
                            + events.size() + " refinements");
                    int done = s;
                    options.listeners.forEach(l -> l.onStageEnd(stage, done));
                    return result(s, StopReason.TIME_LIMIT);
                }
            }
            options.listeners.forEach(l -> l.onStageEnd(stage, steps));
            history.addEvent(firstStep + steps, "stop", StopReason.BUDGET + ": " + steps + " adam steps, "
                    + events.size() + " refinements");
            return result(steps, StopReason.BUDGET);
        }

        /** Through the field, so that moving the collocation points keeps Adam's state. */
        private Objective objective() {
            return (t, g) -> loss.evaluate(t, g);
        }

        /** Back to the newest good state, with a smaller learning rate; the plateau window restarts. */
        private void rollBack(int step, double value) {
            double rate = current.learningRate();
            current = current.withLearningRate(rate * rollback.stepFactor());
            run = current.start(objective(), rollback.goodTheta().clone());
            run.restore(rollback.goodState());
            history.addEvent(step, "diverged", rollback.describe(step, value) + "; rolled back to step "
                    + rollback.goodStep() + ", learning rate " + (float) rate + " -> " + (float) current.learningRate()
                    + " (roll-back " + rollback.count() + ")");
            monitor.refined(step);
        }

        /** Out of roll-backs: the run stops on the newest good state. */
        private RefinedTrainingResult giveUp(int s, int step, double value) {
            run = current.start(objective(), rollback.goodTheta().clone());
            String message = "training diverged: " + rollback.describe(step, value) + "; no roll-backs left ("
                    + rollback.count() + " used); parameters restored to step " + rollback.goodStep();
            history.addEvent(step, "diverged", message);
            history.addEvent(step, "stop", StopReason.DIVERGED + ": " + message);
            return result(s, StopReason.DIVERGED);
        }

        private void refine(int step) {
            String why = trigger();
            double[] theta = run.theta().clone();
            double before = value(loss, theta);
            double errorBefore = error(network, theta);
            if (scheduler.nextGrid(network) < 0) {
                insertions++;
            }
            Optional<GridRefinement> scheduled = scheduler.refinement(network, theta, loss);
            if (scheduled.isEmpty()) {
                history.addEvent(step, "refine", "knot insertion: no interval marked (all residuals 0)");
                monitor.refined(step);
                return;
            }
            GridRefinement refined = scheduled.get();
            PinnLoss next = onCurrentPoints(buildLoss(factory, refined.network(), refined.theta().length));
            current = current.withLearningRate(current.learningRate() * options.learningRateFactor);
            AdamRun nextRun = current.start(objective(), refined.theta());
            if (options.transferMoments) {
                refined.transfer().transferAdam(run, nextRun);
            }
            double after = value(next, refined.theta());
            network = refined.network();
            loss = next;
            run = nextRun;
            requireSameTerms(next);
            RefinementEvent event = new RefinementEvent(step, why, refined.record(), before, after, errorBefore,
                    error(network, refined.theta()));
            events.add(event);
            history.addEvent(step, "refine", event.describe());
            monitor.refined(step);
            if (rollback != null) {
                rollback.parametersChanged(step, after);
            }
        }

        /** The next loss factory takes over; the parameters and Adam's state stay. */
        private void changeLoss(int step, LossChange change) {
            factory = change.losses();
            double[] theta = run.theta().clone();
            loss = onCurrentPoints(buildLoss(factory, network, theta.length));
            requireSameTerms(loss);
            history.addEvent(step, change.kind(), change.description());
            monitor.refined(step);
            if (rollback != null) {
                rollback.lossChanged(step, value(loss, theta));
            }
        }

        /** A new loss on the points RAD moved the current one's to, if it did, with the attention weights. */
        private PinnLoss onCurrentPoints(PinnLoss next) {
            return attended(rounds > 0 ? options.collocation.moveTo(next, options.collocation.points(loss)) : next);
        }

        private void requireSameTerms(PinnLoss next) {
            if (!next.termNames().equals(names)) {
                throw new IllegalStateException("the loss factory built terms " + next.termNames() + " for the"
                        + " network but " + names + " before; it must build the same terms");
            }
        }

        /** Whether the schedule has a grid extension or a knot-insertion round left. */
        private boolean refinementLeft() {
            return scheduler.nextGrid(network) > 0 || insertions < scheduler.insertionRounds();
        }

        /** Moves the collocation points; the parameters and Adam's state stay. */
        private void resample(int step) {
            double[] theta = run.theta().clone();
            double before = value(loss, theta);
            CollocationSchedule.Refined refined = options.collocation.refine(loss, theta, ++rounds);
            loss = refined.loss();
            double error = error(network, theta);
            double after = value(loss, theta);
            if (rollback != null) {
                rollback.lossChanged(step, after);
            }
            RefinementEvent event = new RefinementEvent(step, "every " + options.collocation.period() + " steps",
                    refined.record(), before, after, error, error);
            events.add(event);
            history.addEvent(step, "resample", event.describe());
            // the loss on new points is not comparable with the loss before: restart the plateau window
            monitor.refined(step);
        }

        private double error(Network net, double[] theta) {
            return options.probe == null ? Double.NaN : options.probe.error(net, theta);
        }

        private String trigger() {
            double[] w = loss.causalWeights();
            String front = w == null ? "" : String.format(", last causal weight %.3g", w[w.length - 1]);
            return switch (scheduler.trigger()) {
                case STEPS -> "steps";
                case PLATEAU -> String.format("plateau (relative decrease %.3g over %d steps)",
                        monitor.relativeDecrease(), scheduler.window());
                case INDICATOR -> String.format("indicator ratio %.3g > %.3g", indicatorRatio(), scheduler.ratio());
            } + front;
        }

        /** Max over KAN layers and inputs of (largest interval indicator) / (mean), from the first term. */
        private double indicatorRatio() {
            double[] theta = run.theta();
            double[] residuals = new double[loss.residualCount()];
            loss.residualProbe().residuals(theta, residuals, null);
            ResidualTerm first = loss.terms().get(0);
            double[] r = Arrays.copyOf(residuals, first.size());
            double ratio = 1.0;
            for (int l : Checks.kanLayers(network)) {
                IntervalIndicators indicators = IntervalIndicators.of(network, theta, l, first.points(), r);
                for (int i = 0; i < indicators.inputs(); i++) {
                    double[] eta = indicators.values(i);
                    double total = indicators.total(i);
                    if (total > 0) {
                        ratio = Math.max(ratio, Arrays.stream(eta).max().orElse(0) * eta.length / total);
                    }
                }
            }
            return ratio;
        }

        private RefinedTrainingResult result(int steps, StopReason reason) {
            double[] theta = run.theta().clone();
            double last = reason == StopReason.NON_FINITE ? Double.NaN : value(loss, theta);
            return new RefinedTrainingResult(network, loss, theta, last, steps, reason, history, events);
        }
    }

    /** The loss with the attention weights, which bind to its points now. */
    private PinnLoss attended(PinnLoss loss) {
        return options.attention == null ? loss : loss.withAttention(options.attention);
    }

    private static PinnLoss buildLoss(Function<Network, PinnLoss> losses, Network network, int parameters) {
        PinnLoss loss = losses.apply(network);
        if (loss == null || loss.network() != network || loss.parameterCount() != parameters) {
            throw new IllegalStateException("the loss factory must build a loss on the network it is given, with "
                    + parameters + " parameters; got " + (loss == null ? "null" : loss.parameterCount()
                    + " parameters" + (loss.network() != network ? " on another network" : "")));
        }
        return loss;
    }

    private static double value(PinnLoss loss, double[] theta) {
        return loss.evaluate(theta, new double[theta.length]);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Override
    public String toString() {
        Options o = options;
        return "RefinedTraining[" + adam + ", " + scheduler + (o.transferMoments ? "" : ", no moment transfer")
                + (o.learningRateFactor == 1 ? "" : ", learning rate x" + o.learningRateFactor + " per extension")
                + (o.collocation == null ? "" : ", " + o.collocation) + (o.deadline == null ? "" : ", " + o.deadline)
                + (o.guard == null ? "" : ", " + o.guard)
                + (o.lossChanges.isEmpty() ? "" : ", loss changes at steps " + o.lossChanges.stream()
                .map(c -> Integer.toString(c.step())).toList()) + "]";
    }
}
