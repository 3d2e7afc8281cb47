package org.pikan4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.junit.jupiter.api.Test;

class BurgersReferenceTest {

    private final BurgersReference burgers = BurgersReference.standard();

    @Test
    void steepestSlopeAtOriginMatchesBasdevant() {
        UnivariatePointValuePair peak = new BrentOptimizer(1e-12, 1e-14).optimize(
                new MaxEval(200),
                new UnivariateObjectiveFunction(t -> Math.abs(burgers.dx(0, t))),
                GoalType.MAXIMIZE,
                new SearchInterval(1.5 / Math.PI, 1.7 / Math.PI, 1.6037 / Math.PI));
        System.out.printf("max |u_x(0,t)| = %.8f at t* = %.8f (pi t* = %.6f)%n",
                peak.getValue(), peak.getPoint(), Math.PI * peak.getPoint());
        // Basdevant et al., Computers & Fluids 14 (1986): 152.00516 at t = 1.6037/π, both given
        // rounded; measured here 152.0051616 at πt* = 1.603688.
        assertEquals(152.00516, peak.getValue(), 5e-6);
        assertEquals(1.6037, Math.PI * peak.getPoint(), 5e-5);
    }

    @Test
    void quadratureIsConvergedAtDefaultStep() {
        BurgersReference fine = burgers.withQuadratureStepFactor(0.25);
        double worstValue = 0;
        double worstSlope = 0;
        for (double t : new double[] {1e-6, 0.05, 0.3, 1.6037 / Math.PI, 0.75, 1}) {
            for (double x = -1; x <= 1; x += 0.0625) {
                worstValue = Math.max(worstValue, Math.abs(burgers.value(x, t) - fine.value(x, t)));
                worstSlope = Math.max(worstSlope, Math.abs(burgers.dx(x, t) - fine.dx(x, t)));
            }
        }
        // Measured 1.1e-15 and 1.7e-13: the trapezoidal rule is converged to rounding.
        System.out.printf("default vs half step: |du| %.2e, |du_x| %.2e%n", worstValue, worstSlope);
        assertTrue(worstValue < 1e-12, "value moved by " + worstValue);
        assertTrue(worstSlope < 1e-9, "slope moved by " + worstSlope);
    }

    @Test
    void slopeMatchesFiniteDifferences() {
        double h = 1e-5;
        for (double t : new double[] {0.1, 0.4, 0.9}) {
            for (double x : new double[] {-0.7, -0.2, 0.3, 0.8}) {
                double fd = (burgers.value(x + h, t) - burgers.value(x - h, t)) / (2 * h);
                assertEquals(fd, burgers.dx(x, t), 1e-6 * Math.max(1, Math.abs(fd)), "x=" + x + " t=" + t);
            }
        }
    }

    @Test
    void startsFromMinusSine() {
        for (double x = -1; x <= 1; x += 0.125) {
            assertEquals(-Math.sin(Math.PI * x), burgers.value(x, 1e-9), 1e-6, "x=" + x);
            assertEquals(-Math.sin(Math.PI * x), burgers.value(x, 0), 0, "x=" + x);
        }
    }

    @Test
    void isOddInXAndVanishesAtOriginAndWalls() {
        for (double t : new double[] {0.01, 0.25, 0.5, 1}) {
            assertEquals(0, burgers.value(0, t), 1e-14);
            assertEquals(0, burgers.value(1, t), 1e-12);
            assertEquals(0, burgers.value(-1, t), 1e-12);
            for (double x = 0.05; x < 1; x += 0.1) {
                assertEquals(-burgers.value(x, t), burgers.value(-x, t), 1e-14, "x=" + x + " t=" + t);
            }
        }
    }

    @Test
    void gridInterpolatesExactSolutionAndIsMemoized() {
        GridSolution grid = burgers.onGrid(257, 101);
        assertSame(grid, burgers.onGrid(257, 101));
        assertEquals(burgers.value(0.5, 0.5), grid.gridValue(192, 50), 0);
        // Away from the shock the cubic table is accurate: measured 3.6e-7 at this size.
        double worst = 0;
        for (double x = -0.9; x <= -0.2; x += 0.0173) {
            for (double t = 0.013; t <= 1; t += 0.0371) {
                worst = Math.max(worst, Math.abs(grid.value(x, t) - burgers.value(x, t)));
            }
        }
        System.out.printf("grid 257x101 cubic, x in [-0.9,-0.2]: max error %.2e%n", worst);
        assertTrue(worst < 1e-6, "interpolation error " + worst);
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("viscosity ν must be > 0 and finite, got 0.0", () -> burgers.withViscosity(0));
        assertMessage("viscosity ν must be > 0 and finite, got -1.0", () -> burgers.withViscosity(-1));
        assertMessage("viscosity ν must be > 0 and finite, got NaN", () -> burgers.withViscosity(Double.NaN));
        assertMessage("t must be in [0.0, 1.0], got 1.5", () -> burgers.value(0, 1.5));
        assertMessage("t must be in [0.0, 1.0], got -0.1", () -> burgers.dx(0, -0.1));
        assertMessage("x must be a number, got NaN", () -> burgers.value(Double.NaN, 0.5));
        assertMessage("t must be a number, got NaN", () -> burgers.dx(0, Double.NaN));
        assertMessage("x must be in [-1.0, 1.0], got 2.0", () -> burgers.value(2, 0.5));
        assertMessage("nx must be >= 2, got 1", () -> burgers.onGrid(1, 10));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }
}
