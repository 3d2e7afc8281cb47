package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One configuration of a study (a cell up to its seed) summarized over its seeds: medians and
 * ranges of the errors, the wall time and the final loss. Immutable.
 *
 * @param configuration the cell with seed 0 ({@link StudyCell#configuration()})
 * @param parameters    the parameter count (the same for every seed)
 * @param seeds         how many seeds finished
 * @param relativeL2    relative L2 error on the evaluation grid
 * @param maxError      max error on the evaluation grid
 * @param l2Error       quadrature L2 norm of the error
 * @param seconds       wall time
 * @param finalLoss     final loss
 */
public record ConfigurationSummary(StudyCell configuration, int parameters, int seeds, Spread relativeL2,
                                   Spread maxError, Spread l2Error, Spread seconds, Spread finalLoss) {

    /** The results grouped by configuration, in order of first appearance. */
    public static List<ConfigurationSummary> of(List<CellResult> results) {
        Map<StudyCell, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult r : results) {
            groups.computeIfAbsent(r.cell().configuration(), c -> new ArrayList<>()).add(r);
        }
        List<ConfigurationSummary> summaries = new ArrayList<>();
        for (Map.Entry<StudyCell, List<CellResult>> g : groups.entrySet()) {
            List<CellResult> rs = g.getValue();
            summaries.add(new ConfigurationSummary(g.getKey(), rs.get(0).parameters(), rs.size(),
                    spread(rs, CellResult::relativeL2), spread(rs, CellResult::maxError),
                    spread(rs, CellResult::l2Error), spread(rs, CellResult::seconds), spread(rs, CellResult::finalLoss)));
        }
        return summaries;
    }

    private static Spread spread(List<CellResult> rs, ToDoubleFunction<CellResult> value) {
        return Spread.of(rs.stream().mapToDouble(value).toArray());
    }

    /** Whether the configuration is a KAN. */
    public boolean isKan() {
        return configuration.model().kind() == org.pikan4j.problems.catalog.ModelSpec.Kind.KAN;
    }
}
