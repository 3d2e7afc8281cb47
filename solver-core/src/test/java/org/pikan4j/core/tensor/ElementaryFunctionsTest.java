package org.pikan4j.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The elementary functions behind the activations: the fast tanh agrees with Math.tanh to a few
 * ulps, the closed-form derivatives of tanh and SiLU (up to the fourth) with the general
 * polynomials in tanh and σ (used from the fifth on), and both with central differences.
 */
class ElementaryFunctionsTest {

    @Test
    void matchesMathTanhToAFewUlpsFromTinyToSaturated() {
        double worst = 0.0;
        for (int k = -4000; k <= 4000; k++) {
            // dense near zero (the series / exponential switch at 0.05), out to saturation at 20
            double x = Math.signum(k) * 20.0 * Math.pow(Math.abs(k) / 4000.0, 3);
            double exact = Math.tanh(x);
            double error = exact == 0.0 ? Math.abs(Functions.tanh(x)) : Math.abs(Functions.tanh(x) - exact) / Math.abs(exact);
            worst = Math.max(worst, error);
        }
        // measured worst 6.5e-16 relative, at x = -0.064 (Math.tanh itself is within 2.5 ulps)
        assertTrue(worst < 2e-15, "worst relative error " + worst);
    }

    @Test
    void siluAtAnOffsetMatchesItsScalarFunction() {
        double[] expected = new double[5];
        double[] table = new double[9];
        for (double x : new double[] {-12.0, -0.7, 0.0, 0.3, 9.5}) {
            Functions.SILU.derivatives(x, 4, expected);
            Functions.siluUpToFourth(x, 4, table, 3);
            for (int r = 0; r <= 4; r++) {
                assertEquals(expected[r], table[3 + r], 0.0, "x = " + x + ", order " + r);
            }
        }
    }

    @Test
    void siluTablesOverPointsHoldTheScalarFormBitForBit() {
        double[] x = {-40.0, -12.0, -0.7, 0.0, 1e-9, 0.3, 9.5, 2.0};
        int count = x.length - 1;
        for (int maxOrder = 0; maxOrder <= 4; maxOrder++) {
            double[][] tables = new double[maxOrder + 3][x.length];
            for (double[] table : tables) {
                Arrays.fill(table, Double.NaN);
            }
            Functions.siluUpToFourth(x, count, maxOrder, tables, 1);
            double[] expected = new double[5];
            for (int n = 0; n < count; n++) {
                Functions.siluUpToFourth(x[n], maxOrder, expected, 0);
                for (int r = 0; r <= maxOrder; r++) {
                    assertEquals(expected[r], tables[1 + r][n], 0.0, "x = " + x[n] + ", order " + r);
                }
            }
            for (int t = 0; t < tables.length; t++) {
                assertTrue(Double.isNaN(tables[t][count]), "table " + t + " written past count");
            }
            assertTrue(Double.isNaN(tables[0][0]) && Double.isNaN(tables[maxOrder + 2][0]), "tables outside written");
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Functions.siluUpToFourth(x, 9, 1, new double[2][9], 0)).getMessage().contains("count must be"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Functions.siluUpToFourth(x, 3, 5, new double[6][3], 0)).getMessage().contains("got 5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Functions.siluUpToFourth(x, 3, 1, new double[2][2], 0)).getMessage().contains("out must hold"));
    }

    @Test
    void isOddAndExactAtZero() {
        assertEquals(0.0, Functions.tanh(0.0));
        for (double x : new double[] {1e-300, 1e-8, 0.049999, 0.05, 0.3, 7.0}) {
            assertEquals(-Functions.tanh(x), Functions.tanh(-x));
            assertEquals(x, Functions.tanh(x), Math.abs(x));   // |tanh x| <= |x|
        }
    }

    /**
     * (name, function, bound): measured worst differences between the two forms, relative to
     * max(1, |value|) over x in [-15, 15]: tanh 5.8e-15 (at x = -4.7), SiLU 9.1e-14 (near |x| = 15,
     * where the general polynomials in σ, coefficients up to ~60, cancel).
     */
    static Stream<Object[]> closedForms() {
        return Stream.of(new Object[] {"tanh", Functions.TANH, 1e-13}, new Object[] {"silu", Functions.SILU, 1e-12});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedForms")
    void closedFormsMatchTheGeneralPolynomials(String name, ScalarFunction f, double bound) {
        double[] fast = new double[5];
        double[] general = new double[6];
        double worst = 0.0;
        for (int k = -300; k <= 300; k++) {
            double x = k / 20.0;
            f.derivatives(x, 4, fast);      // closed forms
            f.derivatives(x, 5, general);   // the general polynomials
            for (int r = 0; r <= 4; r++) {
                worst = Math.max(worst, Math.abs(fast[r] - general[r]) / Math.max(1.0, Math.abs(general[r])));
            }
        }
        assertTrue(worst < bound, name + ": worst difference " + worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedForms")
    void derivativesMatchFiniteDifferences(String name, ScalarFunction f, double unused) {
        double[] at = new double[5];
        double[] plus = new double[5];
        double[] minus = new double[5];
        double h = 1e-5;
        for (double x : new double[] {-4.0, -0.7, 0.0, 0.04, 0.3, 2.5}) {
            f.derivatives(x, 4, at);
            f.derivatives(x + h, 4, plus);
            f.derivatives(x - h, 4, minus);
            for (int r = 0; r < 4; r++) {
                // central differences: error O(h²) ~ 1e-10, plus rounding ~ 1e-11
                assertEquals(at[r + 1], (plus[r] - minus[r]) / (2 * h), 1e-8, name + " order " + (r + 1) + " at " + x);
            }
        }
    }

    @Test
    void integratedErfcHasItsValuesAndDerivatives() {
        int top = ScalarFunction.MAX_DERIVATIVE;
        double[] at = new double[top + 1];
        double[] mirrored = new double[top + 1];
        Functions.IERFC.derivatives(0.0, top, at);
        assertEquals(1.0 / Math.sqrt(Math.PI), at[0], 1e-16);   // ∫_0^∞ erfc = 1/√π
        assertEquals(-1.0, at[1], 0.0);                            // -erfc(0)
        double[] plus = new double[top + 1];
        double[] minus = new double[top + 1];
        double h = 1e-5;
        for (double x : new double[] {-2.5, -0.7, 0.0, 0.3, 1.2, 4.0}) {
            Functions.IERFC.derivatives(x, top, at);
            Functions.IERFC.derivatives(-x, top, mirrored);
            assertEquals(2.0 * x, mirrored[0] - at[0], 1e-14, "ierfc(-x) - ierfc(x) = 2x at " + x);
            Functions.IERFC.derivatives(x + h, top, plus);
            Functions.IERFC.derivatives(x - h, top, minus);
            for (int r = 0; r < top; r++) {
                // central differences: error O(h²) ~ 1e-9 with the Hermite factors up to ~30, rounding ~ 1e-11
                assertEquals(at[r + 1], (plus[r] - minus[r]) / (2 * h), 1e-8, "ierfc order " + (r + 1) + " at " + x);
            }
        }
        Functions.IERFC.derivatives(7.9, top, at);
        assertTrue(at[0] > 0 && at[0] < 1e-28 && Math.abs(at[top]) < 1e-22, Arrays.toString(at));
        Functions.IERFC.derivatives(8.1, top, at);
        assertArrayEquals(new double[top + 1], at, 0.0);
    }
}
