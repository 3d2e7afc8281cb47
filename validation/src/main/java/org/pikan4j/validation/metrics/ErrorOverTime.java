package org.pikan4j.validation.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The errors of a space-time solution slice by slice in time, each slice compared over space on its own (relative
 * L2 against the slice's own norm, as {@link ErrorMetrics}): when the error is made and how later times inherit it,
 * which one number over the whole domain hides. Immutable.
 */
public final class ErrorOverTime {

    private final double[] times;
    private final List<ErrorMetrics> slices;

    private ErrorOverTime(double[] times, List<ErrorMetrics> slices) {
        this.times = times;
        this.slices = List.copyOf(slices);
    }

    /**
     * Compares tabulated values row by row: row i holds the values at time {@code t0 + i (t1 - t0) / (rows - 1)}
     * across space. Cells that are NaN in the reference (outside the domain) are left out of their row.
     *
     * @param t0                the first row's time
     * @param t1                the last row's time, {@code > t0}
     * @param approximationRows the approximation, {@code [row][cell]}, at least two rows
     * @param referenceRows     the reference, the same shape
     * @throws IllegalArgumentException when the shapes differ, there are fewer than two rows, a row has no cell
     *                                  inside the domain, or t0 < t1 does not hold
     */
    public static ErrorOverTime ofRows(double t0, double t1, double[][] approximationRows, double[][] referenceRows) {
        if (!(t0 < t1)) {
            throw new IllegalArgumentException("time range needs t0 < t1, got t0 = " + t0 + ", t1 = " + t1);
        }
        if (approximationRows.length != referenceRows.length || referenceRows.length < 2) {
            throw new IllegalArgumentException("approximation and reference need the same number of rows, at least 2,"
                    + " got " + approximationRows.length + " and " + referenceRows.length);
        }
        int rows = referenceRows.length;
        double[] times = new double[rows];
        List<ErrorMetrics> slices = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            times[i] = t0 + i * (t1 - t0) / (rows - 1);
            slices.add(compareInside(approximationRows[i], referenceRows[i], i));
        }
        return new ErrorOverTime(times, slices);
    }

    private static ErrorMetrics compareInside(double[] approximation, double[] reference, int row) {
        if (approximation.length != reference.length) {
            throw new IllegalArgumentException("row " + row + " has " + approximation.length
                    + " approximation values but " + reference.length + " reference values");
        }
        int[] inside = IntStream.range(0, reference.length).filter(n -> !Double.isNaN(reference[n])).toArray();
        if (inside.length == 0) {
            throw new IllegalArgumentException("row " + row + " has no value inside the domain");
        }
        return ErrorMetrics.compare(Arrays.stream(inside).mapToDouble(n -> approximation[n]).toArray(),
                Arrays.stream(inside).mapToDouble(n -> reference[n]).toArray());
    }

    /** @return the slices' times, increasing (a copy) */
    public double[] times() {
        return times.clone();
    }

    /** @return the errors of each slice, in time order */
    public List<ErrorMetrics> slices() {
        return slices;
    }

    /** @return each slice's relative L2 error, in time order */
    public double[] relativeL2() {
        return slices.stream().mapToDouble(ErrorMetrics::relativeL2).toArray();
    }

    /** @return each slice's largest absolute error, in time order */
    public double[] maxError() {
        return slices.stream().mapToDouble(ErrorMetrics::maxError).toArray();
    }

    /**
     * The slice nearest to a time (the earlier one on a tie).
     *
     * @param t a time
     * @return the errors there
     */
    public ErrorMetrics at(double t) {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) {
                best = i;
            }
        }
        return slices.get(best);
    }

    /**
     * Writes {@code t,relative_l2,max_error}, one line per slice.
     *
     * @param file the CSV file, replaced
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("t,relative_l2,max_error\n");
            for (int i = 0; i < times.length; i++) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s%n", times[i], slices.get(i).relativeL2(),
                        slices.get(i).maxError()));
            }
        }
    }
}
