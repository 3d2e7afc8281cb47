/**
 * Convergence studies: how the error of KAN and MLP trial solutions of one problem falls with
 * parameters, grid size, collocation points and wall time, across seeds.
 *
 * <p>A {@link org.pikan4j.validation.study.StudyDefinition} (Java builder, or a JSON study file
 * read by {@link org.pikan4j.validation.study.StudyFile}; built-in ones in
 * {@link org.pikan4j.validation.study.StudyPresets}) expands into
 * {@link org.pikan4j.validation.study.StudyCell}s. The
 * {@link org.pikan4j.validation.study.StudyRunner} trains them in parallel and appends one
 * {@link org.pikan4j.validation.study.CellResult} per finished cell to {@code results.csv}, so a
 * rerun resumes. {@link org.pikan4j.validation.study.StudyReport} summarizes the seeds
 * ({@link org.pikan4j.validation.study.ConfigurationSummary}), fits convergence orders in G
 * ({@link org.pikan4j.validation.study.ConvergenceOrder}), pairs KANs and MLPs of matched size
 * ({@link org.pikan4j.validation.study.MatchedPair}) and writes Markdown, CSV and PNG plots.
 */
package org.pikan4j.validation.study;
