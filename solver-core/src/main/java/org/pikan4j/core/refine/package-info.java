/**
 * Refinement operations, the way adaptive finite elements refine a mesh: estimate, mark, refine.
 *
 * <ul>
 *   <li><em>estimate</em>: {@link org.pikan4j.core.refine.IntervalIndicators} sums squared residuals per knot
 *       interval of a layer's input grids, using the values that enter the layer
 *       ({@link org.pikan4j.core.refine.LayerInputs});</li>
 *   <li><em>mark</em>: {@link org.pikan4j.core.refine.Marking} (Dörfler bulk marking or a fixed fraction);</li>
 *   <li><em>refine the spline grids</em>: {@link org.pikan4j.core.refine.GridExtension} (G to G' on the same
 *       range), {@link org.pikan4j.core.refine.KnotInsertion} (bisect marked intervals, non-uniform grids) and
 *       {@link org.pikan4j.core.refine.GridUpdate} (move knots toward the data). Each returns a
 *       {@link org.pikan4j.core.refine.GridRefinement}: the new network, the mapped parameters and a linear
 *       {@link org.pikan4j.core.refine.ParameterTransfer} that also carries optimizer state across;</li>
 *   <li><em>refine the collocation points</em>: {@link org.pikan4j.core.refine.CollocationRefinement}
 *       (RAR and RAD), whose new points feed {@code ResidualTerm.withPoints}.</li>
 * </ul>
 *
 * <p>Every operation is a pure function of its inputs and describes what it changed in a
 * {@link org.pikan4j.core.refine.RefinementRecord} for the training history. Deciding <em>when</em> to refine
 * is a scheduler's job, not this package's.
 */
package org.pikan4j.core.refine;
