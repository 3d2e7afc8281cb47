package org.pikan4j.core.nn;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.pikan4j.core.util.Arguments;

/**
 * A parameter-free input layer that makes a network exactly periodic in chosen coordinates: input
 * {@code x_i} with period {@code L_i} becomes the two outputs {@code cos(2πx_i/L_i), sin(2πx_i/L_i)},
 * every other input passes through unchanged, in input order. Whatever follows sees only these
 * outputs, so the network and all its derivatives take equal values at {@code x_i} and
 * {@code x_i + L_i}; no periodic penalty is needed. Immutable.
 */
public final class PeriodicEmbedding implements Layer {

    private final double[] periods;   // per input, 0 for a coordinate passed through

    private PeriodicEmbedding(double[] periods) {
        this.periods = periods;
    }

    /**
     * An embedding of {@code inputs} coordinates with no periodic coordinate yet: add them with
     * {@link #withPeriod(int, double)}.
     *
     * @param inputs number of input coordinates, at least 1
     */
    public static PeriodicEmbedding of(int inputs) {
        Arguments.atLeast("inputs", inputs, 1);
        return new PeriodicEmbedding(new double[inputs]);
    }

    /**
     * The same embedding with input {@code axis} periodic with period {@code period} (the length of
     * the domain along it, e.g. 2 for [-1, 1]).
     *
     * @throws IllegalArgumentException for an axis outside the inputs, one already periodic, or a
     *                                  period that is not finite and positive
     */
    public PeriodicEmbedding withPeriod(int axis, double period) {
        if (axis < 0 || axis >= periods.length) {
            throw new IllegalArgumentException("periodic axis must be in [0, " + (periods.length - 1)
                    + "] (the embedding's inputs), got " + axis);
        }
        if (!(period > 0.0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("period of input " + axis + " must be finite and > 0, got " + period);
        }
        if (periods[axis] != 0.0) {
            throw new IllegalArgumentException("input " + axis + " is already periodic (period " + periods[axis] + ")");
        }
        double[] copy = periods.clone();
        copy[axis] = period;
        return new PeriodicEmbedding(copy);
    }

    /** True when input {@code axis} is embedded on the circle. */
    public boolean isPeriodic(int axis) {
        return period(axis) > 0.0;
    }

    /** The period of input {@code axis}, 0 when it passes through. */
    public double period(int axis) {
        if (axis < 0 || axis >= periods.length) {
            throw new IllegalArgumentException("axis must be in [0, " + (periods.length - 1) + "], got " + axis);
        }
        return periods[axis];
    }

    /** The first output of input {@code axis}: its cosine for a periodic input, the input itself otherwise. */
    public int firstOutput(int axis) {
        int out = 0;
        for (int i = 0; i < axis; i++) {
            out += periods[i] > 0.0 ? 2 : 1;
        }
        return out;
    }

    /**
     * The ranges of the outputs over a box of inputs: [-1, 1] for the cosine and sine of a periodic input, the
     * input's own range for one passed through; e.g. for the first layer's grids behind the embedding.
     *
     * @param lower the box's lower corner, one entry per input
     * @param upper its upper corner
     * @return {lower, upper} of the outputs, {@link #outputWidth()} entries each
     * @throws IllegalArgumentException when a corner is null or not of the input width
     */
    public double[][] outputRanges(double[] lower, double[] upper) {
        if (lower == null || upper == null || lower.length != periods.length || upper.length != periods.length) {
            throw new IllegalArgumentException("outputRanges needs one lower and one upper bound per input ("
                    + periods.length + "), got " + (lower == null ? null : lower.length) + " and "
                    + (upper == null ? null : upper.length));
        }
        double[][] ranges = new double[2][outputWidth()];
        for (int i = 0; i < periods.length; i++) {
            int out = firstOutput(i);
            if (periods[i] > 0.0) {
                ranges[0][out] = -1;
                ranges[1][out] = 1;
                ranges[0][out + 1] = -1;
                ranges[1][out + 1] = 1;
            } else {
                ranges[0][out] = lower[i];
                ranges[1][out] = upper[i];
            }
        }
        return ranges;
    }

    @Override
    public int inputWidth() {
        return periods.length;
    }

    @Override
    public int outputWidth() {
        return firstOutput(periods.length);
    }

    @Override
    public void declareParameters(String prefix, ParameterLayout.Builder layout) {
        // parameter-free
    }

    @Override
    public void initialize(String prefix, ParameterLayout layout, double[] theta, UniformRandomProvider random) {
        // parameter-free
    }

    /** E.g. {@code "periodic 2->3 (x0 period 2.0)"}. */
    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("periodic " + inputWidth() + "->" + outputWidth() + " (");
        String sep = "";
        for (int i = 0; i < periods.length; i++) {
            if (periods[i] > 0.0) {
                s.append(sep).append('x').append(i).append(" period ").append(periods[i]);
                sep = ", ";
            }
        }
        return s.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodicEmbedding e && Arrays.equals(periods, e.periods);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(periods);
    }

    @Override
    public String toString() {
        return describe();
    }
}
