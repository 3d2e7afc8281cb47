package org.pikan4j.core.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records jet operations on a block of points so that one reverse sweep gives the adjoint of
 * every input jet. Residual expressions (u_xx + u_yy + f, u·u_x, sin(u), hard-constraint
 * transforms) are written with {@link Jet} and run on this tape, in host memory, after the
 * network's forward pass. Not thread-safe; one tape per block and thread.
 */
public final class JetTape {

    private int points;
    private final List<Runnable> backwardSteps = new ArrayList<>();
    // spare arrays by length: a handful of lengths per tape, so a list beats a boxed-key map
    private final List<ArrayDeque<double[]>> spare = new ArrayList<>();
    private final List<double[]> lent = new ArrayList<>();

    /** A tape for {@code points} points. */
    public JetTape(int points) {
        reset(points);
    }

    /**
     * Forgets the recorded steps and takes back the arrays of every jet on the tape, so the next
     * block reuses them instead of allocating (jets of earlier blocks become invalid).
     */
    public void reset(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
        this.points = points;
        backwardSteps.clear();
        for (double[] array : lent) {
            ArrayDeque<double[]> pool = poolOf(array.length);
            if (pool == null) {
                pool = new ArrayDeque<>();
                spare.add(pool);
            }
            pool.push(array);
        }
        lent.clear();
    }

    /**
     * A pool for arrays of this length: one holding such arrays, else an empty one (pools only
     * ever hold arrays of one length at a time), else null.
     */
    private ArrayDeque<double[]> poolOf(int length) {
        for (ArrayDeque<double[]> pool : spare) {
            if (!pool.isEmpty() && pool.peek().length == length) {
                return pool;
            }
        }
        for (ArrayDeque<double[]> pool : spare) {
            if (pool.isEmpty()) {
                return pool;
            }
        }
        return null;
    }

    /** A zeroed array of the given length, lent until the next {@link #reset}. */
    double[] zeros(int length) {
        ArrayDeque<double[]> pool = poolOf(length);
        double[] array = pool == null || pool.isEmpty() || pool.peek().length != length ? new double[length]
                : pool.pop();
        Arrays.fill(array, 0.0);
        lent.add(array);
        return array;
    }

    /** Number of points every jet on this tape holds. */
    public int points() {
        return points;
    }

    /**
     * A jet read from unit {@code unit} of a block (e.g. one output field of the network); its
     * adjoint is added to the same place of {@code adjoint} by {@link #backward}.
     */
    public Jet read(JetBlock block, int unit, JetBlock adjoint) {
        Jet jet = new Jet(this, block.set());
        // a unit's slab of a block is laid out [point][component], as a jet is: one copy
        int length = points * block.components();
        int from = block.index(0, 0, unit);
        System.arraycopy(block.data(), from, jet.values, 0, length);
        if (adjoint != null) {
            record(() -> {
                double[] target = adjoint.data();
                int to = adjoint.index(0, 0, unit);
                for (int p = 0; p < length; p++) {
                    target[to + p] += jet.adjoint[p];
                }
            });
        }
        return jet;
    }

    /** A jet with given values and all derivatives zero (a constant in every coordinate). */
    public Jet constant(DerivativeSet set, double[] values) {
        if (values.length < points) {
            throw new IllegalArgumentException("values must hold " + points + " entries, got " + values.length);
        }
        Jet jet = new Jet(this, set);
        for (int n = 0; n < points; n++) {
            jet.values[n * set.size()] = values[n];
        }
        return jet;
    }

    /**
     * A jet with given values and derivatives, laid out [point][component] as {@link Jet#copyOfValues()} gives them,
     * that no adjoint flows back from: a quantity that does not depend on the parameters, computed once and kept.
     */
    public Jet fixed(DerivativeSet set, double[] values) {
        int length = points * set.size();
        if (values.length != length) {
            throw new IllegalArgumentException("values must hold " + points + " points x " + set.size()
                    + " components = " + length + " entries, got " + values.length);
        }
        Jet jet = new Jet(this, set);
        System.arraycopy(values, 0, jet.values, 0, length);
        return jet;
    }

    /** The jet of input coordinate i: value x_i, derivative 1 along x_i. */
    public Jet coordinate(DerivativeSet set, double[][] coordinates, int first, int i) {
        Jet jet = new Jet(this, set);
        int unitComponent = set.unitComponent(i);
        for (int n = 0; n < points; n++) {
            jet.values[n * set.size()] = coordinates[first + n][i];
            if (unitComponent > 0) {
                jet.values[n * set.size() + unitComponent] = 1.0;
            }
        }
        return jet;
    }

    /** Adds a step to the reverse sweep (for jets whose adjoints leave the tape, e.g. parameters). */
    public void record(Runnable backwardStep) {
        backwardSteps.add(backwardStep);
    }

    /** Runs the recorded steps in reverse; seed the adjoint of the result jet(s) first. */
    public void backward() {
        for (int s = backwardSteps.size() - 1; s >= 0; s--) {
            backwardSteps.get(s).run();
        }
    }
}
