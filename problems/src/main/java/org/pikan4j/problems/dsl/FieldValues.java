package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * The fields of a trained network at arbitrary points, output transforms applied: each field is
 * run through the engine as a "residual" {@code r = field}, whose weighted residual vector
 * {@code sqrt(1 / N) · r} is scaled back.
 */
final class FieldValues {

    private FieldValues() {
    }

    static double[][] of(Problem problem, Network network, Backend backend, double[] theta, double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("fieldValues needs at least one point, got none");
        }
        Schema schema = problem.schema();
        List<MultiIndex> valueOnly = List.of(MultiIndex.value(schema.coordinates().size()));
        List<ResidualTerm> terms = new ArrayList<>();
        for (int k = 0; k < schema.fields().size(); k++) {
            int field = k;
            String owner = "the value of field \"" + schema.fields().get(k) + "\"";
            terms.add(ResidualTerm.of(schema.fields().get(k), points, valueOnly, block ->
                    Scope.of(schema, Points.of(block), TermData.NONE, false, null, owner).field(field).jet()));
        }
        PinnLoss loss = new PinnLoss(network, backend, terms, schema.coordinates(), schema.coefficients().size());
        double[] stacked = new double[loss.residualCount()];
        loss.residuals(theta, stacked, null);
        double scale = Math.sqrt(points.length);
        double[][] values = new double[terms.size()][points.length];
        for (int k = 0; k < values.length; k++) {
            for (int n = 0; n < points.length; n++) {
                values[k][n] = stacked[k * points.length + n] * scale;
            }
        }
        return values;
    }
}
