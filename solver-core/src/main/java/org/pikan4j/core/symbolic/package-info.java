/**
 * Symbolic regression of trained KAN edges: {@link org.pikan4j.core.symbolic.EdgeFunction} samples an edge,
 * {@link org.pikan4j.core.symbolic.SymbolicFit} fits {@code c·f(a·x + b) + d} for each candidate of a
 * {@link org.pikan4j.core.symbolic.SymbolicLibrary} and ranks them, and
 * {@link org.pikan4j.core.symbolic.SymbolicEdges} fixes formulas edge by edge and composes the network into
 * one {@link org.pikan4j.core.symbolic.SymbolicModel} (plain text, Java or LaTeX) whose free parameters
 * can be fine-tuned to data or to the trained network by Levenberg-Marquardt.
 */
package org.pikan4j.core.symbolic;
