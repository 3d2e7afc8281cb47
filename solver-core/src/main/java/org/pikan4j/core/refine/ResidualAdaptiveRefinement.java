package org.pikan4j.core.refine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** RAR: the current points plus the k pool points with the largest |residual|. Immutable. */
final class ResidualAdaptiveRefinement implements CollocationRefinement {

    private final int count;

    ResidualAdaptiveRefinement(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count (k, points to add) must be >= 0, got " + count);
        }
        this.count = count;
    }

    @Override
    public CollocationChange refine(double[][] current, double[][] pool, double[] poolResiduals) {
        CollocationRefinement.checkArguments(current, pool, poolResiduals);
        if (count > pool.length) {
            throw new IllegalArgumentException("count (k, points to add) must be <= the pool size " + pool.length
                    + ", got " + count);
        }
        int[] chosen = IntStream.range(0, pool.length).boxed()
                .sorted(Comparator.comparingDouble((Integer n) -> -Math.abs(poolResiduals[n]))
                        .thenComparingInt(n -> n))
                .limit(count).mapToInt(Integer::intValue).toArray();
        double[][] points = Arrays.copyOf(current, current.length + count);
        double smallest = Double.POSITIVE_INFINITY;
        for (int a = 0; a < count; a++) {
            points[current.length + a] = pool[chosen[a]];
            smallest = Math.min(smallest, Math.abs(poolResiduals[chosen[a]]));
        }
        String change = "added the " + count + " pool points (of " + pool.length + ") with the largest |r|"
                + (count > 0 ? String.format(" (|r| >= %.3g)", smallest) : "");
        return new CollocationChange(points, chosen,
                new RefinementRecord("RAR", List.of(change), current.length, points.length, "points", Double.NaN));
    }

    @Override
    public String toString() {
        return "RAR[k=" + count + "]";
    }
}
