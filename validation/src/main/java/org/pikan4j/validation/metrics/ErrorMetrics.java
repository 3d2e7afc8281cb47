package org.pikan4j.validation.metrics;

/**
 * Errors of an approximation against a reference on the same points: relative L2
 * {@code ||u - u*||₂ / ||u*||₂} and the maximum absolute error. Immutable.
 */
public record ErrorMetrics(double relativeL2, double maxError, int points) {

    /**
     * Compares two value arrays of the same length.
     *
     * @throws IllegalArgumentException when lengths differ, are zero, or values are not finite
     */
    public static ErrorMetrics compare(double[] approximation, double[] reference) {
        if (approximation.length != reference.length || reference.length == 0) {
            throw new IllegalArgumentException("approximation and reference must have the same non-zero length, got "
                    + approximation.length + " and " + reference.length);
        }
        double diff = 0.0;
        double norm = 0.0;
        double max = 0.0;
        for (int n = 0; n < reference.length; n++) {
            if (!Double.isFinite(reference[n])) {
                throw new IllegalArgumentException("reference[" + n + "] must be finite, got " + reference[n]);
            }
            double e = approximation[n] - reference[n];
            diff += e * e;
            norm += reference[n] * reference[n];
            max = Math.max(max, Math.abs(e));
        }
        double relative = norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
        return new ErrorMetrics(Double.isNaN(max) ? Double.NaN : relative, max, reference.length);
    }

    @Override
    public String toString() {
        return String.format("relative L2 %.3e, max error %.3e on %d points", relativeL2, maxError, points);
    }
}
