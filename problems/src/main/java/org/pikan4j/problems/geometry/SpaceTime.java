package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/**
 * A spatial domain times a time interval, {@code space x [t0, t1]}, with the time coordinate "t"
 * last (points are {@code {x, (y, (z,)) t}}).
 *
 * <ul>
 *   <li>Interior points lie strictly inside the space and strictly between t0 and t1.</li>
 *   <li>The boundary ({@link #sampleBoundary}) is the lateral boundary: the spatial boundary times
 *       {@code (t0, t1]}, with the spatial piece names and normals {@code (n_space, 0)}. The
 *       initial slice is not part of it.</li>
 *   <li>The initial slice {@code t = t0} is sampled by {@link #sampleInitial}.</li>
 * </ul>
 */
public final class SpaceTime extends AbstractDomain {

    private final AbstractDomain space;
    private final double t0;
    private final double t1;
    private final BoundaryModel model;

    private SpaceTime(AbstractDomain space, double t0, double t1) {
        this.space = space;
        this.t0 = t0;
        this.t1 = t1;
        BoundaryModel spatial = space.boundaryModel();
        List<BoundaryPiece> pieces = new ArrayList<>();
        for (BoundaryPiece piece : spatial.pieces()) {
            pieces.add(new ExtrudedPiece(piece, t0, t1));
        }
        BoundaryModel.CandidateFilter filter = spatial.filter();
        this.model = new BoundaryModel(pieces, filter == null ? null : (point, normal, index) -> {
            double[] n = filter.accept(spatialPart(point), spatialPart(normal), index);
            return n == null ? null : Arrays.copyOf(n, n.length + 1);
        });
    }

    /**
     * @param space a spatial domain (not itself a space-time domain)
     * @param t0    the initial time, finite
     * @param t1    the final time, finite, {@code > t0}
     * @return the space-time cylinder
     */
    public static SpaceTime of(Domain space, double t0, double t1) {
        Arguments.notNull("SpaceTime space", space);
        if (space.coordinateNames().contains("t")) {
            throw new IllegalArgumentException("SpaceTime space must be a spatial domain, got one that already has a "
                    + "time coordinate: " + space.coordinateNames());
        }
        Checks.ordered("SpaceTime", "t0", t0, "t1", t1);
        return new SpaceTime((AbstractDomain) space, t0, t1);
    }

    /** @return the spatial domain */
    public Domain space() {
        return space;
    }

    /** @return the initial time */
    public double t0() {
        return t0;
    }

    /** @return the final time */
    public double t1() {
        return t1;
    }

    /**
     * Samples the initial slice: points strictly inside the space, with {@code t = t0}.
     *
     * @param n       number of points, {@code >= 1}
     * @param sampler the point sampler
     * @return the points {@code {x, ..., t0}}
     */
    public double[][] sampleInitial(int n, PointSampler sampler) {
        double[][] spatial = space.sampleInterior(n, sampler);
        double[][] points = new double[spatial.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = Arrays.copyOf(spatial[i], spatial[i].length + 1);
            points[i][spatial[i].length] = t0;
        }
        return points;
    }

    @Override
    public int dimension() {
        return space.dimension() + 1;
    }

    @Override
    public List<String> coordinateNames() {
        List<String> names = new ArrayList<>(space.coordinateNames());
        names.add("t");
        return List.copyOf(names);
    }

    @Override
    public double[] lowerBounds() {
        double[] lo = Arrays.copyOf(space.lowerBounds(), dimension());
        lo[lo.length - 1] = t0;
        return lo;
    }

    @Override
    public double[] upperBounds() {
        double[] hi = Arrays.copyOf(space.upperBounds(), dimension());
        hi[hi.length - 1] = t1;
        return hi;
    }

    @Override
    public double measure() {
        return space.measure() * (t1 - t0);
    }

    @Override
    double distance(double[] p) {
        double ds = space.distance(spatialPart(p));
        double t = p[p.length - 1];
        double dt = Math.max(t0 - t, t - t1);
        if (ds > 0 && dt > 0) {
            return Math.hypot(ds, dt);
        }
        return Math.max(ds, dt);
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    private static double[] spatialPart(double[] p) {
        return Arrays.copyOf(p, p.length - 1);
    }

    @Override
    public String toString() {
        return "SpaceTime[" + space + " x [" + t0 + ", " + t1 + "]]";
    }
}
