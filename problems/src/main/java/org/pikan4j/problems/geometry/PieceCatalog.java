package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pikan4j.core.util.Arguments;

/**
 * The boundary piece names of a domain and their plane aliases: a piece lying in the plane
 * {@code x = 0} can also be named "x=0" (any spelling of the number: "x=0.0", "x=0e0").
 */
final class PieceCatalog {

    private record PlaneName(int axis, double value, String name) {
    }

    private final List<String> names;
    private final List<PlaneName> planes;
    private final List<String> coordinates;

    private PieceCatalog(List<String> names, List<PlaneName> planes, List<String> coordinates) {
        this.names = names;
        this.planes = planes;
        this.coordinates = coordinates;
    }

    static PieceCatalog of(Domain domain, List<BoundaryPiece> pieces) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        LinkedHashSet<PlaneName> planes = new LinkedHashSet<>();
        for (BoundaryPiece piece : pieces) {
            names.add(piece.name());
            BoundaryPiece.Plane plane = piece.plane();
            if (plane != null) {
                planes.add(new PlaneName(plane.axis(), plane.value(), piece.name()));
            }
        }
        return new PieceCatalog(List.copyOf(names), List.copyOf(planes), domain.coordinateNames());
    }

    /** @return the distinct piece names */
    List<String> names() {
        return names;
    }

    /** @return the plane aliases, e.g. "x=0" */
    List<String> aliases() {
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        for (PlaneName p : planes) {
            aliases.add(coordinates.get(p.axis()) + "=" + format(p.value()));
        }
        return new ArrayList<>(aliases);
    }

    /**
     * @param nameOrAlias a piece name or a plane alias "coordinate=value"
     * @return the piece names it denotes, never empty
     * @throws IllegalArgumentException if it denotes no piece; the message lists the valid names
     */
    Set<String> resolve(String nameOrAlias) {
        Arguments.notNull("boundary piece name", nameOrAlias);
        if (names.contains(nameOrAlias)) {
            return Set.of(nameOrAlias);
        }
        Set<String> matches = new LinkedHashSet<>();
        int eq = nameOrAlias.indexOf('=');
        if (eq > 0) {
            int axis = coordinates.indexOf(nameOrAlias.substring(0, eq).trim());
            Double value = parse(nameOrAlias.substring(eq + 1).trim());
            for (PlaneName p : planes) {
                if (axis == p.axis() && value != null
                        && Math.abs(p.value() - value) <= 1e-9 * Math.max(1, Math.abs(value))) {
                    matches.add(p.name());
                }
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("unknown boundary piece \"" + nameOrAlias
                    + "\"; valid pieces are " + names + (planes.isEmpty() ? "" : " and the planes " + aliases()));
        }
        return matches;
    }

    /**
     * @param coordinate a coordinate name
     * @return its index
     * @throws IllegalArgumentException if the domain has no such coordinate
     */
    int coordinateIndex(String coordinate) {
        int index = coordinates.indexOf(coordinate);
        if (index < 0) {
            throw new IllegalArgumentException("unknown coordinate \"" + coordinate + "\"; valid coordinates are "
                    + coordinates);
        }
        return index;
    }

    int dimension() {
        return coordinates.size();
    }

    private static Double parse(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
