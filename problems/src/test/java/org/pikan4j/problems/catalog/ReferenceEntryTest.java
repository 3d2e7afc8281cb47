package org.pikan4j.problems.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.dsl.Problem;

/** Entries with a numerical reference name it instead of carrying exact solutions. */
class ReferenceEntryTest {

    @Test
    void burgersNamesItsReferenceAndCarriesNoExactSolution() {
        CatalogEntry burgers = Catalog.standard().entry("burgers1d");
        assertEquals(SolutionSource.REFERENCE, burgers.source());
        assertEquals(Optional.of(FlowEntries.BURGERS_REFERENCE), burgers.reference());
        assertTrue(burgers.exactExpressions().isEmpty());
        assertFalse(burgers.problem().hasExact("u"));
        // the mass balance that keeps its shock in place (README, Adaptive against fixed grids)
        assertEquals(List.of("conservation"), burgers.problem().conservationLawNames());
    }

    @Test
    void exactEntriesHaveNoReferenceName() {
        Catalog.standard().entries().stream().filter(e -> e.source() != SolutionSource.REFERENCE)
                .forEach(e -> assertTrue(e.reference().isEmpty(), e.name()));
    }

    @Test
    void referenceSourceNeedsTheReferenceFactory() {
        CatalogEntry burgers = Catalog.standard().entry("burgers1d");
        assertThrows(IllegalArgumentException.class, () -> CatalogEntry.of(burgers.problem(), "d",
                SolutionSource.REFERENCE, Map.of(), burgers.recommendation()));
        assertThrows(IllegalArgumentException.class, () -> CatalogEntry.ofReference(burgers.problem(), "d", " ",
                burgers.recommendation()));
    }

    @Test
    void withExactAttachesASolutionToACopy() {
        Problem p = Catalog.standard().entry("burgers1d").problem();
        Problem attached = p.withExact("u", x -> x[0] + x[1]);
        assertFalse(p.hasExact("u"));
        assertEquals(0.75, attached.exact("u", new double[][] {{0.5, 0.25}})[0]);
        assertThrows(IllegalArgumentException.class, () -> p.withExact("w", x -> 0.0));
    }
}
