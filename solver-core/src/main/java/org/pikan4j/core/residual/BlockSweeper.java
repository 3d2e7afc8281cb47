package org.pikan4j.core.residual;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.JetTape;

/**
 * One thread's share of a {@link PinnLoss}: its own evaluators and adjoint buffers per term,
 * sweeping ranges of points block by block (forward jets, residual on a tape, reverse sweep).
 */
final class BlockSweeper {

    private final Network network;
    private final List<ResidualTerm> terms;
    private final List<String> names;
    private final int extraParameters;
    private final List<NetworkEvaluator> evaluators = new ArrayList<>();
    private final List<JetBlock> adjoints = new ArrayList<>();
    private final List<NetworkEvaluator> partnerEvaluators = new ArrayList<>();
    private final List<JetBlock> partnerAdjoints = new ArrayList<>();
    /** Per term: its own tape, so that whole-term sweeps can hold several terms' residuals at once. */
    private final List<JetTape> tapes = new ArrayList<>();
    /** Per term: the RBA weight of every point and the record of its latest |r|, or null without attention. */
    private final double[][] lambdas;
    private final double[][] magnitudes;

    BlockSweeper(Network network, Backend backend, List<ResidualTerm> terms, List<String> names,
                 int extraParameters, double[][] lambdas, double[][] magnitudes) {
        this(network, backend, terms, names, extraParameters, lambdas, magnitudes, false);
    }

    /**
     * @param wholeTerms evaluators that take each term's points in one call (for {@link #forwardWhole}) instead of
     *                   the backend's blocks
     */
    BlockSweeper(Network network, Backend backend, List<ResidualTerm> terms, List<String> names,
                 int extraParameters, double[][] lambdas, double[][] magnitudes, boolean wholeTerms) {
        this.lambdas = lambdas;
        this.magnitudes = magnitudes;
        this.network = network;
        this.terms = terms;
        this.names = names;
        this.extraParameters = extraParameters;
        for (ResidualTerm term : terms) {
            NetworkEvaluator evaluator = wholeTerms ? backend.evaluator(network, term.derivatives(), term.size())
                    : backend.evaluator(network, term.derivatives());
            evaluators.add(evaluator);
            tapes.add(new JetTape(1));
            adjoints.add(new JetBlock(term.derivatives(), evaluator.capacity(), network.outputDimension()));
            // a paired term evaluates the network a second time, at the partners
            partnerEvaluators.add(term.isPaired() ? backend.evaluator(network, term.derivatives()) : null);
            partnerAdjoints.add(term.isPaired()
                    ? new JetBlock(term.derivatives(), evaluator.capacity(), network.outputDimension()) : null);
        }
    }

    /** Points per block of term t. */
    int capacity(int t) {
        return evaluators.get(t).capacity();
    }

    /**
     * Adds the gradient of {@code w/N Σ c_n (λ_n r_n)²} over points [from, to) of term t to {@code gradient}
     * and returns {@code Σ c_n (λ_n r_n)²} of those points, without the term weight; λ are the attention
     * weights (1 without attention), {@code pointWeights} holds c_n for every point of the term, or is null
     * for c_n = 1.
     */
    double loss(int t, double[] theta, int from, int to, double[] gradient, double[] pointWeights) {
        ResidualTerm term = terms.get(t);
        double meanWeight = term.weight() / term.size();
        double sum = 0.0;
        for (int first = from; first < to; first += capacity(t)) {
            int count = Math.min(capacity(t), to - first);
            tapes.get(t).reset(count);
            Jet r = forwardResidual(t, theta, first, count, gradient, 0, 0);
            double[] lambda = lambdas[t];
            for (int n = 0; n < count; n++) {
                double v = r.value(n);
                double l = 1.0;
                if (lambda != null) {
                    l = lambda[first + n];
                    magnitudes[t][first + n] = Math.abs(v);
                }
                double c = pointWeights == null ? l * l : pointWeights[first + n] * l * l;
                sum += c * v * v;
                r.addValueAdjoint(n, 2.0 * meanWeight * c * v);
            }
            tapes.get(t).backward();
            backward(t, gradient, 0, 0);
        }
        return sum;
    }

