package org.pikan4j.validation.solve;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.refine.CollocationRefinement;
import org.pikan4j.core.refine.CollocationSchedule;
import org.pikan4j.core.refine.ErrorProbe;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.refine.RefinedTraining;
import org.pikan4j.core.refine.RefinedTrainingResult;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualAttention;
import org.pikan4j.core.train.AttentionUpdate;
import org.pikan4j.core.train.Deadline;
import org.pikan4j.core.train.OptimizerStateRelay;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.PointSampler;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.solve.Solver.Trained;

/**
 * The training of an adaptive solve ({@link Solver#withAdaptiveRefinement(Adaptivity)}): Adam under a
 * {@link RefinementScheduler} (grid extensions on loss plateaus, then knot insertions), with RAD redraws and
 * RBA weights as {@link Adaptivity} asks, then L-BFGS per grid level for the refinements Adam did not reach (each
 * with RAR's added points if asked). Under a {@link Continuation} each grid level trains on its own discretization
 * (the same points, the parameter scaled), the last one on the problem itself; under a continuation by Adam steps
 * ({@link Solver#withContinuation}) Adam's loss changes level at those steps instead.
 * One per solve; the solver supplies the losses, the trainings' listeners and guard, and the time shares.
 */
final class AdaptiveTraining {

    private final Solver solver;
    private final Adaptivity how;
    private final Problem problem;
    private final Discretization discretization;
    private final Backend engine;
    /** The discretization per grid level under a continuation, built once each. */
    private final Map<Integer, Discretization> levels = new HashMap<>();
    private final TrainingHistory history = new TrainingHistory();
    private int shownLevel = -1;

    AdaptiveTraining(Solver solver, Discretization discretization, Backend engine) {
        this.solver = solver;
        this.how = solver.adaptivity().orElseThrow();
        this.problem = solver.problem();
        this.discretization = discretization;
        this.engine = engine;
    }

    /**
     * Adam with plateau-triggered extensions (then knot insertions), RAD and RBA (within Adam's share of the
     * budget), then L-BFGS per grid level: the extensions and insertion rounds the plateaus did not reach.
     */
    Trained train(Network network, double[] initial, Deadline deadline) {
        OptimizerPlan plan = solver.settings().optimizers();
        if (how.addedPoints() > poolSize()) {
            throw new IllegalArgumentException("adaptivity addedPoints (RAR) must be <= its candidate pool, poolFactor "
                    + how.poolFactor() + " x " + solver.settings().collocation().interior() + " interior points = "
                    + poolSize() + ", got " + how.addedPoints());
        }
        RefinementScheduler scheduler = how.scheduler(solver.gridSchedule());
        // checked again here: Solver.withAdaptiveRefinement checked it, but a later withModel may change the grids
        how.continuation().ifPresent(c -> c.check(problem, extensions()));
        ResidualAttention rba = how.attentionRate() == 0 ? null : ResidualAttention.of(
                how.attentionDecay(), how.attentionRate(), problem.interiorTermNames());
        UnaryOperator<PinnLoss> attention = rba == null ? UnaryOperator.identity() : l -> l.withAttention(rba);
        Continuation byStep = solver.continuation().orElse(null);
        Function<Network, PinnLoss> losses = n -> solver.loss(byStep == null ? discretization(n, scheduler)
                : byStep.at(discretization, 0), n, engine);
        RefinedTraining adam = RefinedTraining.of(losses,
                        Adam.steps(plan.adamSteps()).withLearningRate(plan.learningRate()), scheduler)
                .withLearningRateFactor(how.learningRateFactor())
                .withDivergenceGuard(solver.divergenceGuard())
                .withErrorProbe(errorProbe())
                .withAttention(rba);
        if (byStep != null) {
            adam = withStepLevels(adam, byStep);
        }
        for (TrainingListener l : solver.listeners()) {
            adam = adam.withListener(l);
        }
        if (rba != null) {
            adam = adam.withListener(AttentionUpdate.afterAdamSteps(rba));
        }
        CollocationSchedule resampling = how.resampleEvery() == 0 ? null : radSchedule();
        if (resampling != null) {
            adam = adam.withCollocation(resampling);
        }
        if (deadline != null) {
            adam = adam.withDeadline(solver.adamDeadline());
        }
        RefinedTrainingResult refined = adam.run(network, initial, history);
        Polish polish = new Polish(scheduler, attention, resampling, deadline);
        polish.network = refined.network();
        polish.loss = refined.finalLoss();
        polish.theta = refined.theta();
        if (byStep != null && refined.stopReason() != StopReason.NON_FINITE) {
            // Adam stopped (budget, divergence) on a continuation level: what follows trains the problem itself
            byStep.cutShort(problem, refined.steps()).ifPresent(cut -> {
                polish.loss = polish.freshLoss();
                history.addEvent(history.lastStep(), "continuation", cut);
            });
        }
        // the refinements still to come: grid extensions, then knot-insertion rounds
        int ahead = extensionsLeft(polish.network, scheduler);
        long inserted = refined.refinements().stream()
                .filter(e -> e.record().operation().equals("knot insertion")).count();
        ahead += (int) Math.max(0, how.insertionRounds() - inserted);
        if (refined.stopReason() == StopReason.NON_FINITE || plan.lbfgsSteps() == 0) {
            if (refined.stopReason() != StopReason.NON_FINITE) {
                for (int r = 0; r < ahead; r++) {
                    polish.refine("the schedule's refinements Adam did not reach, before the plan's last stage");
                }
            }
            return polish.finish(solver.refinementTraining(deadline));
        }
        for (int level = 0; level <= ahead; level++) {
            if (level > 0) {
                polish.refine("L-BFGS plateaued or its share of the budget ran out");
            }
            // the grids still to come share the time left in proportions 1 : 2 : 4 ..., finer grids getting more:
            // their steps cost more and they set the final error (equal shares left the finest grid short)
            double weight = Math.pow(2, level);
            double weights = Math.pow(2, ahead + 1) - weight;
            Deadline share = deadline == null ? null
                    : Deadline.afterSeconds(Math.max(1e-3, deadline.remainingSeconds() * weight / weights));
            if (!polish.lbfgs(plan, share)) {
                break;
            }
        }
        return polish.finish(null);
    }

