package org.pikan4j.core.residual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;

/**
 * The physics-informed loss {@code L(θ) = Σ_t w_t · mean_n r_t(x_n; θ)²} with its exact
 * gradient (optionally with causal time weights per point, see {@link #withCausalWeighting}), and the same residuals as a vector {@code sqrt(w_t / N_t) · r_t} with its
 * per-sample Jacobian (so that the sum of squares equals L) for Gauss-Newton and
 * Levenberg-Marquardt.
 *
 * <p>Points stream through the backend block by block: forward jets, residual expression on a
 * tape, reverse sweep, with buffers reused. With several threads each term's points are split
 * into one contiguous range per thread and the partial sums are added in thread order, so a
 * given thread count always gives the same bits. A thread is only put to work for every
 * {@value #BLOCKS_PER_THREAD} blocks of points: on small problems handing work to a second
 * thread costs more than it saves (measured on the jvm backend: 2 threads took 1.1-1.9x the time
 * of one at 300 points, 0.55-0.75x from 1200 points on). Not thread-safe itself.
 */
public final class PinnLoss {

    /** Blocks of points per thread below which fewer threads work (see the class comment). */
    public static final int BLOCKS_PER_THREAD = 4;

    private final Network network;
    private final Backend backend;
    private final List<ResidualTerm> terms;
    private final List<String> coordinateNames;
    private final int extraParameters;
    private final List<Penalty> penalties;
    private final ResidualAttention attention;
    private final List<BlockSweeper> sweepers = new ArrayList<>();
    private final double[][] threadGradients;
    private final double[][] threadSums;
    private final double[] termValues;
    private final int active;
    private final CausalWeighting causal;
    private final int[][] slabOf;           // per term: the time slab of each point, null when not weighted
    private final double[][] pointWeights;  // per term: the causal weight of each point, null when not weighted
    private final double[][] decayFactors;  // per term: each point's fixed causal decay factor, null when not weighted
    private final double[][] squares;       // per term: r² of each point from the weights' pass
    private double[] slabWeights;

