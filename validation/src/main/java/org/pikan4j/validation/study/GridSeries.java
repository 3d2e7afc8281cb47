package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pikan4j.problems.catalog.ModelSpec;

/**
 * The KAN configurations of a study that differ only in their final grid size G, in increasing G,
 * with the median relative L2 error of each and the fitted {@link ConvergenceOrder} when there
 * are at least three grid sizes. Immutable.
 *
 * @param label   e.g. {@code KAN [2, 10, 1] k=3, 2000 points}
 * @param degree  the spline degree k (spline theory: order k + 1 while approximation-limited)
 * @param members the configurations, in increasing G
 */
public record GridSeries(String label, int degree, List<ConfigurationSummary> members) {

    /** Copies the list. */
    public GridSeries {
        members = List.copyOf(members);
    }

    /** The series of a study's KAN configurations, in order of first appearance. */
    public static List<GridSeries> of(List<ConfigurationSummary> summaries) {
        Map<String, List<ConfigurationSummary>> groups = new LinkedHashMap<>();
        for (ConfigurationSummary s : summaries) {
            if (s.isKan()) {
                groups.computeIfAbsent(label(s.configuration()), k -> new ArrayList<>()).add(s);
            }
        }
        List<GridSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<ConfigurationSummary>> g : groups.entrySet()) {
            List<ConfigurationSummary> members = new ArrayList<>(g.getValue());
            members.sort(java.util.Comparator.comparingInt(m -> m.configuration().finalGrid()));
            series.add(new GridSeries(g.getKey(), members.get(0).configuration().model().degree(), members));
        }
        return series;
    }

    /** What a series shares within a study (one optimizer chain): widths, degree, interior points. */
    private static String label(StudyCell c) {
        ModelSpec m = c.model();
        return "KAN " + java.util.Arrays.toString(m.widths()) + " k=" + m.degree() + ", " + c.interior() + " points";
    }

    /** The final grid sizes. */
    public double[] grids() {
        return members.stream().mapToDouble(m -> m.configuration().finalGrid()).toArray();
    }

    /** The median relative L2 errors. */
    public double[] medians() {
        return members.stream().mapToDouble(m -> m.relativeL2().median()).toArray();
    }

    /** The fitted order, present when there are at least three grid sizes with finite positive errors. */
    public Optional<ConvergenceOrder> order() {
        double[] e = medians();
        if (e.length < 3 || java.util.Arrays.stream(e).anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            return Optional.empty();
        }
        return Optional.of(ConvergenceOrder.fit(grids(), e));
    }
}
