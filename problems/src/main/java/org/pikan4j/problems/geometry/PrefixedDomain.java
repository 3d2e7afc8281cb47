package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/** A domain whose boundary pieces are renamed {@code prefix.name}; everything else is delegated. */
final class PrefixedDomain extends AbstractDomain {

    private final AbstractDomain domain;
    private final String prefix;
    private final BoundaryModel model;

    PrefixedDomain(AbstractDomain domain, String prefix) {
        Arguments.notNull("piece prefix", prefix);
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("piece prefix must not be blank, got \"" + prefix + "\"");
        }
        this.domain = domain;
        this.prefix = prefix;
        BoundaryModel inner = domain.boundaryModel();
        List<BoundaryPiece> pieces = new ArrayList<>();
        for (BoundaryPiece piece : inner.pieces()) {
            pieces.add(new RenamedPiece(prefix + "." + piece.name(), piece));
        }
        this.model = new BoundaryModel(pieces, inner.filter());
    }

    @Override
    public int dimension() {
        return domain.dimension();
    }

    @Override
    public List<String> coordinateNames() {
        return domain.coordinateNames();
    }

    @Override
    public double[] lowerBounds() {
        return domain.lowerBounds();
    }

    @Override
    public double[] upperBounds() {
        return domain.upperBounds();
    }

    @Override
    public double measure() {
        return domain.measure();
    }

    @Override
    double distance(double[] p) {
        return domain.distance(p);
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    @Override
    public String toString() {
        return domain + " with pieces prefixed \"" + prefix + ".\"";
    }
}