    /**
     * A single-threaded loss over the network's parameters only.
     *
     * @param network         the trial solution
     * @param backend         where the network runs
     * @param terms           at least one term, points of the network's input dimension
     * @param coordinateNames names of the input coordinates, e.g. [x, y], for derivatives by name
     */
    public PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames) {
        this(network, backend, terms, coordinateNames, 0, 1);
    }

    /**
     * A single-threaded loss whose parameter vector is the network's followed by
     * {@code extraParameters} scalars that residuals read with {@link BlockContext#parameter(int)}:
     * trainable PDE coefficients of inverse problems.
     */
    public PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames,
                    int extraParameters) {
        this(network, backend, terms, coordinateNames, extraParameters, 1);
    }

    /**
     * A loss evaluated by up to {@code threads} threads (1 to 64); on the jvm backend two pay off
     * from about a thousand points per step, and smaller problems use fewer (see
     * {@link #activeThreads()}).
     */
    public PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames,
                    int extraParameters, int threads) {
        this(network, backend, terms, coordinateNames, extraParameters, threads, List.of(), null, null);
    }

    private PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames,
                     int extraParameters, int threads, List<Penalty> penalties, ResidualAttention attention,
                     CausalWeighting causal) {
        if (extraParameters < 0) {
            throw new IllegalArgumentException("extraParameters must be >= 0, got " + extraParameters);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in [1, 64], got " + threads);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must hold at least one residual term, got none");
        }
        if (coordinateNames.size() != network.inputDimension()) {
            throw new IllegalArgumentException("coordinateNames " + coordinateNames + " must name "
                    + network.inputDimension() + " coordinates (the network's inputs)");
        }
        for (ResidualTerm term : terms) {
            if (term.derivatives().dimension() != network.inputDimension()) {
                throw new IllegalArgumentException("term \"" + term.name() + "\" has points of dimension "
                        + term.derivatives().dimension() + " but the network takes " + network.inputDimension());
            }
            network.checkInputs(term.pointsShared());
            if (term.isPaired()) {
                network.checkInputs(term.partnersShared());
            }
        }
        this.network = network;
        this.backend = backend;
        this.terms = List.copyOf(terms);
        this.coordinateNames = List.copyOf(coordinateNames);
        this.extraParameters = extraParameters;
        this.penalties = List.copyOf(penalties);
        this.attention = attention;
        double[][] lambdas = new double[terms.size()][];
        double[][] magnitudes = new double[terms.size()][];
        if (attention != null) {
            for (int t = 0; t < terms.size(); t++) {
                lambdas[t] = attention.lambda(this.terms.get(t));
                magnitudes[t] = attention.magnitude(this.terms.get(t));
            }
        }
        for (int w = 0; w < threads; w++) {
            sweepers.add(new BlockSweeper(network, backend, this.terms, this.coordinateNames, extraParameters,
                    lambdas, magnitudes));
        }
        this.threadGradients = new double[threads][];
        this.threadSums = new double[threads][terms.size()];
        this.termValues = new double[terms.size() + penalties.size()];
        int blocks = 0;
        for (int t = 0; t < this.terms.size(); t++) {
            int capacity = sweepers.get(0).capacity(t);
            blocks += (this.terms.get(t).size() + capacity - 1) / capacity;
        }
        this.active = Math.max(1, Math.min(threads, blocks / BLOCKS_PER_THREAD));
        this.causal = causal;
        this.slabOf = new int[this.terms.size()][];
        this.pointWeights = new double[this.terms.size()][];
        this.decayFactors = new double[this.terms.size()][];
        this.squares = new double[this.terms.size()][];
        if (causal != null) {
            checkCausal(causal);
            for (int t = 0; t < this.terms.size(); t++) {
                if (causal.terms().contains(this.terms.get(t).name())) {
                    double[][] points = this.terms.get(t).pointsShared();
                    slabOf[t] = new int[points.length];
                    decayFactors[t] = new double[points.length];
                    for (int n = 0; n < points.length; n++) {
                        slabOf[t][n] = causal.slab(points[n][causal.axis()]);
                        decayFactors[t][n] = causal.decayFactor(points[n][causal.axis()]);
                    }
                    pointWeights[t] = new double[points.length];
                    squares[t] = causal.weighsSlabs() ? new double[points.length] : null;
                }
            }
            if (!causal.weighsSlabs()) {
                // the slab weights are 1 whatever the residuals: set them once and skip the values-only pass
                weighPoints(causal.weights(new double[causal.slabs()]));
            }
        }
    }

    private void checkCausal(CausalWeighting c) {
        if (c.axis() >= network.inputDimension()) {
            throw new IllegalArgumentException("causal time axis " + c.axis() + " is not an input coordinate; valid: 0 to "
                    + (network.inputDimension() - 1) + " " + coordinateNames);
        }
        List<String> names = terms.stream().map(ResidualTerm::name).toList();
        for (String name : c.terms()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("causal weighting names term \"" + name + "\", but the loss has the"
                        + " terms " + names);
            }
        }
    }

    /**
     * The same loss with causal time weighting of some of its terms (see {@link CausalWeighting}): each
     * evaluation first computes the squared residuals of those terms, then the slab weights from them,
     * then the weighted loss and its gradient with the weights held constant.
     *
     * @throws IllegalArgumentException when the weighting names a term the loss lacks or a time axis that is
     *                                  not an input
     */
    public PinnLoss withCausalWeighting(CausalWeighting weighting) {
        if (weighting == null) {
            throw new IllegalArgumentException("causal weighting must not be null");
        }
        return new PinnLoss(network, backend, terms, coordinateNames, extraParameters, sweepers.size(), penalties,
                attention, weighting);
    }

    /** The causal weighting, or null for none. */
    public CausalWeighting causalWeighting() {
        return causal;
    }

    /**
     * The causal slab weights w_0..w_{M-1} of the last evaluation (w_0 = 1), or null when the loss has no
     * causal weighting or was not evaluated yet; all 1 from the start when they do not depend on the residuals
     * (ε = 0 or one slab: a weighting by decay alone).
     */
    public double[] causalWeights() {
        return slabWeights == null ? null : slabWeights.clone();
    }

    /**
     * The same loss with one more penalty added to its value and gradient (e.g. regularization),
     * reported after the residual terms under the penalty's name.
     *
     * @throws IllegalArgumentException if the penalty is null or its name is taken
     */
    public PinnLoss withPenalty(Penalty penalty) {
        if (penalty == null) {
            throw new IllegalArgumentException("penalty must not be null");
        }
        if (termNames().contains(penalty.name())) {
            throw new IllegalArgumentException("penalty name \"" + penalty.name() + "\" is taken; names in use: "
                    + termNames());
        }
        List<Penalty> all = new ArrayList<>(penalties);
        all.add(penalty);
        return new PinnLoss(network, backend, terms, coordinateNames, extraParameters, sweepers.size(), all,
                attention, causal);
    }

    /**
     * The same loss with residual-based attention on some of its terms: each point's residual is multiplied by its
     * RBA weight, {@code w/N Σ (λ_n r_n)²} (also in {@link #residuals}), and every evaluation records the points'
     * |r| for {@link ResidualAttention#update()}.
     *
     * @param rba the attention; every term it names must be a term of this loss
     * @return a new loss
     * @throws IllegalArgumentException if rba is null or names a term this loss does not have
     */
    public PinnLoss withAttention(ResidualAttention rba) {
        if (rba == null) {
            throw new IllegalArgumentException("attention must not be null");
        }
        List<String> names = terms.stream().map(ResidualTerm::name).toList();
        if (!names.containsAll(rba.termNames())) {
            throw new IllegalArgumentException("attention weights terms " + rba.termNames() + " but the loss has "
                    + names);
        }
        return new PinnLoss(network, backend, terms, coordinateNames, extraParameters, sweepers.size(), penalties,
                rba, causal);
    }

    /**
     * The same loss without residual-based attention: for residuals at other points (a candidate pool) that must
     * not rebind the attention's weights to them.
     *
     * @return this loss when it has no attention, else a new loss
     */
    public PinnLoss withoutAttention() {
        if (attention == null) {
            return this;
        }
        return new PinnLoss(network, backend, terms, coordinateNames, extraParameters, sweepers.size(), penalties,
                null, causal);
    }

    /**
     * The same terms (and attention) without penalties or causal weights: the residual vector
     * {@code sqrt(w/N) λ r} that refinement indicators read (knot insertion; RAD and RAR probe their pool without
     * attention), which {@link #residuals} refuses for a penalized or causally weighted loss.
     *
     * @return this loss when it has neither, else a new loss
     */
    public PinnLoss residualProbe() {
        if (penalties.isEmpty() && causal == null) {
            return this;
        }
        return new PinnLoss(network, backend, terms, coordinateNames, extraParameters, sweepers.size(), List.of(),
                attention, null);
    }

    /** @return the residual-based attention, empty without */
    public java.util.Optional<ResidualAttention> attention() {
        return java.util.Optional.ofNullable(attention);
    }

    /** The penalties added to the residual terms, in order. */
    public List<Penalty> penalties() {
        return penalties;
    }

    /** The names of the residual terms, then of the penalties: the order of {@link #termValues()}. */
    public List<String> termNames() {
        List<String> names = new ArrayList<>();
        terms.forEach(t -> names.add(t.name()));
        penalties.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * The same loss (network, backend, coordinates, extra parameters, threads, penalties, attention, causal
     * weighting) on other terms, e.g. terms moved
     * to refined collocation points with {@link ResidualTerm#withPoints}.
     *
     * @param newTerms at least one term, points of the network's input dimension
     * @return a new loss
     */
    public PinnLoss withTerms(List<ResidualTerm> newTerms) {
        return new PinnLoss(network, backend, newTerms, coordinateNames, extraParameters, threads(), penalties,
                attention, causal);
    }

    /** The trial solution. */
    public Network network() {
        return network;
    }

    /** The terms, in order. */
    public List<ResidualTerm> terms() {
        return terms;
    }

    /** Every term's points, in term order: where the loss evaluates the network. */
    public double[][] points() {
        List<double[]> all = new ArrayList<>();
        terms.forEach(t -> all.addAll(List.of(t.points())));
        return all.toArray(double[][]::new);
    }

    /** Number of threads the loss was built for. */
    public int threads() {
        return sweepers.size();
    }

    /**
     * Number of threads that actually evaluate the loss: {@link #threads()}, but at most one per
     * {@value #BLOCKS_PER_THREAD} blocks of points, and at least one.
     */
    public int activeThreads() {
        return active;
    }

    /** Number of entries of the residual vector: the total number of points over all terms. */
    public int residualCount() {
        return terms.stream().mapToInt(ResidualTerm::size).sum();
    }

    /** Number of parameters: the network's, then the extra (trainable PDE) parameters. */
    public int parameterCount() {
        return network.parameterCount() + extraParameters;
    }

    /** Number of extra parameters after the network's. */
    public int extraParameters() {
        return extraParameters;
    }

    /**
     * The loss at θ, writing its gradient into {@code gradient} (overwritten). A causally weighted loss computes its
     * weights at θ first and holds them for the gradient, which is therefore not the derivative of this function
     * (see {@link #evaluateWithHeldWeights}).
     */
    public double evaluate(double[] theta, double[] gradient) {
        return evaluate(theta, gradient, true);
    }

    /**
     * The loss at θ with its gradient, the causal weights held at those of the last evaluation that computed
     * them (by {@link #evaluate}, or by this method when none did yet): a fixed function of θ whose gradient is
     * exact, which a line search needs, and one pass over the points cheaper. Without causal weighting the same as
     * {@link #evaluate}.
     */
    public double evaluateWithHeldWeights(double[] theta, double[] gradient) {
        return evaluate(theta, gradient, slabWeights == null);
    }

    private double evaluate(double[] theta, double[] gradient, boolean weighCausally) {
        checkLength(theta, "theta");
        checkLength(gradient, "gradient");
        if (causal != null && weighCausally && causal.weighsSlabs()) {
            LossHelpers.runAll(active, w -> squaresShare(w, theta));
            updateCausalWeights();
        }
        int threads = active;
        LossHelpers.runAll(active, w -> sweepShare(w, theta, w == 0 ? zeroed(gradient) : gradientOf(w)));
        for (int w = 1; w < threads; w++) {
            double[] g = threadGradients[w];
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += g[p];
            }
        }
        double total = 0.0;
        for (int t = 0; t < terms.size(); t++) {
            double sum = 0.0;
            for (int w = 0; w < threads; w++) {
                sum += threadSums[w][t];
            }
            termValues[t] = terms.get(t).weight() / terms.get(t).size() * sum;
            total += termValues[t];
        }
        for (int q = 0; q < penalties.size(); q++) {
            termValues[terms.size() + q] = penalties.get(q).evaluate(theta, gradient);
            total += termValues[terms.size() + q];
        }
        return total;
    }

    private static double[] zeroed(double[] gradient) {
        Arrays.fill(gradient, 0.0);
        return gradient;
    }

    /** Worker w's share of the squared residuals of the causally weighted terms. */
    private void squaresShare(int w, double[] theta) {
        BlockSweeper sweeper = sweepers.get(w);
        for (int t = 0; t < terms.size(); t++) {
            if (squares[t] != null) {
                int[] range = share(t, w, sweeper.capacity(t));
                if (range[0] < range[1]) {
                    sweeper.squares(t, theta, range[0], range[1], squares[t]);
                }
            }
        }
    }

    /** Slab losses (mean r² per slab, summed over the weighted terms, undecayed) and the weights from them. */
    private void updateCausalWeights() {
        double[] slabLoss = new double[causal.slabs()];
        for (int t = 0; t < terms.size(); t++) {
            if (squares[t] == null) {
                continue;
            }
            double[] sum = new double[causal.slabs()];
            int[] count = new int[causal.slabs()];
            for (int n = 0; n < squares[t].length; n++) {
                sum[slabOf[t][n]] += squares[t][n];
                count[slabOf[t][n]]++;
            }
            for (int i = 0; i < sum.length; i++) {
                slabLoss[i] += count[i] == 0 ? 0.0 : sum[i] / count[i];
            }
        }
        weighPoints(causal.weights(slabLoss));
    }

    /** Holds the slab weights and sets each point's weight: its slab's weight times its decay factor. */
    private void weighPoints(double[] weights) {
        slabWeights = weights;
        for (int t = 0; t < terms.size(); t++) {
            if (pointWeights[t] != null) {
                for (int n = 0; n < pointWeights[t].length; n++) {
                    pointWeights[t][n] = slabWeights[slabOf[t][n]] * decayFactors[t][n];
                }
            }
        }
    }

    private double[] gradientOf(int worker) {
        if (threadGradients[worker] == null) {
            threadGradients[worker] = new double[parameterCount()];
        }
        Arrays.fill(threadGradients[worker], 0.0);
        return threadGradients[worker];
    }

    /** Worker w's contiguous, block-aligned share of every term. */
    private void sweepShare(int w, double[] theta, double[] gradient) {
        BlockSweeper sweeper = sweepers.get(w);
        for (int t = 0; t < terms.size(); t++) {
            int[] range = share(t, w, sweeper.capacity(t));
            threadSums[w][t] = range[0] < range[1]
                    ? sweeper.loss(t, theta, range[0], range[1], gradient, pointWeights[t]) : 0.0;
        }
    }

    private int[] share(int t, int w, int capacity) {
        int size = terms.get(t).size();
        int blocks = (size + capacity - 1) / capacity;
        int threads = active;
        int from = Math.min(size, blocks * w / threads * capacity);
        int to = Math.min(size, blocks * (w + 1) / threads * capacity);
        return new int[] {from, to};
    }

    /**
     * The weighted value of each term at the last evaluation, in term order, then the penalties'
     * values (see {@link #termNames()}); a causally weighted term's value includes its causal weights.
     */
    public double[] termValues() {
        return termValues.clone();
    }

    /**
     * The residual vector {@code sqrt(w_t / N_t) · r_t(x_n)} of all terms (times the points' RBA weights
     * with {@link #withAttention attention}), stacked in term order,
     * and, when {@code jacobian} is not null, its Jacobian: row i holds d(residual i)/dθ.
     * Runs on one thread.
     *
     * @throws IllegalStateException if the loss has penalties, which are not sums of squares
     */
    public void residuals(double[] theta, double[] residuals, double[][] jacobian) {
        if (causal != null) {
            throw new IllegalStateException("the residual vector has no causal weights: train a causally weighted loss"
                    + " with Adam or L-BFGS, not Levenberg-Marquardt");
        }
        if (!penalties.isEmpty()) {
            throw new IllegalStateException("the residual vector cannot hold the penalties " + termNames()
                    .subList(terms.size(), termValues.length) + ": train a penalized loss with Adam or L-BFGS,"
                    + " not Levenberg-Marquardt");
        }
        checkLength(theta, "theta");
        if (residuals.length != residualCount()) {
            throw new IllegalArgumentException("residuals must have length " + residualCount() + ", got "
                    + residuals.length);
        }
        int row = 0;
        for (int t = 0; t < terms.size(); t++) {
            int size = terms.get(t).size();
            termValues[t] = sweepers.get(0).residuals(t, theta, 0, size, residuals, row, jacobian);
            row += size;
        }
    }

    private void checkLength(double[] theta, String name) {
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException(name + " must have length " + parameterCount() + " ("
                    + network.parameterCount() + " network + " + extraParameters + " extra parameters), got "
                    + theta.length);
        }
    }
}
