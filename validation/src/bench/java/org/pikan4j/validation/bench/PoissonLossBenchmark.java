package org.pikan4j.validation.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;

/**
 * One loss-and-gradient evaluation of the 2D Poisson residual -Δu = f on 2500 interior points
 * (value, u_x, u_y, u_xx, u_yy) plus u = 0 on 400 boundary points, in double precision unless
 * {@code precision} says otherwise: the foundation issue's reference workload. KAN [2,10,1] with
 * G = 10, k = 3 and MLP 2-20-20-1 (tanh).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseParallelGC", "-Xmx2g"})
public class PoissonLossBenchmark {

    @Param({"kan", "mlp"})
    public String model;

    @Param({"jvm", "nd4j"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    /** float64, or float32 on nd4j: {@code -p backend=nd4j -p precision=float32}. */
    @Param({"float64"})
    public String precision;

    private PinnLoss loss;
    private double[] theta;
    private double[] gradient;

    /** Builds the loss once per trial. */
    @Setup
    public void setUp() {
        Network network = "kan".equals(model)
                ? Kan.widths(2, 10, 1).grid(10).degree(3).build()
                : Mlp.widths(2, 20, 20, 1).build();
        Backend engine = Backends.named(backend, 0, Precision.named(precision));
        loss = PoissonWorkload.loss(network, engine, threads, 2500, 400);
        theta = network.initialParameters(1);
        gradient = new double[theta.length];
        long before = engine.nativeCalls();
        loss.evaluate(theta, gradient);
        System.out.printf("%s %s, %d threads: %d native calls per evaluation%n", model, backend, threads,
                engine.nativeCalls() - before);
    }

    /** The measured unit: loss and gradient at fixed parameters. */
    @Benchmark
    public double lossAndGradient() {
        return loss.evaluate(theta, gradient);
    }
}
