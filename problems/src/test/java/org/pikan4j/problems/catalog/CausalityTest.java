package org.pikan4j.problems.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Causality names what it does, counts a decay alone as active (it weighs no slabs), refuses a bad decay by name. */
class CausalityTest {

    @Test
    void descriptionNamesTheSlabWeightsAndTheDecay() {
        assertEquals("causal ε = 1.0, 32 slabs", new Causality(1.0, 32).toString());
        assertEquals("causal ε = 1.0, 32 slabs, decay 3.0", new Causality(1.0, 32).withDecay(3.0).toString());
        assertEquals("causal decay 3.0", Causality.NONE.withDecay(3.0).toString());
        assertEquals("no causal weighting", Causality.NONE.toString());
    }

    @Test
    void aDecayAloneIsActive() {
        assertFalse(Causality.NONE.isActive());
        assertTrue(Causality.NONE.withDecay(0.5).isActive());
        assertFalse(Causality.NONE.withDecay(0.5).weighsSlabs(), "a decay alone weighs no slabs");
        assertTrue(new Causality(1.0, 32).weighsSlabs());
        assertFalse(new Causality(0.0, 32, 0.0).isActive());
    }

    @Test
    void badDecayIsRefusedByName() {
        for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Causality(1.0, 32, bad));
            assertTrue(e.getMessage().contains("causal decay must be >= 0 and finite, got " + bad), e.getMessage());
        }
    }

    @Test
    void theAllenCahnEntriesDecayInTime() {
        for (String name : new String[] {"allen-cahn1d", "allen-cahn1d-d1e-4"}) {
            assertEquals(PeriodicEntries.CAUSAL_DECAY,
                    Catalog.standard().entry(name).recommendation().causality().decay(), 0.0, name);
        }
    }
}
