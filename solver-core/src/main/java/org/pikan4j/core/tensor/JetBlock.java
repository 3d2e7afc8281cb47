package org.pikan4j.core.tensor;

import java.util.Arrays;

/**
 * Jets of a width-w quantity at a block of points, in host memory: for every unit, every
 * point, every derivative component. The layout is unit-major,
 * {@code data[(unit * points + point) * components + component]}: a column-major matrix whose
 * rows are (point, component) and whose columns are units, so a linear map acts on all
 * components with long, vectorizable loops over rows (one GEMM), and the jet of one unit at
 * one point is contiguous for the per-point chain rule.
 *
 * <p>A mutable buffer: engines reuse blocks between steps instead of allocating.
 */
public final class JetBlock {

    private final DerivativeSet set;
    private final int points;
    private final int width;
    private final double[] data;

    /** A zero block for the given points, set and width. */
    public JetBlock(DerivativeSet set, int points, int width) {
        if (points < 0) {
            throw new IllegalArgumentException("points must be >= 0, got " + points);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.set = set;
        this.points = points;
        this.width = width;
        this.data = new double[points * set.size() * width];
    }

    /**
     * The jets of the input coordinates themselves: value x_i, derivative 1 along x_i.
     *
     * @param coordinates points as rows, {@code coordinates[n].length == set.dimension()}
     */
    public static JetBlock ofInputs(DerivativeSet set, double[][] coordinates) {
        JetBlock block = new JetBlock(set, coordinates.length, set.dimension());
        block.setInputs(coordinates, 0, coordinates.length);
        return block;
    }

    /** Fills this block (width = dimension) with input jets of {@code count} points from {@code first}. */
    public void setInputs(double[][] coordinates, int first, int count) {
        int d = set.dimension();
        if (width != d || count > points) {
            throw new IllegalArgumentException("block of width " + width + " and " + points
                    + " points cannot hold " + count + " input points of dimension " + d);
        }
        Arrays.fill(data, 0.0);
        for (int i = 0; i < d; i++) {
            int unit = set.unitComponent(i);
            for (int n = 0; n < count; n++) {
                data[index(n, 0, i)] = coordinates[first + n][i];
                if (unit > 0) {
                    data[index(n, unit, i)] = 1.0;
                }
            }
        }
    }

    /** The derivative set of every jet in the block. */
    public DerivativeSet set() {
        return set;
    }

    /** Number of points. */
    public int points() {
        return points;
    }

    /** Number of units (scalar quantities) per point. */
    public int width() {
        return width;
    }

    /** Number of derivative components, the value included. */
    public int components() {
        return set.size();
    }

    /** The backing array, laid out as described in the class comment. */
    public double[] data() {
        return data;
    }

    /** Distance in {@link #data()} between the same (point, component) of neighbouring units. */
    public int unitStride() {
        return points * set.size();
    }

    /** Flat index of (point, component, unit). */
    public int index(int point, int component, int unit) {
        return (unit * points + point) * set.size() + component;
    }

    /** One entry. */
    public double get(int point, int component, int unit) {
        return data[index(point, component, unit)];
    }

    /** Sets one entry. */
    public void set(int point, int component, int unit, double value) {
        data[index(point, component, unit)] = value;
    }

    /**
     * Copies the jets of one unit at the first {@code count} points into component slabs,
     * {@code slabs[c][n]} = component c at point n: arrays indexed by the point alone, the form the JIT
     * vectorizes loops over.
     */
    public void toSlabs(int unit, int count, double[][] slabs) {
        int stride = set.size();
        for (int c = 0; c < stride; c++) {
            double[] slab = slabs[c];
            int at = index(0, c, unit);
            for (int n = 0; n < count; n++) {
                slab[n] = data[at + n * stride];
            }
        }
    }

    /** The inverse of {@link #toSlabs}: sets the jets of one unit at the first {@code count} points. */
    public void fromSlabs(int unit, int count, double[][] slabs) {
        int stride = set.size();
        for (int c = 0; c < stride; c++) {
            double[] slab = slabs[c];
            int at = index(0, c, unit);
            for (int n = 0; n < count; n++) {
                data[at + n * stride] = slab[n];
            }
        }
    }

    /** Sets every entry to zero. */
    public void clear() {
        Arrays.fill(data, 0.0);
    }
}
