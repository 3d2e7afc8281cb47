package org.pikan4j.problems.geometry;

/** A boundary piece under another name. */
final class RenamedPiece implements BoundaryPiece {

    private final String name;
    private final BoundaryPiece piece;

    RenamedPiece(String name, BoundaryPiece piece) {
        this.name = name;
        this.piece = piece;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double measure() {
        return piece.measure();
    }

    @Override
    public int parameterDimension() {
        return piece.parameterDimension();
    }

    @Override
    public BoundaryPoint map(double[] u) {
        return piece.map(u);
    }

    @Override
    public double distance(double[] p) {
        return piece.distance(p);
    }

    @Override
    public Plane plane() {
        return piece.plane();
    }
}
