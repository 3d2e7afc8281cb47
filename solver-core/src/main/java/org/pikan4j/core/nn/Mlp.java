package org.pikan4j.core.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of an MLP PINN, e.g. {@code Mlp.widths(2, 20, 20, 1).activation(Activation.TANH)}:
 * dense layers with the activation between them and a linear output layer. Immutable.
 */
public final class Mlp {

    private final int[] widths;
    private final Activation activation;

    private Mlp(int[] widths, Activation activation) {
        this.widths = widths;
        this.activation = activation;
    }

    /** An MLP with the given layer widths, input first; tanh by default. */
    public static Mlp widths(int... widths) {
        Kan.checkWidths(widths);
        return new Mlp(widths.clone(), Activation.TANH);
    }

    /** The activation of the hidden layers. */
    public Mlp activation(Activation a) {
        return new Mlp(widths, a);
    }

    /** The network this configuration describes. */
    public Network build() {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            boolean last = l + 2 == widths.length;
            layers.add(new DenseLayer(widths[l], widths[l + 1], last ? Activation.IDENTITY : activation));
        }
        return new Network(layers);
    }
}