    /** Writes the squared residual {@code r²} of points [from, to) of term t to {@code squares[n]}; no gradient. */
    void squares(int t, double[] theta, int from, int to, double[] squares) {
        for (int first = from; first < to; first += capacity(t)) {
            int count = Math.min(capacity(t), to - first);
            tapes.get(t).reset(count);
            Jet r = forwardResidual(t, theta, first, count, null, 0, 0);
            for (int n = 0; n < count; n++) {
                double v = r.value(n);
                squares[first + n] = v * v;
            }
        }
    }

    /**
     * Writes {@code sqrt(w/N) λ r} of points [from, to) of term t to {@code residuals[row + n]} and,
     * when {@code jacobian} is not null, their Jacobian rows; returns the sum of squares written.
     */
    double residuals(int t, double[] theta, int from, int to, double[] residuals, int row, double[][] jacobian) {
        ResidualTerm term = terms.get(t);
        double scale = Math.sqrt(term.weight() / term.size());
        int p = network.parameterCount() + extraParameters;
        double[] rows = jacobian == null ? null : new double[capacity(t) * p];
        double sum = 0.0;
        for (int first = from; first < to; first += capacity(t)) {
            int count = Math.min(capacity(t), to - first);
            tapes.get(t).reset(count);
            if (rows != null) {
                java.util.Arrays.fill(rows, 0.0);
            }
            Jet r = forwardResidual(t, theta, first, count, rows, 0, p);
            double[] lambda = lambdas[t];
            for (int n = 0; n < count; n++) {
                double l = 1.0;
                if (lambda != null) {
                    l = lambda[first + n];
                    magnitudes[t][first + n] = Math.abs(r.value(n));
                }
                double v = scale * l * r.value(n);
                residuals[row + first + n] = v;
                sum += v * v;
                // each point's residual depends on its own jets only: seed all, one row each
                r.addValueAdjoint(n, scale * l);
            }
            if (rows != null) {
                tapes.get(t).backward();
                backward(t, rows, 0, p);
                for (int n = 0; n < count; n++) {
                    System.arraycopy(rows, n * p, jacobian[row + first + n], 0, p);
                }
            }
        }
        return sum;
    }

    /**
     * Forward jets and the residual of all points of term t in one call (the sweeper must be built with whole
     * terms): the residual jet, which stays on term t's tape, its adjoints cleared, for {@link #sweepBack}.
     * Extra parameters the residual reads send their adjoints to {@code gradient}.
     */
    Jet forwardWhole(int t, double[] theta, double[] gradient) {
        int size = terms.get(t).size();
        if (size > capacity(t)) {
            throw new IllegalStateException("term \"" + terms.get(t).name() + "\" has " + size + " points, more than"
                    + " its evaluator takes at once (" + capacity(t) + "): build the sweeper with whole terms");
        }
        tapes.get(t).reset(size);
        return forwardResidual(t, theta, 0, size, gradient, 0, 0);
    }

    /** Adds the gradient of the value adjoints seeded on {@link #forwardWhole}'s residual of term t. */
    void sweepBack(int t, double[] gradient) {
        tapes.get(t).backward();
        backward(t, gradient, 0, 0);
    }

    private void backward(int t, double[] grad, int rowOffset, int rowStride) {
        evaluators.get(t).backward(adjoints.get(t), grad, rowOffset, rowStride);
        if (partnerEvaluators.get(t) != null) {
            partnerEvaluators.get(t).backward(partnerAdjoints.get(t), grad, rowOffset, rowStride);
        }
    }

    /**
     * Forward jets of one block and the term's residual on the tape, adjoints cleared; extra
     * parameters read by the residual send their adjoints to {@code grad} like the network's.
     */
    private Jet forwardResidual(int t, double[] theta, int first, int count, double[] grad,
                                int rowOffset, int rowStride) {
        ResidualTerm term = terms.get(t);
        JetBlock adjoint = adjoints.get(t);
        adjoint.clear();
        JetBlock outputs = evaluators.get(t).forward(theta, term.pointsShared(), first, count);
        JetBlock partnerOutputs = null;
        JetBlock partnerAdjoint = partnerAdjoints.get(t);
        if (partnerAdjoint != null) {
            partnerAdjoint.clear();
            partnerOutputs = partnerEvaluators.get(t).forward(theta, term.partnersShared(), first, count);
        }
        return term.residual().evaluate(new BlockContext(tapes.get(t), outputs, adjoint, term.pointsShared(),
                first, names, new BlockContext.Parameters(theta, network.parameterCount(),
                extraParameters, grad, rowOffset, rowStride), partnerOutputs, partnerAdjoint));
    }
}
