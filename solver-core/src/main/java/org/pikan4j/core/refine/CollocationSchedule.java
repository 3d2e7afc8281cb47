package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.util.Arguments;

/**
 * Collocation refinement during {@link RefinedTraining}: every {@code period} Adam steps, the residual of the named
 * terms (the PDE terms, which share one interior point set) is evaluated on a fresh pool of candidate points, a
 * {@link CollocationRefinement} (RAR or RAD) picks the new points, and the terms move there with
 * {@link ResidualTerm#withPoints}; the other terms (boundary, initial) stay. The parameters do not change, so the
 * optimizer's state carries over as it is. Immutable.
 *
 * <p>The residual magnitude at a candidate point is the root sum of squares over the named terms of their
 * weighted residuals there.
 */
public final class CollocationSchedule {

    private final int period;
    private final CollocationRefinement refinement;
    private final IntFunction<double[][]> candidates;
    private final List<String> terms;

    private CollocationSchedule(int period, CollocationRefinement refinement, IntFunction<double[][]> candidates,
                                List<String> terms) {
        this.period = period;
        this.refinement = refinement;
        this.candidates = candidates;
        this.terms = terms;
    }

    /**
     * Refines every {@code period} steps.
     *
     * @param period     steps between refinements, &gt;= 1
     * @param refinement how to pick the new points, e.g. {@code CollocationRefinement.rad(3000, 1, 1, seed)}
     * @param candidates the candidate pool of round r (1, 2, ...): e.g. fresh random interior points per round;
     *                   it should not contain the current points (RAR would add a point twice)
     * @param terms      the names of the terms that move, at least one; they must share one point set
     * @return the schedule
     * @throws IllegalArgumentException naming the invalid argument
     */
    public static CollocationSchedule every(int period, CollocationRefinement refinement,
                                            IntFunction<double[][]> candidates, List<String> terms) {
        if (period < 1) {
            throw new IllegalArgumentException("period (steps between collocation refinements) must be >= 1, got "
                    + period);
        }
        Arguments.notNull("refinement", refinement);
        Arguments.notNull("candidates", candidates);
        Arguments.notNull("terms", terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must name at least one term to move, got none");
        }
        return new CollocationSchedule(period, refinement, candidates, List.copyOf(terms));
    }

    /** @return steps between refinements */
    public int period() {
        return period;
    }

    /** @return the names of the terms that move */
    public List<String> terms() {
        return terms;
    }

    /**
     * Refines the points of the named terms of a loss.
     *
     * @param loss  the current loss; must contain every named term, unpaired and on one shared point set
     * @param theta its parameters
     * @param round the refinement's number (1 for the first), which selects the candidate pool
     * @return the loss on the new points and what changed
     */
    public Refined refine(PinnLoss loss, double[] theta, int round) {
        int[] moving = indices(loss);
        double[][] current = loss.terms().get(moving[0]).points();
        double[][] pool = candidates.apply(round);
        CollocationChange change = refinement.refine(current, pool, magnitudes(loss, moving, theta, pool));
        return new Refined(moveTo(loss, change.points()), change.record());
    }

    /**
     * The same loss with the named terms on {@code points}: carries refined points over to the loss built for a
     * refined network.
     *
     * @param loss   a loss with the named terms
     * @param points the points to move them to, e.g. {@link #points} of the loss before the refinement
     * @return a new loss
     */
    public PinnLoss moveTo(PinnLoss loss, double[][] points) {
        List<ResidualTerm> moved = new ArrayList<>(loss.terms());
        for (int t : indices(loss)) {
            moved.set(t, moved.get(t).withPoints(points));
        }
        return loss.withTerms(moved);
    }

    /**
     * @param loss a loss with the named terms
     * @return a copy of the named terms' points in the loss (the first one's)
     */
    public double[][] points(PinnLoss loss) {
        return loss.terms().get(indices(loss)[0]).points();
    }

    /** Root sum of squares over the moving terms of their residuals at every pool point. */
    private static double[] magnitudes(PinnLoss loss, int[] moving, double[] theta, double[][] pool) {
        List<ResidualTerm> probes = new ArrayList<>();
        for (int t : moving) {
            probes.add(loss.terms().get(t).withPoints(pool));
        }
        // without attention: a weighted probe would move the RBA weights to the pool (and the pool's |r| is plain)
        PinnLoss probe = loss.residualProbe().withoutAttention().withTerms(probes);
        double[] residuals = new double[probe.residualCount()];
        probe.residuals(theta, residuals, null);
        double[] magnitude = new double[pool.length];
        for (int k = 0; k < moving.length; k++) {
            for (int n = 0; n < pool.length; n++) {
                double r = residuals[k * pool.length + n];
                magnitude[n] += r * r;
            }
        }
        for (int n = 0; n < pool.length; n++) {
            magnitude[n] = Math.sqrt(magnitude[n]);
        }
        return magnitude;
    }

    private int[] indices(PinnLoss loss) {
        List<String> names = loss.terms().stream().map(ResidualTerm::name).toList();
        int[] indices = new int[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            indices[k] = names.indexOf(terms.get(k));
            if (indices[k] < 0) {
                throw new IllegalArgumentException("collocation refinement moves term \"" + terms.get(k)
                        + "\", but the loss has terms " + names);
            }
            ResidualTerm term = loss.terms().get(indices[k]);
            if (term.isPaired()) {
                throw new IllegalArgumentException("term \"" + term.name() + "\" compares pairs of points and"
                        + " cannot move; name pointwise (PDE) terms only");
            }
            if (k > 0 && !Arrays.deepEquals(term.points(), loss.terms().get(indices[0]).points())) {
                throw new IllegalArgumentException("terms " + terms + " must share one point set to move together,"
                        + " but \"" + term.name() + "\" has other points than \"" + terms.get(0) + "\"");
            }
        }
        return indices;
    }

    /**
     * A loss on refined points and the record of the change.
     *
     * @param loss   the loss with the named terms on the new points
     * @param record what changed
     */
    public record Refined(PinnLoss loss, RefinementRecord record) {
    }

    @Override
    public String toString() {
        return "CollocationSchedule[" + refinement + " every " + period + " steps on " + terms + "]";
    }
}
