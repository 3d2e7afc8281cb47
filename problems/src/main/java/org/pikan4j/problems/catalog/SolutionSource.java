package org.pikan4j.problems.catalog;

import java.util.Locale;

/** Where a catalog entry's reference solution comes from. */
public enum SolutionSource {
    /** A classical closed-form solution of the stated PDE. */
    EXACT,
    /** A chosen closed form with the source term computed from it (method of manufactured solutions). */
    MANUFACTURED,
    /**
     * A numerical reference solution computed outside the catalog (e.g. Burgers by the Cole-Hopf
     * transformation and quadrature); see {@link CatalogEntry#reference()}.
     */
    REFERENCE;

    /** {@code exact}, {@code manufactured} or {@code reference}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