    /**
     * Adam's loss changes at the ends of the levels of a continuation by Adam steps, the last to the problem itself;
     * the first level's event goes to the history now.
     */
    private RefinedTraining withStepLevels(RefinedTraining adam, Continuation byStep) {
        history.addEvent(history.lastStep(), "continuation", byStep.describe(problem, 0));
        int levels = byStep.factors().length;
        for (int level = 1; level <= levels; level++) {
            Discretization at = byStep.at(discretization, level);
            adam = adam.withLossChange(byStep.adamStep(level - 1), "continuation", byStep.describe(problem, level),
                    n -> solver.loss(at, n, engine));
        }
        return adam;
    }

    /** The grid extensions of the schedule: its sizes after the starting grid. */
    private int extensions() {
        return solver.gridSchedule().length - 1;
    }

    /** The grid extensions the schedule still has for a network. */
    private static int extensionsLeft(Network network, RefinementScheduler scheduler) {
        int left = 0;
        for (int g = scheduler.nextGrid(network); g > 0; g = scheduler.nextGrid(g)) {
            left++;
        }
        return left;
    }

    /**
     * The discretization a network's grid level trains on: the problem itself unless a continuation scales it; a
     * "continuation" event records each change of level.
     */
    private Discretization discretization(Network network, RefinementScheduler scheduler) {
        Continuation continuation = how.continuation().orElse(null);
        if (continuation == null) {
            return discretization;
        }
        int level = extensions() - extensionsLeft(network, scheduler);
        Discretization at = levels.computeIfAbsent(level, l -> continuation.at(discretization, l));
        if (level != shownLevel) {
            shownLevel = level;
            history.addEvent(history.lastStep(), "continuation", continuation.describe(problem, level));
        }
        return at;
    }

    /**
     * The L-BFGS part of an adaptive solve: per grid, L-BFGS in rounds of {@link Adaptivity#resampleEvery()} steps
     * with a RAD redraw between rounds; mutable, one per solve. A dense BFGS inverse Hessian is carried across the
     * refinements, mapped (the loss is the same function there: same points, network function unchanged); L-BFGS
     * pairs cannot be mapped, and after a RAD redraw, whose new points raise the loss by up to 1000x, both restart.
     */
    private final class Polish {
        private final RefinementScheduler scheduler;
        private final UnaryOperator<PinnLoss> attention;
        private final CollocationSchedule resampling;
        private final CollocationSchedule addition;
        private final Deadline deadline;
        private final OptimizerStateRelay curvature = new OptimizerStateRelay();
        private Network network;
        private PinnLoss loss;
        private double[] theta;
        private TrainingResult last;
        private int rounds;
        private int additions;

        Polish(RefinementScheduler scheduler, UnaryOperator<PinnLoss> attention, CollocationSchedule resampling,
               Deadline deadline) {
            this.scheduler = scheduler;
            this.attention = attention;
            this.resampling = resampling;
            this.addition = how.addedPoints() == 0 ? null
                    : collocation(CollocationRefinement.rar(how.addedPoints()), 1);
            this.deadline = deadline;
        }

        /** The scheduler's next refinement (the next grid extension, or a round of knot insertion), and why now. */
        void refine(String why) {
            GridRefinement refinement = scheduler.refinement(network, theta, loss).orElse(null);
            if (refinement == null) {
                return;   // all residuals 0: nothing to refine
            }
            network = refinement.network();
            theta = refinement.theta();
            curvature.map(refinement.transfer()::transferCurvature);
            loss = freshLoss();
            history.addEvent(history.lastStep(), refinement.record().operation(),
                    String.join("; ", refinement.record().changes()) + " (" + why + ")");
            if (addition != null) {
                addPoints();
            }
        }

