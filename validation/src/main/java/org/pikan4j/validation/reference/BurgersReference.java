package org.pikan4j.validation.reference;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pikan4j.core.util.Arguments;

/**
 * Exact solution of the viscous Burgers equation u_t + u u_x = ν u_xx on x ∈ [-1, 1],
 * t ∈ [0, 1], with u(x, 0) = -sin(πx) and u(±1, t) = 0, by the Cole-Hopf transformation.
 *
 * <p>With f(y) = exp(-cos(πy) / (2πν)) and G(η) = exp(-η² / (4νt)), the solution is the
 * weighted mean u = -⟨sin(π(x - η))⟩ under the weight p(η) ∝ f(x - η) G(η). Differentiating
 * u = -2ν φ_x / φ, φ = ∫ f(x - η) G(η) dη, under the integral gives the slope as moments of the
 * same weight: u_x = -π⟨cos(π(x - η))⟩ - Var(sin(π(x - η))) / (2ν). The exponent of p spans
 * ±1/(2πν) (±50 for ν = 0.01/π), so p is formed in log space with its maximum subtracted.
 *
 * <p>The moments are integrated by the trapezoidal rule on a window of the real line outside
 * which p is below e⁻⁴⁶ of its peak. The integrand is analytic and decays like a Gaussian, so
 * the rule converges geometrically in the step (Trefethen and Weideman, SIAM Review 2014): with
 * step h = c / sqrt(K), K the largest curvature of log p, the error is about exp(-2π² / c²),
 * e⁻⁷⁹ for the default c = 1/2. About 140 nodes suffice at ν = 0.01/π for every t.
 *
 * <p>Immutable; {@link #onGrid} tables are memoized per instance, so repeated requests for the
 * same grid are free.
 */
public final class BurgersReference {

    /** The customary viscosity of the PINN benchmark, 0.01/π. */
    public static final double DEFAULT_VISCOSITY = 0.01 / Math.PI;

    private static final double DEFAULT_STEP_FACTOR = 0.5;
    /** Log-weight drop beyond which the tails are dropped: e⁻⁴⁶ ≈ 1e-20. */
    private static final double TAIL_LOG = 46;

    private static final BurgersReference STANDARD = new BurgersReference(DEFAULT_VISCOSITY, DEFAULT_STEP_FACTOR);

    private final double viscosity;
    private final double stepFactor;
    private final Map<Long, GridSolution> grids = new ConcurrentHashMap<>();

    private BurgersReference(double viscosity, double stepFactor) {
        this.viscosity = viscosity;
        this.stepFactor = stepFactor;
    }

    /** The benchmark problem, ν = 0.01/π; one shared instance, so its grids are shared too. */
    public static BurgersReference standard() {
        return STANDARD;
    }

    /**
     * The same problem with viscosity ν.
     *
     * @throws IllegalArgumentException when ν is not positive and finite
     */
    public BurgersReference withViscosity(double nu) {
        return new BurgersReference(Arguments.positive("viscosity ν", nu), stepFactor);
    }

    /**
     * The same problem integrated with quadrature step h = factor / sqrt(K); smaller factors use
     * more nodes. Useful only to check convergence of the quadrature.
     *
     * @throws IllegalArgumentException when factor is outside (0, 1]
     */
    public BurgersReference withQuadratureStepFactor(double factor) {
        Arguments.positive("quadrature step factor", factor);
        Arguments.within("quadrature step factor", factor, 0, 1);
        return new BurgersReference(viscosity, factor);
    }

    /** The viscosity ν. */
    public double viscosity() {
        return viscosity;
    }

    /**
     * The exact solution u(x, t).
     *
     * @throws IllegalArgumentException when x is outside [-1, 1], t outside [0, 1], or either is NaN
     */
    public double value(double x, double t) {
        checkPoint(x, t);
        if (t == 0) {
            return -Math.sin(Math.PI * x);
        }
        return -moments(x, t).meanSin;
    }

    /**
     * The exact slope u_x(x, t).
     *
     * @throws IllegalArgumentException when x is outside [-1, 1], t outside [0, 1], or either is NaN
     */
    public double dx(double x, double t) {
        checkPoint(x, t);
        if (t == 0) {
            return -Math.PI * Math.cos(Math.PI * x);
        }
        Moments m = moments(x, t);
        return -Math.PI * m.meanCos - m.varianceSin / (2 * viscosity);
    }

    /**
     * The exact solution tabulated on {@code nx} × {@code nt} uniform points of [-1, 1] × [0, 1]
     * (ends included) and interpolated in between. Computed once per instance and grid size.
     *
     * @throws IllegalArgumentException when nx or nt is below 2
     */
    public GridSolution onGrid(int nx, int nt) {
        Arguments.atLeast("nx", nx, 2);
        Arguments.atLeast("nt", nt, 2);
        return grids.computeIfAbsent(((long) nx << 32) | nt, key -> tabulate(nx, nt));
    }

    private GridSolution tabulate(int nx, int nt) {
        double[][] values = new double[nt][nx];
        for (int it = 0; it < nt; it++) {
            double t = (double) it / (nt - 1);
            for (int ix = 0; ix < nx; ix++) {
                values[it][ix] = value(-1 + 2.0 * ix / (nx - 1), t);
            }
        }
        return new GridSolution(-1, 1, 0, 1, false, values);
    }

    private static void checkPoint(double x, double t) {
        Arguments.within("x", x, -1, 1);
        Arguments.within("t", t, 0, 1);
    }

    /** Weighted moments of sin and cos of π(x - η) under p(η) ∝ f(x - η) G(η). */
    private Moments moments(double x, double t) {
        double a = 1 / (2 * Math.PI * viscosity);
        double fourNuT = 4 * viscosity * t;
        // log p ≤ a - η²/(4νt) and its peak is at least log p(0) ≥ -a.
        double window = Math.sqrt(fourNuT * (2 * a + TAIL_LOG));
        double curvature = a * Math.PI * Math.PI + 2 / fourNuT;
        double h = stepFactor / Math.sqrt(curvature);
        int half = (int) Math.ceil(window / h);
        // weight holds log p first, then p itself scaled so that its peak is 1.
        double[] weight = new double[2 * half + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = -half; j <= half; j++) {
            double eta = j * h;
            double lw = -a * Math.cos(Math.PI * (x - eta)) - eta * eta / fourNuT;
            weight[j + half] = lw;
            max = Math.max(max, lw);
        }
        double[] sin = new double[weight.length];
        double total = 0;
        double sumSin = 0;
        double sumCos = 0;
        for (int j = -half; j <= half; j++) {
            double w = Math.exp(weight[j + half] - max);
            double phase = Math.PI * (x - j * h);
            double s = Math.sin(phase);
            weight[j + half] = w;
            sin[j + half] = s;
            total += w;
            sumSin += w * s;
            sumCos += w * Math.cos(phase);
        }
        double meanSin = sumSin / total;
        double sumSquares = 0;
        for (int k = 0; k < sin.length; k++) {
            double d = sin[k] - meanSin;
            sumSquares += weight[k] * d * d;
        }
        return new Moments(meanSin, sumCos / total, sumSquares / total);
    }

    private record Moments(double meanSin, double meanCos, double varianceSin) {
    }
}
