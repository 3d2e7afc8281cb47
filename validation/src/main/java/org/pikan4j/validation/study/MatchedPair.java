package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A KAN configuration and the MLP configuration of the same study (same points) whose parameter
 * count is nearest to it, when within a factor {@link #TOLERANCE}: the comparison at matched size.
 *
 * @param kan the KAN configuration
 * @param mlp the MLP configuration
 */
public record MatchedPair(ConfigurationSummary kan, ConfigurationSummary mlp) {

    /** The largest ratio of parameter counts still called matched. */
    public static final double TOLERANCE = 1.5;

    /** The pairs, one per KAN configuration that has a match, in KAN order. */
    public static List<MatchedPair> of(List<ConfigurationSummary> summaries) {
        List<MatchedPair> pairs = new ArrayList<>();
        for (ConfigurationSummary k : summaries) {
            if (!k.isKan()) {
                continue;
            }
            ConfigurationSummary best = null;
            double bestRatio = TOLERANCE;
            for (ConfigurationSummary m : summaries) {
                if (m.isKan() || m.configuration().interior() != k.configuration().interior()) {
                    continue;
                }
                double ratio = Math.max(k.parameters(), m.parameters()) / (double) Math.min(k.parameters(), m.parameters());
                if (ratio <= bestRatio) {
                    best = m;
                    bestRatio = ratio;
                }
            }
            if (best != null) {
                pairs.add(new MatchedPair(k, best));
            }
        }
        return pairs;
    }

    /** MLP median relative L2 over KAN median relative L2: above 1 when the KAN is more accurate. */
    public double errorRatio() {
        return mlp.relativeL2().median() / kan.relativeL2().median();
    }

    /** KAN median wall time over MLP median wall time. */
    public double timeRatio() {
        return kan.seconds().median() / mlp.seconds().median();
    }

    /** Whether every KAN seed beat every MLP seed, or the reverse: the ranges do not overlap. */
    public boolean separated() {
        return kan.relativeL2().max() < mlp.relativeL2().min() || mlp.relativeL2().max() < kan.relativeL2().min();
    }
}
