package org.pikan4j.core.backend;

import java.util.List;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Evaluates a KAN Poisson loss on the backend {@code Backends.named("jvm")} and prints it; run
 * in a child JVM by {@link JvmBackendLoadsNoNativeCodeTest}.
 */
public final class JvmOnlyMain {

    private JvmOnlyMain() {
    }

    /** Prints {@code loss=<value>}. */
    public static void main(String[] args) {
        Network network = Kan.widths(2, 5, 1).grid(5).degree(3).build();
        List<String> names = List.of("x", "y");
        ResidualTerm pde = ResidualTerm.of("pde", TestNetworks.points(50, 2, 1),
                List.of(MultiIndex.parse("xx", names), MultiIndex.parse("yy", names)),
                b -> b.d(b.field(0), "xx").plus(b.d(b.field(0), "yy")).plus(b.source(p -> Math.sin(p[0]))));
        PinnLoss loss = new PinnLoss(network, Backends.named("jvm"), List.of(pde), names);
        double[] theta = network.initialParameters(1);
        System.out.println("loss=" + loss.evaluate(theta, new double[theta.length]));
    }
}
