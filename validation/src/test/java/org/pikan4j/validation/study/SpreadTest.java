package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Median and range over seeds. */
class SpreadTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        assertEquals(new Spread(2e-4, 1e-4, 9e-4), Spread.of(9e-4, 1e-4, 2e-4));
    }

    @Test
    void evenCountAveragesTheMiddleTwo() {
        assertEquals(new Spread(2.5, 1, 4), Spread.of(4, 1, 2, 3));
    }

    @Test
    void aDivergedRunShowsInTheMaximum() {
        Spread s = Spread.of(1e-3, Double.NaN, 2e-3);
        assertEquals(2e-3, s.median());
        assertEquals(Double.NaN, s.max());
    }

    @Test
    void rejectsNoValues() {
        assertThrows(IllegalArgumentException.class, Spread::of);
    }
}
