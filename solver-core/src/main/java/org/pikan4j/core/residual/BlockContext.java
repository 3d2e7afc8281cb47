package org.pikan4j.core.residual;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.JetTape;

/**
 * What a {@link Residual} sees at one block of points: the output fields and the coordinates
 * as jets on one tape, the raw coordinates for source terms, and the coordinate names.
 */
public final class BlockContext {

    private final JetTape tape;
    private final JetBlock outputs;
    private final JetBlock outputAdjoint;
    private final double[][] points;
    private final int first;
    private final List<String> names;
    private final Jet[] fields;
    private final Parameters parameters;
    private final JetBlock partnerOutputs;
    private final JetBlock partnerAdjoint;
    private final Jet[] partnerFields;

    /** Where the extra (trainable PDE) parameters live and where their adjoints go. */
    record Parameters(double[] theta, int offset, int count, double[] grad, int rowOffset, int rowStride) {
    }

    BlockContext(JetTape tape, JetBlock outputs, JetBlock outputAdjoint, double[][] points, int first,
                 List<String> names, Parameters parameters, JetBlock partnerOutputs, JetBlock partnerAdjoint) {
        this.parameters = parameters;
        this.partnerOutputs = partnerOutputs;
        this.partnerAdjoint = partnerAdjoint;
        this.partnerFields = new Jet[outputs.width()];
        this.tape = tape;
        this.outputs = outputs;
        this.outputAdjoint = outputAdjoint;
        this.points = points;
        this.first = first;
        this.names = names;
        this.fields = new Jet[outputs.width()];
    }

    /** Output field k of the network (0 for a single-field problem). */
    public Jet field(int k) {
        if (k < 0 || k >= fields.length) {
            throw new IllegalArgumentException("field index must be in [0, " + fields.length + "), got " + k);
        }
        if (fields[k] == null) {
            fields[k] = tape.read(outputs, k, outputAdjoint);
        }
        return fields[k];
    }

    /**
     * Output field k at the partner points of a paired term (e.g. the opposite face of a periodic
     * direction).
     *
     * @throws IllegalStateException when the term is not paired
     */
    public Jet partner(int k) {
        if (partnerOutputs == null) {
            throw new IllegalStateException("partner(" + k + ") needs a paired term (ResidualTerm.paired)");
        }
        field(k);   // checks k
        if (partnerFields[k] == null) {
            partnerFields[k] = tape.read(partnerOutputs, k, partnerAdjoint);
        }
        return partnerFields[k];
    }

    /** Input coordinate i as a jet (value x_i, derivative 1 along x_i). */
    public Jet coordinate(int i) {
        return tape.coordinate(outputs.set(), points, first, i);
    }

    /** A source term: a function of the point's coordinates, constant for the derivatives. */
    public Jet source(ToDoubleFunction<double[]> f) {
        double[] values = new double[tape.points()];
        for (int n = 0; n < values.length; n++) {
            values[n] = f.applyAsDouble(points[first + n]);
        }
        return tape.constant(outputs.set(), values);
    }

    /**
     * Extra parameter k (a trainable PDE coefficient) as a jet constant in space; its gradient
     * is the sum of its adjoint over the block (or, for Jacobians, one row per point).
     */
    public Jet parameter(int k) {
        if (k < 0 || k >= parameters.count()) {
            throw new IllegalArgumentException("parameter index must be in [0, " + parameters.count()
                    + "), got " + k + " (declare extra parameters when building the loss)");
        }
        int p = parameters.offset() + k;
        double[] values = new double[tape.points()];
        java.util.Arrays.fill(values, parameters.theta()[p]);
        Jet jet = tape.constant(outputs.set(), values);
        if (parameters.grad() != null) {
            tape.record(() -> {
                for (int n = 0; n < values.length; n++) {
                    parameters.grad()[(parameters.rowOffset() + n) * parameters.rowStride() + p] += jet.adjoint(n, 0);
                }
            });
        }
        return jet;
    }

    /**
     * A per-point constant: {@code values[n]} at the block's point n, derivatives zero. For data
     * attached to each point of a term (outward normals, observed values), read with {@link #offset()}.
     */
    public Jet constant(double[] values) {
        return tape.constant(outputs.set(), values);
    }

    /**
     * The point set the block belongs to, as an identity: the same object for every block of a term's points, a
     * different one once the term's points are replaced (RAD), so results that depend on the coordinates only can
     * be kept per point set and {@link #offset()}.
     */
    public Object pointSet() {
        return points;
    }

    /** A jet of given values and derivatives that no adjoint flows back from (see {@link JetTape#fixed}). */
    public Jet fixed(DerivativeSet set, double[] values) {
        return tape.fixed(set, values);
    }

    /** Index of the block's first point among its term's points. */
    public int offset() {
        return first;
    }

    /** A derivative of a jet by coordinate names, e.g. {@code d(u, "xx")}. */
    public Jet d(Jet jet, String derivative) {
        return jet.d(derivative, names);
    }

    /** The coordinate names, e.g. [x, y]. */
    public List<String> names() {
        return names;
    }

    /** The derivative set the block carries. */
    public DerivativeSet derivatives() {
        return outputs.set();
    }

    /** Number of points in the block. */
    public int size() {
        return tape.points();
    }

    /** The coordinates of the block's point n. */
    public double[] point(int n) {
        return points[first + n];
    }
}
