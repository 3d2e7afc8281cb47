package org.pikan4j.core.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SymbolicFitTest {

    private static final SymbolicLibrary LIBRARY = SymbolicLibrary.standard();

    private static double[] grid(int n) {
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            x[p] = -1.0 + 2.0 * p / (n - 1);
        }
        return x;
    }

    private static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            y[p] = f.applyAsDouble(x[p]);
        }
        return y;
    }

    @Test
    void fitRecoversAllFourParametersOfShiftedScaledSine() {
        double[] x = grid(101);
        SymbolicFit fit = SymbolicFit.fit(x, map(x, t -> 2 * Math.sin(3 * t + 0.5) - 1), LIBRARY.get("sin"));
        assertTrue(fit.r2() > 0.9999, fit.toString());
        assertEquals(3.0, fit.a(), 1e-3, fit.toString());
        assertEquals(0.5, fit.b(), 1e-3, fit.toString());
        assertEquals(2.0, fit.c(), 1e-3, fit.toString());
        assertEquals(-1.0, fit.d(), 1e-3, fit.toString());
    }

    @Test
    void fitRecoversParabolaInCanonicalForm() {
        double[] x = grid(101);
        SymbolicFit fit = SymbolicFit.fit(x, map(x, t -> 0.5 * t * t + 1), LIBRARY.get("x^2"));
        assertTrue(fit.r2() > 0.9999, fit.toString());
        assertEquals(1.0, fit.a(), 1e-3, fit.toString());
        assertEquals(0.0, fit.b(), 1e-3, fit.toString());
        assertEquals(0.5, fit.c(), 1e-3, fit.toString());
        assertEquals(1.0, fit.d(), 1e-3, fit.toString());
    }

    @Test
    void fitSkipsInnerMapsWhereTheFunctionIsNotFinite() {
        double[] x = grid(51);
        SymbolicFit fit = SymbolicFit.fit(x, map(x, t -> Math.log(t + 2)), LIBRARY.get("log"));
        assertTrue(fit.r2() > 0.9999, fit.toString());
        assertTrue(Double.isFinite(fit.c()));
    }

    @Test
    void suggestRanksSineFirstForNoisySine() {
        double[] x = grid(101);
        Random random = new Random(7);
        double[] y = map(x, t -> 2 * Math.sin(3 * t + 0.5) - 1 + 0.05 * random.nextGaussian());
        List<SymbolicFit> top = SymbolicFit.suggest(x, y, LIBRARY, 3);
        assertEquals(3, top.size());
        assertEquals("sin", top.get(0).function().name(), top.toString());
        assertTrue(top.get(0).r2() > 0.99, top.toString());
    }

    @Test
    void suggestRanksSquareFirstForParabola() {
        double[] x = grid(101);
        List<SymbolicFit> top = SymbolicFit.suggest(x, map(x, t -> 0.5 * t * t + 1), LIBRARY, 5);
        assertEquals("x^2", top.get(0).function().name(), top.toString());
    }

    @Test
    void userFunctionsJoinTheLibrary() {
        SymbolicLibrary library = LIBRARY.withFunction(
                SymbolicFunction.of("sinh", 3, Math::sinh, "sinh({x})", "Math.sinh({x})"));
        assertEquals(LIBRARY.functions().size() + 1, library.functions().size());
        double[] x = grid(51);
        SymbolicFit fit = SymbolicFit.fit(x, map(x, Math::sinh), library.get("sinh"));
        assertTrue(fit.r2() > 0.9999, fit.toString());
    }

    @Test
    void badArgumentsAreRejectedWithSpecificMessages() {
        double[] x = {0.0, 1.0};
        SymbolicFunction sin = LIBRARY.get("sin");
        assertMessage("x must hold at least one sample", () -> SymbolicFit.fit(new double[0], new double[0], sin));
        assertMessage("same length, got 2 and 1", () -> SymbolicFit.fit(x, new double[] {1.0}, sin));
        assertMessage("sample 1 must be finite", () -> SymbolicFit.fit(x, new double[] {0.0, Double.NaN}, sin));
        assertMessage("topK must be >= 1, got 0", () -> SymbolicFit.suggest(x, x, LIBRARY, 0));
        assertMessage("no function named sinc", () -> LIBRARY.get("sinc"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
