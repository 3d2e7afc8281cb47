package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.optim.LeastSquaresObjective;
import org.pikan4j.core.optim.LevenbergMarquardt;

/**
 * A KAN with a formula on every edge, composed: each node is a constant plus terms {@code k·f(a·u + b)}
 * (or {@code k·u}) of the previous layer's nodes. Written as text, a Java expression or LaTeX, evaluated
 * with its exact parameter gradient, and fine-tuned: the free parameters (per node the constant, per term
 * k, a and b) are fitted to target values by Levenberg-Marquardt, which recovers the digits that the
 * per-edge grid search and the spline it imitated left out. Immutable.
 */
public final class SymbolicModel {

    /** Iteration budget of {@link #fineTune(double[][], double[][])}. */
    public static final int DEFAULT_FINE_TUNE_STEPS = 200;

    private final int inputs;
    private final List<NodeSum[]> layers;

    SymbolicModel(int inputs, List<NodeSum[]> layers) {
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
    }

    /** Number of inputs. */
    public int inputDimension() {
        return inputs;
    }

    /** Number of outputs. */
    public int outputDimension() {
        return layers.get(layers.size() - 1).length;
    }

    /** Number of free parameters. */
    public int parameterCount() {
        int count = 0;
        for (NodeSum[] layer : layers) {
            for (NodeSum node : layer) {
                count += node.parameterCount();
            }
        }
        return count;
    }

