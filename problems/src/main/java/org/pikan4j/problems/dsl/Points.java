package org.pikan4j.problems.dsl;

import org.pikan4j.core.residual.BlockContext;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.JetTape;

/**
 * The block of points an expression is evaluated on, as jets: the network's block during training,
 * or a bare tape for the build-time dry run and for closed-form trial solutions.
 */
interface Points {

    /** Number of points in the block. */
    int size();

    /** Index of the block's first point among the term's points. */
    int offset();

    /** Coordinates of the block's point n (do not modify). */
    double[] point(int n);

    /** Raw output k of the network (before any output transform). */
    Jet output(int k);

    /** Coordinate i as a jet. */
    Jet coordinate(int i);

    /** A per-point constant, {@code values[n]} at point n. */
    Jet constant(double[] values);

    /** Trainable coefficient k. */
    Jet coefficient(int k);

    /** The derivative set of the block's jets. */
    DerivativeSet derivatives();

    /** The identity of the point set the block belongs to (see {@link BlockContext#pointSet()}), or null. */
    Object pointSet();

    /** A jet of given values and derivatives that no adjoint flows back from (see {@link JetTape#fixed}). */
    Jet fixed(DerivativeSet set, double[] values);

    /** The network's block during training: everything comes from the engine's context. */
    static Points of(BlockContext block) {
        return new Points() {
            @Override
            public int size() {
                return block.size();
            }

            @Override
            public int offset() {
                return block.offset();
            }

            @Override
            public double[] point(int n) {
                return block.point(n);
            }

            @Override
            public Jet output(int k) {
                return block.field(k);
            }

            @Override
            public Jet coordinate(int i) {
                return block.coordinate(i);
            }

            @Override
            public Jet constant(double[] values) {
                return block.constant(values);
            }

            @Override
            public Jet coefficient(int k) {
                return block.parameter(k);
            }

            @Override
            public DerivativeSet derivatives() {
                return block.derivatives();
            }

            @Override
            public Object pointSet() {
                return block.pointSet();
            }

            @Override
            public Jet fixed(DerivativeSet set, double[] values) {
                return block.fixed(set, values);
            }
        };
    }

    /**
     * All points as one block on a bare tape; network outputs are constants equal to
     * {@code outputValue} (they are only read by the dry run) and coefficients are fixed values.
     */
    static Points onTape(double[][] points, DerivativeSet set, double outputValue, double[] coefficients) {
        JetTape tape = new JetTape(points.length);
        return new Points() {
            @Override
            public int size() {
                return points.length;
            }

            @Override
            public int offset() {
                return 0;
            }

            @Override
            public double[] point(int n) {
                return points[n];
            }

            @Override
            public Jet output(int k) {
                double[] values = new double[points.length];
                java.util.Arrays.fill(values, outputValue);
                return tape.constant(set, values);
            }

            @Override
            public Jet coordinate(int i) {
                return tape.coordinate(set, points, 0, i);
            }

            @Override
            public Jet constant(double[] values) {
                return tape.constant(set, values);
            }

            @Override
            public Jet coefficient(int k) {
                return constant(filled(points.length, coefficients[k]));
            }

            @Override
            public DerivativeSet derivatives() {
                return set;
            }

            @Override
            public Object pointSet() {
                return null;   // one evaluation each: nothing to keep
            }

            @Override
            public Jet fixed(DerivativeSet jetSet, double[] values) {
                return tape.fixed(jetSet, values);
            }
        };
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
