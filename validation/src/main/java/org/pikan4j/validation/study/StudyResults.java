package org.pikan4j.validation.study;

import java.util.List;

/**
 * A study and the results of its cells, in cell order (those of earlier runs included); cells
 * that failed have no result and are listed with their error.
 *
 * @param study    the study
 * @param results  one result per finished cell, in {@link StudyDefinition#cells()} order
 * @param failures the cells that threw, with the message, in cell order
 */
public record StudyResults(StudyDefinition study, List<CellResult> results, List<Failure> failures) {

    /** Copies the lists. */
    public StudyResults {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
    }

    /** A cell that threw instead of finishing. */
    public record Failure(StudyCell cell, String message) {
    }
}