    /** The free parameters, layer by layer and node by node. */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        int offset = 0;
        for (NodeSum[] layer : layers) {
            for (NodeSum node : layer) {
                offset = node.parameters(p, offset);
            }
        }
        return p;
    }

    /**
     * The same model with other free parameters.
     *
     * @throws IllegalArgumentException if p has the wrong length
     */
    public SymbolicModel withParameters(double[] p) {
        if (p.length != parameterCount()) {
            throw new IllegalArgumentException("parameters must have length " + parameterCount() + ", got "
                    + p.length);
        }
        List<NodeSum[]> next = new ArrayList<>();
        int offset = 0;
        for (NodeSum[] layer : layers) {
            NodeSum[] nodes = new NodeSum[layer.length];
            for (int j = 0; j < layer.length; j++) {
                nodes[j] = layer[j].withParameters(p, offset);
                offset += layer[j].parameterCount();
            }
            next.add(nodes);
        }
        return new SymbolicModel(inputs, next);
    }

    /**
     * The outputs at one point.
     *
     * @throws IllegalArgumentException if the point does not have {@link #inputDimension()} finite coordinates
     */
    public double[] evaluate(double[] point) {
        checkPoint(point);
        return forward(point)[layers.size()];
    }

    /** The values of every level (inputs first, outputs last). */
    private double[][] forward(double[] point) {
        double[][] u = new double[layers.size() + 1][];
        u[0] = point.clone();
        for (int l = 0; l < layers.size(); l++) {
            NodeSum[] layer = layers.get(l);
            u[l + 1] = new double[layer.length];
            for (int j = 0; j < layer.length; j++) {
                u[l + 1][j] = layer[j].evaluate(u[l]);
            }
        }
        return u;
    }

    /**
     * The model composed over another number type: node by node, a constant plus {@code k·f(a·u + b)} or
     * {@code k·u} terms.
     *
     * @param inputs  one value per input
     * @param algebra the operations
     * @return one value per output
     * @throws IllegalArgumentException if the number of inputs is wrong, or the algebra refuses a function
     */
    public <T> List<T> compose(List<T> inputs, SymbolicAlgebra<T> algebra) {
        if (inputs.size() != this.inputs) {
            throw new IllegalArgumentException("inputs must hold " + this.inputs + " values, got " + inputs.size());
        }
        List<T> u = inputs;
        for (NodeSum[] layer : layers) {
            List<T> next = new ArrayList<>();
            for (NodeSum node : layer) {
                T sum = algebra.constant(node.constant());
                for (NodeSum.Term t : node.terms()) {
                    T x = u.get(t.input());
                    T term = t.function() == null ? x
                            : algebra.apply(t.function(), algebra.plus(algebra.times(x, t.a()), algebra.constant(t.b())));
                    sum = algebra.plus(sum, algebra.times(term, t.coef()));
                }
                next.add(sum);
            }
            u = next;
        }
        return u;
    }

    /**
     * Output k at one point, with its gradient with respect to the free parameters written into
     * {@code gradient} (overwritten).
     */
    public double valueAndGradient(double[] point, int output, double[] gradient) {
        checkPoint(point);
        if (output < 0 || output >= outputDimension()) {
            throw new IllegalArgumentException("output must be in [0, " + outputDimension() + "), got " + output);
        }
        if (gradient.length != parameterCount()) {
            throw new IllegalArgumentException("gradient must have length " + parameterCount() + ", got "
                    + gradient.length);
        }
        Arrays.fill(gradient, 0.0);
        double[][] u = forward(point);
        int[] offsets = offsets();
        double[] adjoint = new double[outputDimension()];
        adjoint[output] = 1.0;
        for (int l = layers.size() - 1; l >= 0; l--) {
            NodeSum[] layer = layers.get(l);
            double[] below = new double[u[l].length];
            int offset = offsets[l];
            for (int j = 0; j < layer.length; j++) {
                if (adjoint[j] != 0.0) {
                    layer[j].backward(u[l], adjoint[j], below, gradient, offset);
                }
                offset += layer[j].parameterCount();
            }
            adjoint = below;
        }
        return u[layers.size()][output];
    }

    /** The offset of each layer's first parameter. */
    private int[] offsets() {
        int[] offsets = new int[layers.size()];
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            offsets[l] = offset;
            for (NodeSum node : layers.get(l)) {
                offset += node.parameterCount();
            }
        }
        return offsets;
    }

    /**
     * Fine-tunes the free parameters to targets by least squares ({@link #DEFAULT_FINE_TUNE_STEPS}
     * Levenberg-Marquardt iterations).
     *
     * @param points  at least one point
     * @param targets one row of {@link #outputDimension()} values per point: data, or the trained network's outputs
     * @return the fitted model
     */
    public SymbolicModel fineTune(double[][] points, double[][] targets) {
        return fineTune(points, targets, LevenbergMarquardt.steps(DEFAULT_FINE_TUNE_STEPS));
    }

    /**
     * As {@link #fineTune(double[][], double[][])} with a given optimizer configuration.
     *
     * @throws IllegalArgumentException for no points, mismatched targets, or non-finite values
     */
    public SymbolicModel fineTune(double[][] points, double[][] targets, LevenbergMarquardt optimizer) {
        if (points.length == 0 || points.length != targets.length) {
            throw new IllegalArgumentException("fineTune needs one target row per point and at least one point, got "
                    + points.length + " points and " + targets.length + " target rows");
        }
        for (int n = 0; n < points.length; n++) {
            checkPoint(points[n]);
            if (targets[n].length != outputDimension()) {
                throw new IllegalArgumentException("targets[" + n + "] must have " + outputDimension()
                        + " values (one per output), got " + targets[n].length);
            }
            for (double t : targets[n]) {
                if (!Double.isFinite(t)) {
                    throw new IllegalArgumentException("targets[" + n + "] must be finite, got "
                            + Arrays.toString(targets[n]));
                }
            }
        }
        double[] p = parameters();
        optimizer.minimize(new Misfit(points, targets), p);
        return withParameters(p);
    }

    /** The residuals model(x_n)_k - target_nk with their exact Jacobian. */
    private final class Misfit implements LeastSquaresObjective {
        private final double[][] points;
        private final double[][] targets;

        Misfit(double[][] points, double[][] targets) {
            this.points = points;
            this.targets = targets;
        }

        @Override
        public int residualCount() {
            return points.length * outputDimension();
        }

        @Override
        public int parameterCount() {
            return SymbolicModel.this.parameterCount();
        }

        @Override
        public void evaluate(double[] theta, double[] residuals, double[][] jacobian) {
            SymbolicModel trial = withParameters(theta);
            int outputs = outputDimension();
            for (int n = 0; n < points.length; n++) {
                for (int k = 0; k < outputs; k++) {
                    int row = n * outputs + k;
                    residuals[row] = trial.valueAndGradient(points[n], k, jacobian[row]) - targets[n][k];
                }
            }
        }
    }

    /** The model as plain text, e.g. {@code 2.0*sin(3.141593*x) + 0.5}, one line per output. */
    public String formula() {
        return render(Notation.TEXT);
    }

    /** The model as Java expressions ({@code Math.sin} ...), one line per output. */
    public String javaFormula() {
        return render(Notation.JAVA);
    }

    /** The model in LaTeX, e.g. {@code 2.0 \sin\left(3.141593 x\right) + 0.5}, one line per output. */
    public String latexFormula() {
        return render(Notation.LATEX);
    }

    private String render(Notation notation) {
        return new FormulaWriter(inputs, layers, notation).write();
    }

    private void checkPoint(double[] point) {
        if (point.length != inputs) {
            throw new IllegalArgumentException("point must have " + inputs + " coordinates, got " + point.length);
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new IllegalArgumentException("point[" + i + "] must be finite, got " + point[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "SymbolicModel[" + inputs + " inputs, " + parameterCount() + " parameters: " + formula().replace("\n", "; ")
                + "]";
    }
}
