package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.catalog.Catalog;

/** The Java side of study definitions: cells, defaults and the builder's checks. */
class StudyDefinitionTest {

    @Test
    void cellsAreEveryCombinationWithTheProblemsInputAndOutputWidths() {
        StudyDefinition s = StudyDefinition.builder("diffusion1d")
                .kan(KanSweep.of(4).withDepths(1, 2).withGrids(3, 8).withExtendFrom(5))
                .mlp(MlpSweep.of(6).withDepths(3))
                .seeds(7, 8)
                .build();
        List<StudyCell> cells = s.cells();
        assertEquals((2 * 2 + 1) * 2, cells.size());
        StudyCell first = cells.get(0);
        assertArrayEquals(new int[] {2, 4, 1}, first.model().widths());
        assertEquals(3, first.model().grid());
        assertEquals(0, first.model().extensions().length, "G = 3 <= 5 trains directly");
        assertEquals(7, first.seed());
        assertEquals(8, cells.get(1).seed());
        StudyCell extended = cells.get(2);
        assertEquals(5, extended.model().grid());
        assertArrayEquals(new int[] {8}, extended.model().extensions());
        assertEquals(8, extended.finalGrid());
        assertArrayEquals(new int[] {2, 4, 4, 1}, cells.get(4).model().widths());
        StudyCell mlp = cells.get(cells.size() - 1);
        assertEquals(ModelSpec.mlp(2, 6, 6, 6, 1), mlp.model());
        assertEquals(0, mlp.finalGrid());
    }

    @Test
    void extendFromChainsEveryListedGridBelowTheCellsGrid() {
        KanSweep sweep = KanSweep.of(2).withGrids(3, 5, 10, 20).withExtendFrom(3, 5, 10);
        List<StudyCell> cells = StudyDefinition.builder("poisson2d").kan(sweep).build().cells();
        assertEquals(List.of("3", "3-5", "3-5-10", "3-5-10-20"), cells.stream().map(StudyCell::schedule).toList());
        assertEquals(ModelSpec.kan(3, 3, 2, 2, 1).withExtensions(5, 10, 20), cells.get(3).model());
        assertEquals(20, cells.get(3).finalGrid());
    }

    @Test
    void unsetPartsComeFromTheCatalogRecommendation() {
        StudyDefinition s = StudyDefinition.builder("helmholtz2d").kan(KanSweep.of(5)).build();
        Recommendation r = Catalog.standard().entry("helmholtz2d").recommendation();
        assertEquals(List.of(r.collocation().interior()), s.interior());
        assertEquals(r.collocation().boundary(), s.boundary());
        assertEquals(r.optimizers(), s.optimizer());
        assertEquals(List.of(1L), s.seeds());
        assertEquals("helmholtz2d", s.name());
    }

    @Test
    void cellsOfOneConfigurationShareTheirConfiguration() {
        List<StudyCell> cells = StudyDefinition.builder("poisson1d").kan(KanSweep.of(3)).seeds(1, 2).build().cells();
        assertEquals(cells.get(0).configuration(), cells.get(1).configuration());
        assertTrue(!cells.get(0).equals(cells.get(1)));
    }

    @Test
    void builderChecksNameTheField() {
        assertMessage("problem: unknown problem \"nope\"", () -> StudyDefinition.builder("nope").kan(KanSweep.of(3)).build());
        assertMessage("a study needs a model family", () -> StudyDefinition.builder("poisson1d").build());
        assertMessage("points.interior[0] must be >= 1, got 0",
                () -> StudyDefinition.builder("poisson1d").kan(KanSweep.of(3)).interior(0).build());
        assertMessage("kan.degrees[0] must be >= 1, got 0", () -> KanSweep.of(3).withDegrees(0));
        assertMessage("kan.widths must list at least one value", () -> KanSweep.of());
        assertMessage("mlp.widths[1] repeats 4", () -> MlpSweep.of(4, 4));
        assertMessage("points.initial must be >= 0, got -2",
                () -> StudyDefinition.builder("poisson1d").kan(KanSweep.of(3)).initial(-2).build());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(expected), x.getMessage());
    }
}
