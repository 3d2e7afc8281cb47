package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Union, difference or intersection of two domains. Its boundary candidates are the pieces of both
 * operands; a candidate is kept when stepping a little along its normal leaves the result and
 * stepping a little against it enters the result (the normal is flipped when it is the other way
 * round, as on the boundary of a subtracted shape). Where pieces of the operands coincide, only the
 * first keeps the point, so shared boundary is not sampled twice.
 */
final class CsgDomain extends AbstractDomain {

    /** The set operation. */
    enum Operation {
        UNION("union"), DIFFERENCE("difference"), INTERSECTION("intersection");

        private final String word;

        Operation(String word) {
            this.word = word;
        }
    }

    private static final int MEASURE_SAMPLES = 1 << 15;

    private final Operation operation;
    private final AbstractDomain a;
    private final AbstractDomain b;
    private final BoundaryModel model;
    private final double tolerance;
    private final double probeStep;

    private CsgDomain(Operation operation, AbstractDomain a, AbstractDomain b) {
        this.operation = operation;
        this.a = a;
        this.b = b;
        List<BoundaryPiece> pieces = new ArrayList<>(a.boundaryModel().pieces());
        pieces.addAll(b.boundaryModel().pieces());
        this.model = new BoundaryModel(pieces, this::accept);
        this.tolerance = tolerance();
        this.probeStep = probeStep();
    }

    static Domain of(Operation operation, AbstractDomain a, Domain b) {
        Checks.sameDimension(operation.word, a, b);
        return new CsgDomain(operation, a, (AbstractDomain) b);
    }

    @Override
    public int dimension() {
        return a.dimension();
    }

    @Override
    public List<String> coordinateNames() {
        return a.coordinateNames();
    }

    @Override
    public double[] lowerBounds() {
        double[] lo = a.lowerBounds();
        double[] other = b.lowerBounds();
        for (int j = 0; j < lo.length; j++) {
            if (operation == Operation.UNION) {
                lo[j] = Math.min(lo[j], other[j]);
            } else if (operation == Operation.INTERSECTION) {
                lo[j] = Math.max(lo[j], other[j]);
            }
        }
        return lo;
    }

    @Override
    public double[] upperBounds() {
        double[] hi = a.upperBounds();
        double[] other = b.upperBounds();
        for (int j = 0; j < hi.length; j++) {
            if (operation == Operation.UNION) {
                hi[j] = Math.max(hi[j], other[j]);
            } else if (operation == Operation.INTERSECTION) {
                hi[j] = Math.min(hi[j], other[j]);
            }
        }
        return hi;
    }

    /** Quasi-Monte-Carlo estimate: bounding-box volume times the fraction of Sobol points inside. */
    @Override
    public double measure() {
        double[] lo = lowerBounds();
        double[] hi = upperBounds();
        double volume = 1;
        for (int j = 0; j < lo.length; j++) {
            if (!(lo[j] < hi[j])) {
                return 0;
            }
            volume *= hi[j] - lo[j];
        }
        int inside = 0;
        double[] p = new double[lo.length];
        for (double[] u : PointSampler.sobol().sample(MEASURE_SAMPLES, lo.length)) {
            for (int j = 0; j < p.length; j++) {
                p[j] = lo[j] + u[j] * (hi[j] - lo[j]);
            }
            if (distance(p) < 0) {
                inside++;
            }
        }
        return volume * inside / MEASURE_SAMPLES;
    }

    @Override
    double distance(double[] p) {
        double da = a.distance(p);
        double db = b.distance(p);
        return switch (operation) {
            case UNION -> Math.min(da, db);
            case INTERSECTION -> Math.max(da, db);
            case DIFFERENCE -> Math.max(da, -db);
        };
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    private double[] accept(double[] point, double[] normal, int pieceIndex) {
        List<BoundaryPiece> pieces = model.pieces();
        for (int j = 0; j < pieceIndex; j++) {
            if (pieces.get(j).distance(point) <= tolerance) {
                return null;
            }
        }
        double outward = distance(shift(point, normal, probeStep));
        double inward = distance(shift(point, normal, -probeStep));
        if (outward > 0 && inward < 0) {
            return normal;
        }
        if (outward < 0 && inward > 0) {
            double[] flipped = new double[normal.length];
            for (int j = 0; j < normal.length; j++) {
                flipped[j] = -normal[j];
            }
            return flipped;
        }
        return null;
    }

    private double probeStep() {
        double[] lo = a.lowerBounds();
        double[] hi = a.upperBounds();
        double diameter = 0;
        for (int j = 0; j < lo.length; j++) {
            diameter = Math.max(diameter, hi[j] - lo[j]);
        }
        return 1e-7 * diameter + 10 * tolerance();
    }

    private static double[] shift(double[] p, double[] direction, double step) {
        double[] q = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            q[j] = p[j] + step * direction[j];
        }
        return q;
    }

    @Override
    public String toString() {
        return "(" + a + " " + operation.word + " " + b + ")";
    }
}
