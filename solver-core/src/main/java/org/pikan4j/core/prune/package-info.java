/**
 * Importance scores of a trained KAN's edges and nodes ({@link org.pikan4j.core.prune.EdgeImportance}) and
 * pruning by them ({@link org.pikan4j.core.prune.Pruning}): fewer hidden nodes and inputs, zeroed edges, the
 * same function on the kept part.
 */
package org.pikan4j.core.prune;
