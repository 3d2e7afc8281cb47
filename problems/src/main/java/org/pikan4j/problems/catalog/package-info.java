/**
 * The catalog of ready problems: each {@link org.pikan4j.problems.catalog.CatalogEntry} is a
 * named {@link org.pikan4j.problems.dsl.Problem} with its exact (or manufactured) solution, a
 * one-line description and a recommended model and budget
 * ({@link org.pikan4j.problems.catalog.Recommendation}) that a user can override piece by piece.
 * {@link org.pikan4j.problems.catalog.Catalog#standard()} lists the built-in entries.
 */
package org.pikan4j.problems.catalog;
