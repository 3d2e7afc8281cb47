package org.pikan4j.validation.reference;

/**
 * In-place radix-2 complex FFT of a fixed power-of-two length, with its twiddles and bit
 * reversal tabulated once. Forward is unnormalized, inverse divides by n.
 */
final class Fft {

    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int k = 0; k < n; k++) {
            reversed[k] = Integer.reverse(k) >>> (32 - bits);
        }
    }

    int length() {
        return n;
    }

    /** X_m = Σ_j x_j exp(-2πi jm/n). */
    void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** x_j = (1/n) Σ_m X_m exp(2πi jm/n). */
    void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double scale = 1.0 / n;
        for (int k = 0; k < n; k++) {
            re[k] *= scale;
            im[k] *= scale;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        for (int k = 0; k < n; k++) {
            int r = reversed[k];
            if (r > k) {
                double tr = re[k];
                re[k] = re[r];
                re[r] = tr;
                double ti = im[k];
                im[k] = im[r];
                im[r] = ti;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len / 2;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * stride];
                    double wi = sign * sin[j * stride];
                    int a = start + j;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
