package org.pikan4j.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A block's jets as component slabs and back. */
class JetBlockSlabsTest {

    private static final DerivativeSet SET = DerivativeSet.parse(List.of("x", "y"), "xx", "yy");

    @Test
    void slabsHoldEachComponentOfOneUnitOverTheFirstPoints() {
        JetBlock block = numbered(6, 3);
        double[][] slabs = new double[SET.size()][5];
        block.toSlabs(1, 4, slabs);
        for (int c = 0; c < SET.size(); c++) {
            for (int n = 0; n < 4; n++) {
                assertEquals(block.get(n, c, 1), slabs[c][n], 0.0, "component " + c + " at point " + n);
            }
            assertEquals(0.0, slabs[c][4], 0.0, "slot past count written for component " + c);
        }
    }

    @Test
    void fromSlabsSetsOnlyThatUnitsFirstPoints() {
        JetBlock block = numbered(6, 3);
        JetBlock expected = numbered(6, 3);
        double[][] slabs = new double[SET.size()][6];
        for (int c = 0; c < SET.size(); c++) {
            for (int n = 0; n < 6; n++) {
                slabs[c][n] = -1000.0 - 10 * c - n;
            }
        }
        block.fromSlabs(2, 5, slabs);
        for (int unit = 0; unit < 3; unit++) {
            for (int n = 0; n < 6; n++) {
                for (int c = 0; c < SET.size(); c++) {
                    double want = unit == 2 && n < 5 ? slabs[c][n] : expected.get(n, c, unit);
                    assertEquals(want, block.get(n, c, unit), 0.0, "unit " + unit + " point " + n + " component " + c);
                }
            }
        }
    }

    private static JetBlock numbered(int points, int width) {
        JetBlock block = new JetBlock(SET, points, width);
        for (int i = 0; i < block.data().length; i++) {
            block.data()[i] = i + 1;
        }
        return block;
    }
}
