package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.symbolic.SymbolicLibrary;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;

/** Must-show 2, on a budget: the Poisson 2D solution read back from a KAN [2, 2, 1] as a formula. */
class SymbolicReadoutTest {

    private static final SymbolicLibrary LIB = SymbolicLibrary.standard();

    /**
     * A short run (G = 5, Adam 200 + L-BFGS 200, 300 interior points) and the structure "linear edges, then
     * cosines" (pykan's fix_symbolic by hand): fine-tuned against the PDE, the formula is
     * 0.5 cos(π(x - y)) - 0.5 cos(π(x + y)) = sin(πx) sin(πy). Measured (seed 1): network 7.6e-2 relative L2,
     * formula fitted 0.82, fine-tuned to the network 7.8e-2, to the PDE 4.0e-16; readout 3 s.
     */
    @Test
    void guidedReadoutOfPoissonIsTheExactSolution() {
        CatalogEntry entry = Catalog.standard().entry("poisson2d-soft");
        Solution solution = Solver.of(entry).withModel(entry.recommendation().model().withExtensions())
                .withCollocation(Collocation.of(300, 80)).withOptimizers(new OptimizerPlan(200, 1e-2, 200, 20, 0))
                .withSeed(1).solve();
        SymbolicReadout.Result r = SymbolicReadout.defaults()
                .withLibraries(List.of(LIB.only("x"), LIB.only("cos"))).read(solution);
        double network = solution.errors().get("u").relativeL2();
        double formula = r.errors().get(2).get("u").relativeL2();
        assertTrue(formula < 1e-8, "formula " + r.tuned().formula() + ": relative L2 " + formula);
        assertTrue(formula < network, "the formula beats the network it came from: " + formula + " vs " + network);
        assertTrue(r.tuned().formula().contains("0.5*cos(3.141593*x + 3.141593*y)"), r.tuned().formula());
    }

    @Test
    void librariesMustMatchTheLayers() {
        CatalogEntry entry = Catalog.standard().entry("poisson1d");
        Solution solution = Solver.of(entry).withOptimizers(new OptimizerPlan(5, 1e-2, 0, 20, 0)).solve();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymbolicReadout.defaults().withLibraries(List.of(LIB.only("x"))).read(solution));
        assertEquals("libraries must hold one library per layer (2), got 1", e.getMessage());
    }
}
