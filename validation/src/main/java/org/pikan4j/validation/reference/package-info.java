/**
 * Reference solutions of benchmark PDEs, computed by classical numerics independently of any
 * network, so that a trained model can be scored against them.
 *
 * <p>{@link org.pikan4j.validation.reference.BurgersReference} evaluates the viscous Burgers
 * equation exactly through the Cole-Hopf transformation; {@link
 * org.pikan4j.validation.reference.AllenCahnReference} integrates the Allen-Cahn equation by a
 * Fourier spectral method of lines and caches the result on disk. Both hand out a {@link
 * org.pikan4j.validation.reference.GridSolution}: values on a uniform space-time grid,
 * interpolated at arbitrary points. {@link org.pikan4j.validation.reference.ReferenceSolutions}
 * attaches them by name to the catalog entries that name them.
 */
package org.pikan4j.validation.reference;
