package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * An output transform's g and d depend on the coordinates only, so a term keeps their jets per block: computed at
 * the first evaluation and read back at every later one, with the same loss and gradient bits as a loss that
 * computes them afresh; computed again for points that replace the term's (RAD), and for every block when the
 * problem has trainable coefficients (g or d may read them).
 */
class KeptTransformTest {

    private final AtomicInteger transformCalls = new AtomicInteger();

    private Problem heat(boolean withCoefficient) {
        ProblemBuilder b = Problem.named("heat").domain(SpaceTime.of(Interval.of(0, 1), 0, 1))
                .outputTransform(s -> {
                    transformCalls.incrementAndGet();
                    return s.x(0).times(Math.PI).sin().times(s.x(1).negate().exp());
                }, s -> s.x(1).times(s.x(0)).times(s.x(0).negate().plus(1.0)));
        if (withCoefficient) {
            return b.coefficient("kappa", 1.0).pde(u -> u.d("t").minus(u.d("xx").times(u.coefficient("kappa"))))
                    .build();
        }
        return b.pde(u -> u.d("t").minus(u.d("xx").times(0.1))).build();
    }

    @Test
    void laterEvaluationsReadTheKeptJetsAndGiveTheSameBits() {
        Problem p = heat(false);
        Discretization d = p.discretize(Collocation.of(600, 0, 0));
        Network net = Kan.widths(2, 4, 1).grid(5).degree(3).build();
        PinnLoss kept = d.loss(net, new JvmBackend(64), 2);
        double[] first = d.initialParameters(net, 1);
        double[] second = d.initialParameters(net, 2);
        double[] gradient = new double[kept.parameterCount()];
        int built = transformCalls.get();   // the build-time dry run evaluates g too
        kept.evaluate(first, gradient);
        int afterFirst = transformCalls.get();
        double value = kept.evaluate(second, gradient);
        kept.evaluate(second, new double[kept.parameterCount()]);
        assertEquals(afterFirst, transformCalls.get(), "g computed again after the first evaluation");
        // two threads take 300 points each, in blocks of 64 (the last 44)
        assertEquals(2, kept.activeThreads());
        assertEquals(10, afterFirst - built, "one g per block");

        // a fresh discretization computes g for θ2 at its first evaluation: the same bits
        assertSameBits(p.discretize(Collocation.of(600, 0, 0)).loss(net, new JvmBackend(64), 2), second, value,
                gradient);
    }

    @Test
    void replacedPointsAreComputedAgain() {
        Problem p = heat(false);
        Discretization d = p.discretize(Collocation.of(100, 0, 0));
        Network net = Kan.widths(2, 3, 1).grid(4).degree(3).build();
        double[] theta = d.initialParameters(net, 3);
        PinnLoss loss = d.loss(net, new JvmBackend(64), 1);
        loss.evaluate(theta, new double[loss.parameterCount()]);
        double[][] moved = new double[100][];
        for (int n = 0; n < moved.length; n++) {
            moved[n] = new double[] {(n + 0.5) / 100.0, (n * 37 % 100) / 100.0};
        }
        int before = transformCalls.get();
        PinnLoss movedLoss = loss.withTerms(List.of(loss.terms().get(0).withPoints(moved)));
        double[] gradient = new double[movedLoss.parameterCount()];
        double value = movedLoss.evaluate(theta, gradient);
        assertEquals(before + 2, transformCalls.get(), "the moved points' two blocks");

        assertSameBits(p.discretize(moved, null, null).loss(net, new JvmBackend(64), 1), theta, value, gradient);
    }

    @Test
    void problemsWithCoefficientsComputeTheTransformEveryTime() {
        Problem p = heat(true);
        Discretization d = p.discretize(Collocation.of(100, 0, 0));
        Network net = Kan.widths(2, 3, 1).grid(4).degree(3).build();
        PinnLoss loss = d.loss(net, new JvmBackend(64), 1);
        double[] theta = d.initialParameters(net, 3);
        int built = transformCalls.get();
        loss.evaluate(theta, new double[loss.parameterCount()]);
        int once = transformCalls.get() - built;
        loss.evaluate(theta, new double[loss.parameterCount()]);
        assertEquals(2, once, "100 points: two blocks");
        assertEquals(built + 2 * once, transformCalls.get(), "computed again at the second evaluation");
    }

    private static void assertSameBits(PinnLoss computedAfresh, double[] theta, double value, double[] gradient) {
        double[] expected = new double[computedAfresh.parameterCount()];
        assertEquals(computedAfresh.evaluate(theta, expected), value, 0.0);
        assertArrayEquals(expected, gradient, 0.0);
    }
}
