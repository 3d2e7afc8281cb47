/**
 * Regularization of KANs as penalties added to a {@link org.pikan4j.core.residual.PinnLoss}: sparsity
 * (L1 norm and entropy of the edge activations on the training points, spline-coefficient magnitudes and
 * differences, as in pykan) and smoothness (squared derivatives of the splines), each with its exact
 * gradient. {@link org.pikan4j.core.regularize.EdgeActivations} gives every edge's output on a set of
 * points, which importance scores and plots read as well.
 */
package org.pikan4j.core.regularize;
