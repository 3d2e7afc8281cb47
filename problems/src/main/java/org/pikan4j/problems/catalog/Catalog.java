package org.pikan4j.problems.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ready problems by name. {@link #standard()} holds the built-in entries; to add one, write a
 * method returning a {@link CatalogEntry} (see {@link EllipticEntries}) and list it there.
 */
public final class Catalog {

    private final Map<String, CatalogEntry> entries;

    private Catalog(List<CatalogEntry> list) {
        Map<String, CatalogEntry> byName = new LinkedHashMap<>();
        for (CatalogEntry e : list) {
            if (byName.put(e.name(), e) != null) {
                throw new IllegalArgumentException("two catalog entries are named \"" + e.name() + "\"");
            }
        }
        this.entries = byName;
    }

    /**
     * The built-in entries: elliptic, time-dependent, flow and inverse problems with exact,
     * manufactured or numerical reference solutions.
     */
    public static Catalog standard() {
        return Holder.STANDARD;
    }

    /** The entries, in catalog order. */
    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry names, in catalog order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The entry with the given name.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public CatalogEntry entry(String name) {
        CatalogEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown problem \"" + name + "\"; valid: "
                    + String.join(", ", entries.keySet()));
        }
        return e;
    }

    /** Builds the standard entries on first use. */
    private static final class Holder {
        static final Catalog STANDARD = new Catalog(List.of(
                EllipticEntries.poisson2d(),
                EllipticEntries.helmholtz2d(),
                EllipticEntries.robin1d(),
                EllipticEntries.system1d(),
                PoissonEntries.poisson1d(),
                PoissonEntries.poisson2dSoft(),
                PoissonEntries.poisson3d(),
                PoissonEntries.poissonDisk(),
                LShapeEntries.laplaceLShape(),
                EllipticEntries.beam1d(),
                TimeEntries.diffusion1d(),
                TimeEntries.heat2d(),
                PeriodicEntries.advection1d(),
                PeriodicEntries.allenCahn1d(),
                PeriodicEntries.allenCahn1dSharp(),
                WaveEntries.wave1d(),
                WaveEntries.kleinGordon1d(),
                WaveEntries.kdv1d(),
                FlowEntries.burgers1d(),
                FlowEntries.burgers1dHalf(),
                FlowEntries.kovasznay(),
                FlowEntries.taylorGreen2d(),
                InverseEntries.inverseDiffusion1d()));
    }
}