        /**
         * The loss of the current network on its grid level's discretization: it starts on the discretization's
         * points, so those RAD or RAR moved are carried over, then the RBA weights, which stay with the points they
         * belong to, are attached.
         */
        PinnLoss freshLoss() {
            PinnLoss fresh = solver.loss(AdaptiveTraining.this.discretization(network, scheduler), network, engine);
            CollocationSchedule moved = resampling != null ? resampling : addition;
            return attention.apply(moved == null ? fresh : moved.moveTo(fresh, moved.points(loss)));
        }

        /** RAR: the points of largest residual in a fresh pool join the interior points. */
        private void addPoints() {
            CollocationSchedule.Refined added = addition.refine(loss, theta, 2_000 + ++additions);
            loss = added.loss();
            history.addEvent(history.lastStep(), "rar", added.record() + "; at the refinement above"
                    + loss.attention().map(AdaptiveTraining::weightRange).orElse(""));
        }

        /** L-BFGS on the current grid; false when training must stop (non-finite loss or the budget spent). */
        boolean lbfgs(OptimizerPlan plan, Deadline share) {
            int budget = plan.lbfgsSteps();
            int round = resampling == null ? budget : Math.min(budget, how.resampleEvery());
            for (int done = 0; done < budget; ) {
                Training chunk = solver.configured(plan.withAdamSteps(0).withLmSteps(0)
                        .withLbfgsSteps(Math.min(round, budget - done)).training(), share).withStateRelay(curvature);
                last = chunk.train(loss, theta, history);
                theta = last.theta();
                done += last.steps();
                if (last.stopReason() == StopReason.NON_FINITE || deadline != null && deadline.passed()) {
                    return false;
                }
                if (last.stopReason() != StopReason.BUDGET || done >= budget) {
                    return true;
                }
                resample();
            }
            return true;
        }

        private void resample() {
            // carrying the curvature over the redraw made three of five Burgers solves drift (session 14)
            curvature.clear();
            double before = loss.evaluate(theta, new double[theta.length]);
            CollocationSchedule.Refined refined = resampling.refine(loss, theta, 1_000 + ++rounds);
            loss = refined.loss();
            history.addEvent(history.lastStep(), "resample", refined.record() + String.format(Locale.ROOT,
                    "; between L-BFGS rounds; loss %.6g -> %.6g", before, loss.evaluate(theta, new double[theta.length])));
        }

        /** The result of the last L-BFGS round, after the plan's Levenberg-Marquardt stage if it has one. */
        Trained finish(Training rest) {
            OptimizerPlan plan = solver.settings().optimizers();
            if (rest != null) {
                last = rest.train(loss, theta, history);
            } else if (plan.lmSteps() > 0 && last.stopReason() != StopReason.NON_FINITE) {
                last = solver.configured(plan.withAdamSteps(0).withLbfgsSteps(0).training(), deadline)
                        .train(loss, last.theta(), history);
            }
            return new Trained(network, last);
        }
    }

    /** The RBA weights' range per term, for the RAR events (kept points keep theirs, added ones their nearest's). */
    private static String weightRange(ResidualAttention rba) {
        StringBuilder range = new StringBuilder();
        for (String term : rba.termNames()) {
            DoubleSummaryStatistics w = Arrays.stream(rba.weights(term)).summaryStatistics();
            range.append(String.format(Locale.ROOT, "; RBA weights of %s %.3g - %.3g", term, w.getMin(), w.getMax()));
        }
        return range.toString();
    }

    /** The first field's relative L2 error on the evaluation grid, for the refinement events. */
    private ErrorProbe errorProbe() {
        EvaluationGrid grid = EvaluationGrid.of(problem.domain());
        double[] exact = problem.exact(problem.fieldNames().get(0), grid.points());
        return (net, theta) -> ErrorMetrics.compare(problem.fieldValues(net, engine, theta, grid.points())[0], exact)
                .relativeL2();
    }

    /** RAD on the PDE terms every {@link Adaptivity#resampleEvery()} steps. */
    private CollocationSchedule radSchedule() {
        return collocation(CollocationRefinement.rad(solver.settings().collocation().interior(), how.radExponent(),
                how.radOffset(), solver.seed()), how.resampleEvery());
    }

    /** The candidate points RAD and RAR draw per round: the pool factor times the interior count. */
    private int poolSize() {
        return how.poolFactor() * solver.settings().collocation().interior();
    }

    /** Collocation refinement of the PDE terms from a fresh uniform pool per round, reproducible from the seed. */
    private CollocationSchedule collocation(CollocationRefinement refinement, int period) {
        int pool = poolSize();
        return CollocationSchedule.every(period, refinement,
                round -> problem.domain().sampleInterior(pool,
                        PointSampler.uniform(solver.seed() * 1_000_003L + round)),
                problem.interiorTermNames());
    }
}
