package org.pikan4j.core.train;

import java.util.List;

/**
 * Names the term to blame for a divergence and its likely cause, from what the run saw: the term values at the
 * bad evaluation and at the best one, and the size of the parameters there.
 */
final class DivergenceDiagnosis {

    /** Parameters this many times larger than the best ones count as overflowing steps. */
    private static final double GROWTH = 1e3;

    private DivergenceDiagnosis() {
    }

    /** The first non-finite term, else the one whose value rose most above its value at the best state. */
    static int culprit(double[] terms, double[] bestTerms) {
        for (int t = 0; t < terms.length; t++) {
            if (!Double.isFinite(terms[t])) {
                return t;
            }
        }
        int worst = 0;
        double rise = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < terms.length; t++) {
            double r = terms[t] - (Double.isFinite(bestTerms[t]) ? bestTerms[t] : 0);
            if (r > rise) {
                rise = r;
                worst = t;
            }
        }
        return worst;
    }

    /**
     * One sentence on the probable cause.
     *
     * @param kind      how the loss diverged
     * @param term      the culprit's name
     * @param hadFinite whether any finite loss was seen in the run
     * @param badTheta  the parameters of the bad evaluation
     * @param bestTheta the parameters of the best evaluation
     * @param stepSizes the step sizes tried, oldest first
     */
    static String likelyCause(Divergence.Kind kind, String term, boolean hadFinite, double[] badTheta,
                              double[] bestTheta, List<String> stepSizes) {
        if (!hadFinite) {
            return "the loss is not finite at the starting parameters: the residual of term '" + term + "' is"
                    + " undefined there (a log or sqrt of a negative value, a division by zero, an overflowing exp, or"
                    + " NaN in a source or data value); smaller steps cannot help";
        }
        String steps = stepSizes.isEmpty() ? "" : " (" + String.join(", then ", stepSizes) + ")";
        double bad = maxAbs(badTheta);
        if (kind == Divergence.Kind.BLOW_UP || !Double.isFinite(bad) || bad > GROWTH * Math.max(maxAbs(bestTheta), 1)) {
            return "steps too large for this problem" + steps + ": the parameters " + (Double.isFinite(bad)
                    ? "jumped to where term '" + term + "' is huge" : "overflowed") + "; lower the learning rate";
        }
        return "the residual of term '" + term + "' is undefined at parameters of ordinary size (largest |theta| "
                + Trainer.format(bad) + "): likely an operation outside its domain in that term (log or sqrt of a"
                + " negative value, division by zero, a negative base to a fractional power)" + (stepSizes.size() > 1
                ? "; smaller steps" + steps + " only delayed it" : "");
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
