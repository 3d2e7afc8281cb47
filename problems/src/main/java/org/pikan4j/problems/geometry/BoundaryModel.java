package org.pikan4j.problems.geometry;

import java.util.List;

/**
 * How a domain's boundary is sampled: parametrised pieces, and, for set operations, a filter that
 * decides which candidate points on those pieces lie on the boundary of the result.
 *
 * @param pieces the pieces, candidates for the boundary
 * @param filter null if every point of every piece is on the boundary
 */
record BoundaryModel(List<BoundaryPiece> pieces, CandidateFilter filter) {

    BoundaryModel {
        pieces = List.copyOf(pieces);
    }

    static BoundaryModel exact(List<BoundaryPiece> pieces) {
        return new BoundaryModel(pieces, null);
    }

    /** Decides whether a candidate lies on the boundary, and orients its normal. */
    @FunctionalInterface
    interface CandidateFilter {

        /**
         * @param point      a point on piece {@code pieceIndex}
         * @param normal     that piece's outward unit normal at the point
         * @param pieceIndex index into {@link BoundaryModel#pieces()}
         * @return the outward unit normal of the domain at the point, or null if the point is not
         *         on the boundary (or is already covered by an earlier piece)
         */
        double[] accept(double[] point, double[] normal, int pieceIndex);
    }
}
