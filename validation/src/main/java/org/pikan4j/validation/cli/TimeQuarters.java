package org.pikan4j.validation.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import org.pikan4j.validation.metrics.ErrorOverTime;

/**
 * The times at which the commands summarize an {@link ErrorOverTime} in one line: a quarter, half, three quarters
 * and the end of the interval, written short ("0.25", "1").
 */
final class TimeQuarters {

    private TimeQuarters() {
    }

    /** @return t0 + k (t1 - t0) / 4 for k = 1..4 */
    static double[] of(ErrorOverTime errors) {
        double[] t = errors.times();
        double[] quarters = new double[4];
        for (int k = 1; k <= 4; k++) {
            quarters[k - 1] = t[0] + k * (t[t.length - 1] - t[0]) / 4;
        }
        return quarters;
    }

    /** @return the time to three significant digits without trailing zeros */
    static String label(double time) {
        return BigDecimal.valueOf(time).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
