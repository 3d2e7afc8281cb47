package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;

/** Rows of results.csv read back to the same cell and numbers. */
class CellResultTest {

    private static final OptimizerPlan PLAN = new OptimizerPlan(300, 0.003, 1000, 20, 5);

    @Test
    void extendedKanRowRoundTrips() {
        StudyCell cell = new StudyCell("poisson2d", ModelSpec.kan(5, 3, 2, 10, 1).withExtensions(20), 2000, 0, 0,
                PLAN, 3);
        CellResult r = new CellResult(cell, 750, 2300, 12.345, 1.0e-7, 3.1e-5, 9.9e-5, 2.7e-5, "BUDGET");
        String row = r.toCsv();
        assertTrue(row.startsWith("poisson2d,kan,2x10x1,750,20,3,5-20,2000,0,0,300,0.003,1000,20,5,3,2300,12.345,"), row);
        assertEquals(CellResult.COLUMNS.size(), row.split(",", -1).length);
        assertEquals(r, CellResult.fromCsv(row));
    }

    @Test
    void denseInverseRowSaysDenseInTheHistoryColumnAndRoundTrips() {
        StudyCell cell = new StudyCell("allen-cahn1d", ModelSpec.kan(10, 3, 3, 8, 8, 1), 3000, 0, 0,
                PLAN.withDenseInverse(), 2);
        CellResult r = new CellResult(cell, 2400, 900, 60.0, 1.0e-8, 3.4e-4, 7.7e-3, 1.1e-4, "BUDGET");
        String row = r.toCsv();
        assertTrue(row.contains(",300,0.003,1000,dense,5,2,"), row);
        assertEquals(r, CellResult.fromCsv(row));
    }

    @Test
    void mlpRowLeavesGridColumnsEmptyAndRoundTrips() {
        StudyCell cell = new StudyCell("helmholtz2d", ModelSpec.mlp(2, 19, 19, 1), 1500, 0, 0, PLAN, 1);
        CellResult r = new CellResult(cell, 457, 1300, 40.5, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                "NON_FINITE");
        String row = r.toCsv();
        assertTrue(row.contains(",mlp,2x19x19x1,457,,,,1500,"), row);
        CellResult back = CellResult.fromCsv(row);
        assertEquals(cell, back.cell());
        assertTrue(Double.isNaN(back.relativeL2()));
    }

    @Test
    void malformedRowsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellResult.fromCsv("poisson2d,kan,2x10"))
                .getMessage().contains("has 23 columns, got 3"));
        String row = new CellResult(new StudyCell("p", ModelSpec.mlp(1, 3, 1), 10, 2, 0, PLAN, 1), 10, 1, 1, 1, 1, 1,
                1, "BUDGET").toCsv();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellResult.fromCsv(row.replace(",mlp,", ",cnn,")))
                .getMessage().contains("family must be kan or mlp, got \"cnn\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CellResult.fromCsv(row.replace(",0.003,", ",abc,")))
                .getMessage().contains("malformed number"));
    }
}
