package org.pikan4j.core.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One layer of a trial solution, as an immutable description: widths, parameter blocks and
 * initialization. Evaluating it is a backend's job.
 */
public interface Layer {

    /** Number of inputs. */
    int inputWidth();

    /** Number of outputs. */
    int outputWidth();

    /** Appends this layer's parameter blocks, names prefixed with {@code prefix}. */
    void declareParameters(String prefix, ParameterLayout.Builder layout);

    /** Writes initial values into this layer's blocks (seeded by the caller's stream). */
    void initialize(String prefix, ParameterLayout layout, double[] theta, UniformRandomProvider random);

    /** A short description, e.g. {@code "kan 2->10 (G=10, k=3)"}. */
    String describe();
}
