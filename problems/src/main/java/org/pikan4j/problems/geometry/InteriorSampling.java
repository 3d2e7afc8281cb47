package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/** Rejection sampling of interior points from a domain's bounding box. */
final class InteriorSampling {

    /** The fewest candidates tried before a domain is declared (nearly) empty. */
    static final int MIN_CANDIDATE_CAP = 1 << 21;

    private InteriorSampling() {
    }

    static double[][] sample(AbstractDomain domain, int n, PointSampler sampler) {
        Checks.count(n);
        Arguments.notNull("sampler", sampler);
        double[] lo = domain.lowerBounds();
        double[] hi = domain.upperBounds();
        for (int j = 0; j < lo.length; j++) {
            if (!(lo[j] < hi[j])) {
                throw new IllegalArgumentException("domain appears empty: its bounding box is empty in "
                        + domain.coordinateNames().get(j) + " (" + lo[j] + " to " + hi[j] + ")");
            }
        }
        long cap = candidateCap(n);
        long m = n;
        while (true) {
            List<double[]> inside = new ArrayList<>();
            for (double[] u : sampler.sample((int) m, lo.length)) {
                double[] p = new double[lo.length];
                for (int j = 0; j < p.length; j++) {
                    p[j] = lo[j] + u[j] * (hi[j] - lo[j]);
                }
                if (domain.distance(p) < 0) {
                    inside.add(p);
                }
            }
            if (inside.size() >= n) {
                List<double[]> chosen = sampler.isExactCount() ? inside.subList(0, n) : inside;
                return chosen.toArray(new double[0][]);
            }
            if (m >= cap) {
                throw emptyDomain(inside.size(), m, n, lo, hi);
            }
            m = Math.min(cap, inside.isEmpty() ? m * 16 : (long) Math.ceil(1.1 * m * n / inside.size()) + 16);
        }
    }

    static long candidateCap(int n) {
        return Math.min(1L << 28, Math.max(MIN_CANDIDATE_CAP, 64L * n));
    }

    private static IllegalArgumentException emptyDomain(int found, long tries, int n, double[] lo, double[] hi) {
        String box = " in the bounding box " + Arrays.toString(lo) + " to " + Arrays.toString(hi);
        if (found == 0) {
            return new IllegalArgumentException("domain appears empty: no interior point found after "
                    + tries + " tries" + box);
        }
        return new IllegalArgumentException("domain appears nearly empty: only " + found + " of " + tries
                + " candidate points" + box + " lie inside, fewer than the n = " + n + " requested");
    }
}
