package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.BoundarySample;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Domain;

/**
 * Periodic conditions from declaration to evaluation: the two terms per field and coordinate
 * (value and first-derivative mismatch between opposite faces of the bounding box), their loss
 * terms on a boundary sample, and their mismatches for closed-form trial fields.
 */
final class PeriodicTerms {

    static final String KIND = "periodic";

    private PeriodicTerms() {
    }

    /**
     * The specs of periodic conditions along the given coordinates: for each coordinate and field,
     * the value term then the derivative term.
     *
     * @throws IllegalArgumentException for a coordinate that is not spatial, or a field with an output transform
     */
    static List<TermSpec> specs(List<String> coordinates, Schema schema, Domain domain) {
        List<TermSpec> out = new ArrayList<>();
        for (String c : coordinates) {
            int axis = axis(c, schema, domain);
            if (!schema.transforms().isEmpty()) {
                String field = schema.fields().get(schema.transforms().keySet().iterator().next());
                throw new IllegalArgumentException("periodic(\"" + c + "\") and the output transform of field \""
                        + field + "\" are not supported together (the paired terms see the network N, not g + d*N);"
                        + " use periodicByEmbedding(\"" + c + "\") instead, or drop the output transform");
            }
            double lo = domain.lowerBounds()[axis];
            double hi = domain.upperBounds()[axis];
            for (int k = 0; k < schema.fields().size(); k++) {
                String field = schema.fields().size() > 1 ? schema.fields().get(k) : null;
                for (boolean derivative : new boolean[] {false, true}) {
                    Periodicity p = new Periodicity(c, axis, lo, hi, derivative);
                    out.add(new TermSpec(TermNames.periodic(c, field, derivative), KIND, "boundary", k, null,
                            TermSpec.Where.PERIODIC, p.face(), TermData.NONE,
                            p.derivatives(schema.coordinates().size()), 1.0, p));
                }
            }
        }
        return out;
    }

    /**
     * The input embedding that makes a network periodic along the given coordinates (period: the
     * bounding box's length along each), or null for none.
     *
     * @throws IllegalArgumentException for a coordinate that is not spatial
     */
    static PeriodicEmbedding embedding(List<String> coordinates, Schema schema, Domain domain) {
        if (coordinates.isEmpty()) {
            return null;
        }
        PeriodicEmbedding e = PeriodicEmbedding.of(schema.coordinates().size());
        for (String c : coordinates) {
            int axis = axis(c, schema, domain);
            e = e.withPeriod(axis, domain.upperBounds()[axis] - domain.lowerBounds()[axis]);
        }
        return e;
    }

    private static int axis(String c, Schema schema, Domain domain) {
        if (!schema.spatial().contains(c)) {
            String why = schema.coordinates().contains(c) ? "\"" + c + "\" is the time coordinate of " + domain
                    : "unknown coordinate \"" + c + "\" in problem \"" + schema.problem() + "\"";
            throw new IllegalArgumentException("periodic(\"" + c + "\"): " + why + "; periodic conditions are along"
                    + " a spatial coordinate, valid are " + schema.spatial());
        }
        return schema.coordinates().indexOf(c);
    }

    /**
     * The boundary points on the term's lower face.
     *
     * @throws IllegalArgumentException when the sample has no point on that face
     */
    static TermData data(Problem problem, TermSpec spec, BoundarySample boundary) {
        Periodicity p = spec.periodicity();
        requireFaces(problem, spec, p, boundary);
        BoundarySample face = boundary == null ? null : boundary.select(spec.selector());
        if (face == null || face.isEmpty()) {
            throw new IllegalArgumentException("term \"" + spec.name() + "\" pairs boundary points on the face "
                    + p.coordinate() + " = " + p.lo() + " with the face " + p.coordinate() + " = " + p.hi()
                    + ", but none of the " + (boundary == null ? 0 : boundary.size()) + " boundary points sampled on "
                    + problem.domain() + " lies on it" + (boundary == null ? "" : " (pieces and their points: "
                    + boundary.countsByPiece() + ")") + "; sample more boundary points, on a box-shaped domain");
        }
        return new TermData(face.points(), face.normals(), null);
    }

    /**
     * Both faces must be boundary pieces lying in the planes {@code coordinate = lo} and {@code = hi}: on a domain
     * that is not box-shaped along the coordinate (a disk, say) a point or two may touch the bounding box, but
     * pairing them is no periodic condition.
     */
    private static void requireFaces(Problem problem, TermSpec spec, Periodicity p, BoundarySample boundary) {
        if (boundary == null) {
            return;
        }
        for (double plane : new double[] {p.lo(), p.hi()}) {
            try {
                boundary.select(BoundarySelector.named(p.coordinate() + "=" + plane));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("term \"" + spec.name() + "\" needs boundary faces in the planes "
                        + p.coordinate() + " = " + p.lo() + " and " + p.coordinate() + " = " + p.hi() + ", but "
                        + problem.domain() + " has no boundary piece in the plane " + p.coordinate() + " = " + plane
                        + " (" + e.getMessage() + "); periodic conditions need a domain that is box-shaped along "
                        + p.coordinate(), e);
            }
        }
    }

    /** The engine's paired term on the face's points and their partners. */
    static ResidualTerm term(TermSpec spec, TermData data) {
        Periodicity p = spec.periodicity();
        int dimension = data.points()[0].length;
        return ResidualTerm.paired(spec.name(), data.points(), p.partners(data.points()),
                spec.derivatives().components(), p.residual(spec.field(), dimension)).withWeight(spec.weight());
    }

    /**
     * The mismatch of closed-form trial fields between the term's points and their partners:
     * round-off level for an exactly periodic trial.
     */
    static double[] mismatch(Schema schema, TermSpec spec, TermData data, CoordinateExpression[] trial,
                             double[] coefficients) {
        Periodicity p = spec.periodicity();
        String owner = "term \"" + spec.name() + "\"";
        double[][] points = data.points();
        double[][] partners = p.partners(points);
        Expr here = p.side(Scope.of(schema, Points.onTape(points, spec.derivatives(), 0.0, coefficients),
                new TermData(points, null, null), false, trial, owner).field(spec.field()));
        Expr there = p.side(Scope.of(schema, Points.onTape(partners, spec.derivatives(), 0.0, coefficients),
                new TermData(partners, null, null), false, trial, owner).field(spec.field()));
        double[] out = new double[points.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = here.jet().value(n) - there.jet().value(n);
        }
        return out;
    }
}
