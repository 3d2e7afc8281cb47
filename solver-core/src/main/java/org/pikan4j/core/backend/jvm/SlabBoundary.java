package org.pikan4j.core.backend.jvm;

/**
 * The jets at one layer boundary as component slabs: one array per unit and component over a block's points,
 * {@code values[unit][component][point]}, the adjoints alike. Two dense kernels that meet at a boundary share
 * one, so the upstream kernel's output is the downstream kernel's input (and the downstream kernel's input
 * adjoint the upstream kernel's output adjoint) without a copy to and from the block layout.
 */
final class SlabBoundary {

    final double[][][] values;
    final double[][][] adjoints;

    SlabBoundary(int width, int components, int capacity) {
        this.values = new double[width][components][capacity];
        this.adjoints = new double[width][components][capacity];
    }

    /** The same slab arrays indexed [component][unit]: the columns of one component's matrix product. */
    static double[][][] byComponent(double[][][] slabs) {
        double[][][] columns = new double[slabs[0].length][slabs.length][];
        for (int j = 0; j < slabs.length; j++) {
            for (int c = 0; c < columns.length; c++) {
                columns[c][j] = slabs[j][c];
            }
        }
        return columns;
    }
}
