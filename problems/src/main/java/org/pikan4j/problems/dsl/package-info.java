/**
 * The PDE problem DSL: what a user writes to pose a problem for a physics-informed network.
 *
 * <p>A {@link org.pikan4j.problems.dsl.Problem} is built by
 * {@link org.pikan4j.problems.dsl.Problem#named(String)}: a domain from the geometry package, the
 * fields (network outputs, by name), PDE residuals written as
 * {@link org.pikan4j.problems.dsl.Expr expressions} ({@code u.d("xx")}, {@code u.laplacian()},
 * arithmetic, elementary functions, coordinates, source terms as Java lambdas, trainable
 * coefficients), boundary conditions on selections of the boundary (Dirichlet, Neumann with the
 * outward normals, Robin), initial value and rate conditions on space-time domains, observations
 * for inverse problems, hard constraints by output transforms, per-term weights and exact solutions.
 *
 * <p>{@code build()} dry-runs every expression once on a one-point tape to record which
 * derivatives it reads: each loss term then propagates only those. The same run reports misuse
 * (unknown field, coordinate or derivative names, lambdas of the wrong dimension, initial
 * conditions without time) as {@link java.lang.IllegalArgumentException}s naming what was wrong
 * and what is valid.
 *
 * <p>{@link org.pikan4j.problems.dsl.Problem#discretize(Collocation)} samples points and gives a
 * {@link org.pikan4j.problems.dsl.Discretization}: one engine
 * {@link org.pikan4j.core.residual.ResidualTerm} per PDE and condition, a
 * {@link org.pikan4j.core.residual.PinnLoss} for a network, and the residuals of closed-form trial
 * solutions for checking a problem against its exact solution. Periodic conditions
 * ({@code periodic("x")}) become paired engine terms that compare each field, and its first
 * derivative along the coordinate, between opposite faces of the bounding box.
 */
package org.pikan4j.problems.dsl;
