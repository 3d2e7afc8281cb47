package org.pikan4j.validation.cli;

import org.pikan4j.problems.catalog.OptimizerPlan;
import picocli.CommandLine.Option;

/**
 * {@code --dense-bfgs}: the L-BFGS stage keeps a dense, self-scaled inverse Hessian (full BFGS) instead of its
 * newest correction pairs; a picocli mixin of {@code pikan solve} and {@code pikan adaptive} (both grids).
 */
final class DenseBfgsOption {

    @Option(names = "--dense-bfgs", description = "the L-BFGS stage keeps the whole inverse Hessian (self-scaled"
            + " BFGS): far smaller losses per step, n(n + 1) / 2 numbers of memory for n parameters (35 MB for"
            + " 3,000); for models up to a few thousand parameters")
    boolean dense;

    /** {@code plan} with the dense inverse when the option was given, as it is otherwise. */
    OptimizerPlan applyTo(OptimizerPlan plan) {
        return dense ? plan.withDenseInverse() : plan;
    }
}
