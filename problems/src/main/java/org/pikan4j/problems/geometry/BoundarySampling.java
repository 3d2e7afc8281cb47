package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/**
 * Samples a {@link BoundaryModel}: points are spread over the pieces in proportion to their measure;
 * when the model has a filter, candidates are oversampled until enough survive on every piece.
 */
final class BoundarySampling {

    private BoundarySampling() {
    }

    static BoundarySample sample(AbstractDomain domain, int n, PointSampler sampler) {
        Checks.count(n);
        Arguments.notNull("sampler", sampler);
        BoundaryModel model = domain.boundaryModel();
        PieceCatalog catalog = PieceCatalog.of(domain, model.pieces());
        List<BoundaryPiece> pieces = model.pieces();
        double[] measures = new double[pieces.size()];
        for (int i = 0; i < measures.length; i++) {
            measures[i] = pieces.get(i).measure();
        }
        if (model.filter() == null) {
            Candidates all = draw(pieces, Allocation.proportional(n, measures), sampler, null);
            return all.toSample(null, catalog);
        }
        return filtered(pieces, measures, model.filter(), n, sampler, catalog);
    }

    private static BoundarySample filtered(List<BoundaryPiece> pieces, double[] measures,
            BoundaryModel.CandidateFilter filter, int n, PointSampler sampler, PieceCatalog catalog) {
        long cap = InteriorSampling.candidateCap(n);
        long m = n;
        for (int pass = 0; ; pass++) {
            int[] drawn = Allocation.proportional((int) m, measures);
            Candidates kept = draw(pieces, drawn, sampler, filter);
            double[] keptMeasures = new double[pieces.size()];
            int total = 0;
            for (int i = 0; i < keptMeasures.length; i++) {
                int k = kept.count(i);
                keptMeasures[i] = drawn[i] == 0 ? 0 : measures[i] * k / drawn[i];
                total += k;
            }
            if (total == 0) {
                if (m >= cap) {
                    throw new IllegalArgumentException("domain boundary appears empty: no boundary point found after "
                            + m + " candidate points on the operands' boundaries");
                }
                m = Math.min(cap, m * 16);
                continue;
            }
            if (!sampler.isExactCount()) {
                if (total >= n || pass > 0 || m >= cap) {
                    return kept.toSample(null, catalog);
                }
                m = Math.min(cap, (long) Math.ceil((double) m * n / total));
                continue;
            }
            int[] wanted = Allocation.proportional(n, keptMeasures);
            double shortfall = 1;
            for (int i = 0; i < wanted.length; i++) {
                shortfall = Math.max(shortfall, (double) wanted[i] / Math.max(1, kept.count(i)));
            }
            if (shortfall <= 1) {
                return kept.toSample(wanted, catalog);
            }
            if (m >= cap) {
                throw new IllegalArgumentException("domain boundary appears nearly empty: only " + total + " of " + m
                        + " candidate points lie on it, fewer than the n = " + n + " requested");
            }
            m = Math.min(cap, (long) Math.ceil(1.1 * m * shortfall) + pieces.size());
        }
    }

    private static Candidates draw(List<BoundaryPiece> pieces, int[] counts, PointSampler sampler,
            BoundaryModel.CandidateFilter filter) {
        Candidates result = new Candidates(pieces.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            BoundaryPiece piece = pieces.get(i);
            for (double[] u : sampler.sample(counts[i], piece.parameterDimension())) {
                BoundaryPiece.BoundaryPoint b = piece.map(u);
                double[] normal = filter == null ? b.normal() : filter.accept(b.point(), b.normal(), i);
                if (normal != null) {
                    result.add(i, piece.name(), b.point(), normal);
                }
            }
        }
        return result;
    }

    /** Accepted points grouped by piece, in sampler order. */
    private static final class Candidates {
        private final List<List<double[]>> points = new ArrayList<>();
        private final List<List<double[]>> normals = new ArrayList<>();
        private final String[] names;

        Candidates(int pieces) {
            names = new String[pieces];
            for (int i = 0; i < pieces; i++) {
                points.add(new ArrayList<>());
                normals.add(new ArrayList<>());
            }
        }

        void add(int piece, String name, double[] point, double[] normal) {
            names[piece] = name;
            points.get(piece).add(point);
            normals.get(piece).add(normal);
        }

        int count(int piece) {
            return points.get(piece).size();
        }

        /** @param take how many leading points of each piece to keep; null keeps all */
        BoundarySample toSample(int[] take, PieceCatalog catalog) {
            List<double[]> p = new ArrayList<>();
            List<double[]> q = new ArrayList<>();
            List<String> s = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                int k = take == null ? count(i) : take[i];
                p.addAll(points.get(i).subList(0, k));
                q.addAll(normals.get(i).subList(0, k));
                for (int j = 0; j < k; j++) {
                    s.add(names[i]);
                }
            }
            return new BoundarySample(p.toArray(new double[0][]), q.toArray(new double[0][]),
                    s.toArray(new String[0]), catalog);
        }
    }
}
