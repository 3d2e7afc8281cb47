package org.pikan4j.core.refine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * RAD: N distinct pool points drawn with probability proportional to {@code |r|^k / mean(|r|^k) + c}, by
 * weighted sampling without replacement (Efraimidis-Spirakis keys {@code log(u)/w}, the N largest win) from a
 * seeded XO_RO_SHI_RO_128_PP stream. When every weight is 0 (all residuals 0 and c = 0) the draw is uniform.
 * The new points are in pool order. Immutable.
 */
final class ResidualAdaptiveDistribution implements CollocationRefinement {

    private final int count;
    private final double exponent;
    private final double offset;
    private final long seed;

    ResidualAdaptiveDistribution(int count, double exponent, double offset, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count (N, points to draw) must be >= 1, got " + count);
        }
        if (!(exponent >= 0.0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("exponent (k) must be finite and >= 0, got " + exponent);
        }
        if (!(offset >= 0.0) || Double.isInfinite(offset)) {
            throw new IllegalArgumentException("offset (c) must be finite and >= 0, got " + offset);
        }
        this.count = count;
        this.exponent = exponent;
        this.offset = offset;
        this.seed = seed;
    }

    @Override
    public CollocationChange refine(double[][] current, double[][] pool, double[] poolResiduals) {
        CollocationRefinement.checkArguments(current, pool, poolResiduals);
        if (count > pool.length) {
            throw new IllegalArgumentException("count (N, points to draw) must be <= the pool size " + pool.length
                    + " (draws are without replacement), got " + count);
        }
        double[] weights = weights(poolResiduals);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] keys = new double[pool.length];
        for (int n = 0; n < pool.length; n++) {
            double u = 1.0 - random.nextDouble();   // in (0, 1]
            keys[n] = weights[n] > 0 ? Math.log(u) / weights[n] : Double.NEGATIVE_INFINITY;
        }
        int[] chosen = IntStream.range(0, pool.length).boxed()
                .sorted(Comparator.comparingDouble((Integer n) -> -keys[n]).thenComparingInt(n -> n))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
        double[][] points = new double[count][];
        for (int a = 0; a < count; a++) {
            points[a] = pool[chosen[a]];
        }
        String change = String.format("resampled %d of %d pool points with density |r|^%s/mean + %s (seed %d)",
                count, pool.length, exponent, offset, seed);
        return new CollocationChange(points, chosen,
                new RefinementRecord("RAD", List.of(change), current.length, count, "points", Double.NaN));
    }

    private double[] weights(double[] residuals) {
        double[] w = new double[residuals.length];
        double mean = 0.0;
        for (int n = 0; n < w.length; n++) {
            w[n] = Math.pow(Math.abs(residuals[n]), exponent);
            mean += w[n] / w.length;
        }
        for (int n = 0; n < w.length; n++) {
            w[n] = (mean > 0 ? w[n] / mean : 0.0) + offset;
        }
        if (Arrays.stream(w).allMatch(v -> v == 0.0)) {
            Arrays.fill(w, 1.0);
        }
        return w;
    }

    @Override
    public String toString() {
        return "RAD[N=" + count + ", k=" + exponent + ", c=" + offset + ", seed=" + seed + "]";
    }
}
