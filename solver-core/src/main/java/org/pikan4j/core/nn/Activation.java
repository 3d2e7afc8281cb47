package org.pikan4j.core.nn;

import java.util.Arrays;
import java.util.Locale;
import org.pikan4j.core.tensor.Functions;
import org.pikan4j.core.tensor.ScalarFunction;

/** Activations for MLP layers. */
public enum Activation {
    /** tanh, the classic PINN choice and the default. */
    TANH(Functions.TANH),
    /** sin, as in SIREN-style PINNs. */
    SIN(Functions.SIN),
    /** SiLU (swish), x·sigmoid(x). */
    SILU(Functions.SILU),
    /** No activation: a linear layer. */
    IDENTITY(Functions.IDENTITY);

    private final ScalarFunction function;

    Activation(ScalarFunction function) {
        this.function = function;
    }

    /** The function with its derivatives. */
    public ScalarFunction function() {
        return function;
    }

    /**
     * The activation with the given name, case-insensitive.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation \"" + name + "\"; valid: "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
