package org.pikan4j.validation.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pikan check}: builds a KAN and an MLP and compares every propagated derivative with
 * central finite differences of the network, so a user can see the engine is exact on their
 * machine and backend.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the exact derivatives of a KAN and an MLP against finite differences.")
final class CheckCommand implements Callable<Integer> {

    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-6;

    @Option(names = "--backend", defaultValue = "jvm", description = "jvm, nd4j or auto (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--seed", defaultValue = "42", description = "seed of parameters and points (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Backend engine = Backends.named(backend);
        DerivativeSet set = DerivativeSet.parse(List.of("x", "y"), "xy", "xxxx", "yy");
        boolean ok = true;
        for (Network network : List.of(Kan.widths(2, 5, 5, 1).grid(5).degree(3).build(),
                Mlp.widths(2, 20, 20, 1).build())) {
            ok &= check(engine, network, set);
        }
        System.out.println(ok ? "all derivatives agree with finite differences"
                : "MISMATCH: some derivative disagrees with finite differences");
        return ok ? 0 : 1;
    }

    private boolean check(Backend engine, Network network, DerivativeSet set) {
        System.out.printf("%s on %s backend%n", network, engine.name());
        System.out.printf("  %-10s %-12s%n", "component", "max rel err");
        double[] theta = network.initialParameters(seed);
        java.util.Random random = new java.util.Random(seed);
        double[][] points = new double[16][2];
        for (double[] p : points) {
            p[0] = random.nextDouble() * 1.8 - 0.9;
            p[1] = random.nextDouble() * 1.8 - 0.9;
        }
        double[][] jets = evaluate(engine, network, set, theta, points);
        boolean ok = true;
        for (int c = 1; c < set.size(); c++) {
            MultiIndex alpha = set.component(c);
            int axis = alpha.count(0) > 0 ? 0 : 1;
            int[] lower = alpha.counts();
            lower[axis]--;
            int lowerComponent = set.indexOf(MultiIndex.of(lower));
            double worst = 0.0;
            for (int n = 0; n < points.length; n++) {
                double[][] shifted = {points[n].clone(), points[n].clone()};
                shifted[0][axis] += STEP;
                shifted[1][axis] -= STEP;
                double[][] around = evaluate(engine, network, set, theta, shifted);
                double fd = (around[0][lowerComponent] - around[1][lowerComponent]) / (2 * STEP);
                worst = Math.max(worst, Math.abs(jets[n][c] - fd) / Math.max(1.0, Math.abs(fd)));
            }
            ok &= worst < TOLERANCE;
            System.out.printf("  u_%-8s %.2e%s%n", alpha.toString(List.of("x", "y")), worst,
                    worst < TOLERANCE ? "" : "  <-- above " + TOLERANCE);
        }
        return ok;
    }

    /** Jets of output 0 at the points: [point][component]. */
    private static double[][] evaluate(Backend engine, Network network, DerivativeSet set, double[] theta,
                                       double[][] points) {
        NetworkEvaluator evaluator = engine.evaluator(network, set);
        List<double[]> rows = new ArrayList<>();
        for (int first = 0; first < points.length; first += evaluator.capacity()) {
            int count = Math.min(evaluator.capacity(), points.length - first);
            JetBlock block = evaluator.forward(theta, points, first, count);
            for (int n = 0; n < count; n++) {
                double[] row = new double[set.size()];
                for (int c = 0; c < set.size(); c++) {
                    row[c] = block.get(n, c, 0);
                }
                rows.add(row);
            }
        }
        return rows.toArray(new double[0][]);
    }
}
