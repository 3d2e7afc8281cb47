package org.pikan4j.core.refine;

import java.util.List;

/**
 * What one refinement changed, for the training history: e.g. operation {@code "grid extension"}, changes
 * {@code ["kan0: G 5 -> 10", "kan1: G 5 -> 10"]}, 61 -> 111 parameters.
 *
 * @param operation      the operation's name, e.g. {@code "grid extension"} or {@code "RAR"}
 * @param changes        one line per changed layer, input or point set
 * @param before         the count before (parameters for grid operations, points for collocation refinement)
 * @param after          the count after
 * @param counted        what {@code before} and {@code after} count: {@code "parameters"} or {@code "points"}
 * @param relativeChange how much the refined functions moved: for grid operations the relative L2 change of
 *                       all edges' spline parts together (round-off for exact operations), measured on the
 *                       points the operation fitted on; NaN where it does not apply
 */
public record RefinementRecord(String operation, List<String> changes, int before, int after, String counted,
                               double relativeChange) {

    /** Copies the list of changes, so the record stays immutable. */
    public RefinementRecord {
        changes = List.copyOf(changes);
    }

    @Override
    public String toString() {
        return operation + ": " + String.join("; ", changes) + " (" + counted + " " + before + " -> " + after
                + (Double.isNaN(relativeChange) ? "" : String.format(", relative change %.3g", relativeChange))
                + ")";
    }
}
