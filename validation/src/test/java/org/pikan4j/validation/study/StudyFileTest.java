package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.OptimizerPlan;

/** Study files: the format, its defaults, and a message naming the field for every kind of mistake. */
class StudyFileTest {

    private static final String VALID = """
            // comments are allowed
            {"name": "p", "problem": "poisson2d",
             "kan": {"widths": [5, 10], "grids": [3, 5], "degrees": [3], "extendFrom": 3},
             "mlp": {"widths": [20], "depths": [2, 3]},
             "points": {"interior": [500, 1000], "boundary": 0},
             "optimizer": {"adam": 10, "lbfgs": 20},
             "seeds": [1, 2]}
            """;

    @Test
    void readsEveryPartAndTakesTheRestFromTheCatalogEntry() {
        StudyDefinition s = StudyFile.parse(VALID, "test.json");
        assertEquals("p", s.name());
        assertEquals(List.of(5, 10), s.kan().orElseThrow().widths());
        assertEquals(List.of(3), s.kan().orElseThrow().extendFrom());
        assertEquals(List.of(2, 3), s.mlp().orElseThrow().depths());
        assertEquals(List.of(500, 1000), s.interior());
        OptimizerPlan recommended = Catalog.standard().entry("poisson2d").recommendation().optimizers();
        assertEquals(recommended.withAdamSteps(10).withLbfgsSteps(20), s.optimizer());
        assertEquals(List.of(1L, 2L), s.seeds());
        // (2 widths x 2 grids + 2 depths) models x 2 point counts x 2 seeds
        assertEquals((2 * 2 + 2) * 2 * 2, s.cells().size());
    }

    @Test
    void writtenFileReadsBackToTheSameCells() {
        StudyDefinition s = StudyFile.parse(VALID, "test.json");
        StudyDefinition back = StudyFile.parse(StudyFile.write(s), "written");
        assertEquals(s.cells(), back.cells());
        assertEquals(s.name(), back.name());
    }

    @Test
    void aDenseHistoryReadsWritesAndReadsBack() {
        StudyDefinition s = StudyFile.parse(VALID.replace("\"lbfgs\": 20}", "\"lbfgs\": 20, \"history\": \"dense\"}"),
                "dense.json");
        assertTrue(s.optimizer().denseInverse());
        assertEquals(0, s.optimizer().lbfgsHistory());
        String written = StudyFile.write(s);
        assertTrue(written.contains("\"history\" : \"dense\""), written);
        assertEquals(s.cells(), StudyFile.parse(written, "written").cells());
        assertTrue(!StudyFile.parse(VALID, "test.json").optimizer().denseInverse(), "pairs unless asked");
    }

    @Test
    void aBareValueIsAListOfOne() {
        StudyDefinition s = StudyFile.parse("{\"problem\": \"poisson1d\", \"kan\": {\"widths\": 4, \"grids\": 7},"
                + " \"seeds\": 3}", "bare");
        assertEquals(List.of(4), s.kan().orElseThrow().widths());
        assertEquals(List.of(7), s.kan().orElseThrow().grids());
        assertEquals(List.of(3L), s.seeds());
        assertEquals("poisson1d", s.name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown problem | {\"problem\": \"poison2d\", \"kan\": {\"widths\": 5}} | problem: unknown problem \"poison2d\"; valid: poisson2d",
        "negative grid | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"grids\": [5, -5]}} | kan.grids[1] must be >= 1, got -5",
        "empty sweep | {\"problem\": \"poisson2d\", \"mlp\": {\"widths\": []}} | mlp.widths must list at least one value, got []",
        "unknown key | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"grdis\": [5]}} | unknown key \"grdis\" in kan (did you mean \"grids\"?); valid keys: widths, depths, grids, degrees, extendFrom",
        "unknown top-level key | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"seed\": 1} | unknown key \"seed\" (did you mean \"seeds\"?)",
        "string for integer | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"degrees\": [\"3\"]}} | kan.degrees[0] must be an integer, got \"3\" (a string)",
        "fraction for integer | {\"problem\": \"poisson2d\", \"points\": {\"interior\": 2.5}, \"kan\": {\"widths\": 5}} | points.interior must be an integer, got 2.5 (a number with a fraction)",
        "number for problem | {\"problem\": 2, \"kan\": {\"widths\": 5}} | problem must be a string, got 2",
        "list for object | {\"problem\": \"poisson2d\", \"kan\": [5]} | kan must be an object {...}, got [5] (a list)",
        "null value | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"grids\": null}} | kan.grids must be an integer, got null",
        "missing problem | {\"kan\": {\"widths\": 5}} | problem is missing",
        "no model family | {\"problem\": \"poisson2d\"} | a study needs a model family: give kan, mlp or both",
        "missing widths | {\"problem\": \"poisson2d\", \"kan\": {\"grids\": 5}} | kan.widths is missing",
        "zero depth | {\"problem\": \"poisson2d\", \"mlp\": {\"widths\": 5, \"depths\": [0]}} | mlp.depths[0] must be >= 1, got 0",
        "repeated grid | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"grids\": [5, 10, 5]}} | kan.grids[2] repeats 5; list each value once",
        "negative extendFrom | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"extendFrom\": -1}} | kan.extendFrom must list increasing grid sizes >= 1, got -1 at kan.extendFrom[0]",
        "extendFrom not increasing | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"extendFrom\": [5, 3]}} | got 3 at kan.extendFrom[1]",
        "repeated seed | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"seeds\": [1, 1]} | seeds[1] repeats 1; list each seed once",
        "empty seeds | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"seeds\": []} | seeds must list at least one seed",
        "negative boundary | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"points\": {\"boundary\": -1}} | points.boundary must be >= 0, got -1",
        "unknown history | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"optimizer\": {\"history\": \"full\"}} | optimizer.history must be a number of L-BFGS pairs or \"dense\", got \"full\"",
        "bad learning rate | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"optimizer\": {\"lr\": -0.1}} | optimizer: learning rate must be finite and > 0, got -0.1",
        "no steps | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"optimizer\": {\"adam\": 0, \"lbfgs\": 0}} | optimizer: adam, lbfgs and lm steps must be >= 0 and not all 0",
        "bad name | {\"problem\": \"poisson2d\", \"name\": \"my study\", \"kan\": {\"widths\": 5}} | name must be letters, digits",
        "duplicate key | {\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5}, \"kan\": {\"widths\": 6}} | not valid JSON at line 1",
        "broken JSON | '{\"problem\": \"poisson2d\",\n \"kan\": {\"widths\": 5}' | not valid JSON at line 2",
        "not an object | [1, 2] | the study must be an object {...}",
        "empty file | '' | the file is empty"})
    void rejectsMistakesNamingTheField(String what, String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudyFile.parse(json.replace("\\n", "\n"), "typo.json"), what);
        assertTrue(e.getMessage().startsWith("study file typo.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void everyPresetParsesAndNamesItsProblem() {
        for (String name : StudyPresets.NAMES) {
            StudyDefinition s = StudyPresets.named(name);
            assertEquals(name, s.name());
            assertTrue(Catalog.standard().names().contains(s.problem()), name);
            assertTrue(!s.cells().isEmpty(), name);
        }
    }

    @Test
    void unknownPresetNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyPresets.named("poisson"));
        assertTrue(e.getMessage().contains("unknown study preset \"poisson\"; valid: poisson2d, poisson2d-grid"),
                e.getMessage());
    }
}
