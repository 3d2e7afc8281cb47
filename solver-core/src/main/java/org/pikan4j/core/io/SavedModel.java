package org.pikan4j.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pikan4j.core.nn.Network;

/**
 * A model as {@link ModelFile} saves and loads it: the network's architecture, the parameter vector (the
 * network's parameters first, then any trailing trainable PDE coefficients) and free-form metadata.
 * Immutable: theta is copied in and out, metadata is an unmodifiable map in the saved order.
 *
 * @param network  the architecture, knot vectors included
 * @param theta    the full parameter vector, at least {@code network.parameterCount()} long
 * @param metadata user key-value pairs, e.g. the problem name or the training step
 */
public record SavedModel(Network network, double[] theta, Map<String, String> metadata) {

    /** Copies theta and metadata and checks that theta holds the network's parameters. */
    public SavedModel {
        if (network == null || theta == null || metadata == null) {
            throw new IllegalArgumentException("network, theta and metadata must not be null");
        }
        network.checkParameters(theta);
        theta = theta.clone();
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A copy of the full parameter vector. */
    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Number of entries of theta after the network's parameters (trainable PDE coefficients). */
    public int extraParameterCount() {
        return theta.length - network.parameterCount();
    }
}
