package org.pikan4j.core.residual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.JetTape;

/**
 * The physics-informed loss {@code L(θ) = Σ_t w_t · mean_n r_t(x_n; θ)²} with its exact
 * gradient, and the same residuals as a vector {@code sqrt(w_t / N_t) · r_t} with its
 * per-sample Jacobian (so that the sum of squares equals L) for Gauss-Newton and
 * Levenberg-Marquardt.
 *
 * <p>Points stream through the backend block by block: forward jets, residual expression on a
 * tape, reverse sweep; each block's buffers are reused. Not thread-safe.
 */
public final class PinnLoss {

    private final Network network;
    private final List<ResidualTerm> terms;
    private final List<String> coordinateNames;
    private final List<NetworkEvaluator> evaluators = new ArrayList<>();
    private final List<JetBlock> adjoints = new ArrayList<>();
    private final double[] termValues;
    private final int extraParameters;

    /**
     * A loss over the network's parameters only.
     *
     * @param network         the trial solution
     * @param backend         where the network runs
     * @param terms           at least one term, points of the network's input dimension
     * @param coordinateNames names of the input coordinates, e.g. [x, y], for derivatives by name
     */
    public PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames) {
        this(network, backend, terms, coordinateNames, 0);
    }

    /**
     * A loss whose parameter vector is the network's followed by {@code extraParameters} scalars
     * that residuals read with {@link BlockContext#parameter(int)}: trainable PDE coefficients
     * of inverse problems.
     */
    public PinnLoss(Network network, Backend backend, List<ResidualTerm> terms, List<String> coordinateNames,
                    int extraParameters) {
        if (extraParameters < 0) {
            throw new IllegalArgumentException("extraParameters must be >= 0, got " + extraParameters);
        }
        this.extraParameters = extraParameters;
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must hold at least one residual term, got none");
        }
        if (coordinateNames.size() != network.inputDimension()) {
            throw new IllegalArgumentException("coordinateNames " + coordinateNames + " must name "
                    + network.inputDimension() + " coordinates (the network's inputs)");
        }
        this.network = network;
        this.terms = List.copyOf(terms);
        this.coordinateNames = List.copyOf(coordinateNames);
        for (ResidualTerm term : terms) {
            if (term.derivatives().dimension() != network.inputDimension()) {
                throw new IllegalArgumentException("term \"" + term.name() + "\" has points of dimension "
                        + term.derivatives().dimension() + " but the network takes " + network.inputDimension());
            }
            network.checkInputs(term.pointsShared());
            NetworkEvaluator evaluator = backend.evaluator(network, term.derivatives());
            evaluators.add(evaluator);
            adjoints.add(new JetBlock(term.derivatives(), evaluator.capacity(), network.outputDimension()));
        }
        this.termValues = new double[terms.size()];
    }

    /** The trial solution. */
    public Network network() {
        return network;
    }

    /** The terms, in order. */
    public List<ResidualTerm> terms() {
        return terms;
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

    private void checkLength(double[] theta, String name) {
        if (theta.length != parameterCount()) {
            throw new IllegalArgumentException(name + " must have length " + parameterCount() + " ("
                    + network.parameterCount() + " network + " + extraParameters + " extra parameters), got "
                    + theta.length);
        }
    }

    /**
     * The loss at θ, writing its gradient into {@code gradient} (overwritten).
     */
    public double evaluate(double[] theta, double[] gradient) {
        checkLength(theta, "theta");
        checkLength(gradient, "gradient");
        Arrays.fill(gradient, 0.0);
        double total = 0.0;
        for (int t = 0; t < terms.size(); t++) {
            ResidualTerm term = terms.get(t);
            double meanWeight = term.weight() / term.size();
            double sum = 0.0;
            for (int first = 0; first < term.size(); first += capacity(t)) {
                int count = Math.min(capacity(t), term.size() - first);
                JetTape tape = new JetTape(count);
                Jet r = forwardResidual(t, theta, first, count, tape, gradient, 0, 0);
                for (int n = 0; n < count; n++) {
                    double v = r.value(n);
                    sum += v * v;
                    r.addValueAdjoint(n, 2.0 * meanWeight * v);
                }
                tape.backward();
                evaluators.get(t).backward(adjoints.get(t), gradient, 0, 0);
            }
            termValues[t] = meanWeight * sum;
            total += termValues[t];
        }
        return total;
    }

    /** The weighted value of each term at the last evaluation, in term order. */
    public double[] termValues() {
        return termValues.clone();
    }

    /**
     * The residual vector {@code sqrt(w_t / N_t) · r_t(x_n)} of all terms, stacked in term order,
     * and, when {@code jacobian} is not null, its Jacobian: row i holds d(residual i)/dθ.
     */
    public void residuals(double[] theta, double[] residuals, double[][] jacobian) {
        checkLength(theta, "theta");
        if (residuals.length != residualCount()) {
            throw new IllegalArgumentException("residuals must have length " + residualCount() + ", got "
                    + residuals.length);
        }
        int p = parameterCount();
        int row = 0;
        for (int t = 0; t < terms.size(); t++) {
            ResidualTerm term = terms.get(t);
            double scale = Math.sqrt(term.weight() / term.size());
            double[] rows = jacobian == null ? null : new double[capacity(t) * p];
            double sum = 0.0;
            for (int first = 0; first < term.size(); first += capacity(t)) {
                int count = Math.min(capacity(t), term.size() - first);
                JetTape tape = new JetTape(count);
                if (rows != null) {
                    Arrays.fill(rows, 0.0);
                }
                Jet r = forwardResidual(t, theta, first, count, tape, rows, 0, p);
                for (int n = 0; n < count; n++) {
                    double v = scale * r.value(n);
                    residuals[row + first + n] = v;
                    sum += v * v;
                    // each point's residual depends on its own jets only: seed all, one row each
                    r.addValueAdjoint(n, scale);
                }
                if (rows != null) {
                    tape.backward();
                    evaluators.get(t).backward(adjoints.get(t), rows, 0, p);
                    for (int n = 0; n < count; n++) {
                        System.arraycopy(rows, n * p, jacobian[row + first + n], 0, p);
                    }
                }
            }
            termValues[t] = sum;
            row += term.size();
        }
    }

    private int capacity(int t) {
        return evaluators.get(t).capacity();
    }

    /**
     * Forward jets of one block and the term's residual on the tape, adjoints cleared; extra
     * parameters read by the residual send their adjoints to {@code grad} like the network's.
     */
    private Jet forwardResidual(int t, double[] theta, int first, int count, JetTape tape, double[] grad,
                                int rowOffset, int rowStride) {
        ResidualTerm term = terms.get(t);
        JetBlock adjoint = adjoints.get(t);
        adjoint.clear();
        JetBlock outputs = evaluators.get(t).forward(theta, term.pointsShared(), first, count);
        return term.residual().evaluate(new BlockContext(tape, outputs, adjoint, term.pointsShared(),
                first, coordinateNames, new BlockContext.Parameters(theta, network.parameterCount(),
                extraParameters, grad, rowOffset, rowStride)));
    }
}
