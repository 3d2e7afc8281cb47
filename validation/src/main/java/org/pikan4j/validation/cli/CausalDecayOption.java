package org.pikan4j.validation.cli;

import org.pikan4j.problems.catalog.Causality;
import picocli.CommandLine.Option;

/**
 * {@code --causal-decay BETA}: the fixed decay in time of the causal point weights (see {@link Causality}), a picocli
 * mixin of {@code pikan solve} and {@code pikan adaptive} (where it applies to both grids).
 */
final class CausalDecayOption {

    @Option(names = "--causal-decay", paramLabel = "BETA", description = "causal training: also weigh every point of"
            + " the PDE terms by BETA e^(-BETA s) / (1 - e^(-BETA)), s the time scaled to [0, 1], so that early"
            + " residuals count more; 0 for none (default: the entry's)")
    Double decay;

    /** Whether the option was given. */
    boolean given() {
        return decay != null;
    }

    /** {@code causality} with the decay given, or as it is without the option. */
    Causality applyTo(Causality causality) {
        return decay == null ? causality : causality.withDecay(decay);
    }
}
