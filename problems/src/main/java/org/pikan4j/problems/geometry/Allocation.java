package org.pikan4j.problems.geometry;

/** Splits a count over parts in proportion to weights (largest-remainder method). */
final class Allocation {

    private Allocation() {
    }

    /**
     * @param total   the count to split
     * @param weights non-negative weights, at least one positive
     * @return counts summing to total, count[i] ~ total * weight[i] / sum(weights)
     */
    static int[] proportional(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (; assigned < total; assigned++) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }
}
