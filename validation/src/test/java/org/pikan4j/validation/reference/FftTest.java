package org.pikan4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void forwardMatchesDirectSumAndInverseRestores() {
        int n = 64;
        Random random = new Random(7);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = random.nextGaussian();
            im[j] = random.nextGaussian();
        }
        double[] r = re.clone();
        double[] i = im.clone();
        Fft fft = new Fft(n);
        fft.forward(r, i);
        for (int m = 0; m < n; m++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * j * m / n;
                sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
            assertEquals(sr, r[m], 1e-12);
            assertEquals(si, i[m], 1e-12);
        }
        fft.inverse(r, i);
        for (int j = 0; j < n; j++) {
            assertEquals(re[j], r[j], 1e-14);
            assertEquals(im[j], i[j], 1e-14);
        }
    }

    @Test
    void spectralResamplingIsExactForTrigonometricPolynomials() {
        int n = 32;
        double[] u = new double[n];
        for (int j = 0; j < n; j++) {
            double x = -1 + 2.0 * j / n;
            u[j] = 0.3 + Math.cos(3 * Math.PI * x) - 0.5 * Math.sin(7 * Math.PI * x);
        }
        double[] out = AllenCahnSolver.resample(u, 41);
        for (int i = 0; i < 41; i++) {
            double x = -1 + 2.0 * i / 40;
            assertEquals(0.3 + Math.cos(3 * Math.PI * x) - 0.5 * Math.sin(7 * Math.PI * x), out[i], 1e-13);
        }
    }

    @Test
    void projectedInitialConditionConvergesAwayFromTheKink() {
        double[] u = AllenCahnSolver.projectedInitialCondition(1024);
        for (int j = 128; j <= 896; j += 64) {
            double x = -1 + 2.0 * j / 1024;
            // The projection of a slope jump converges like 1/N² away from it; measured below 1e-5.
            assertEquals(x * x * Math.cos(Math.PI * x), u[j], 1e-5, "x=" + x);
        }
    }
}
