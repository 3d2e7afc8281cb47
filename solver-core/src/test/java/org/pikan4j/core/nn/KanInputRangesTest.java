package org.pikan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.io.ModelFile;
import org.pikan4j.core.io.SavedModel;
import org.pikan4j.core.spline.KnotVector;

class KanInputRangesTest {

    private static final double[] LO = {-1, 0};
    private static final double[] HI = {1, 0.5};

    @Test
    void theFirstLayerSpansEachInputsRangeAndDeeperLayersKeepTheirs() {
        Network network = Kan.widths(2, 3, 1).grid(4).degree(3).inputRanges(LO, HI).build();
        KanLayer first = (KanLayer) network.layers().get(0);
        assertEquals(KnotVector.uniform(4, 3, -1, 1), first.grid(0));
        assertEquals(KnotVector.uniform(4, 3, 0, 0.5), first.grid(1));
        assertEquals(KnotVector.uniform(4, 3, -1, 1), ((KanLayer) network.layers().get(1)).grid(0));
        // same parameter count and layout as the [-1, 1] network: only the knots differ
        assertEquals(Kan.widths(2, 3, 1).grid(4).build().parameterCount(), network.parameterCount());
    }

    @Test
    void aModelFileKeepsTheRanges(@TempDir Path dir) throws Exception {
        Network network = Kan.widths(2, 3, 1).grid(4).inputRanges(LO, HI).build();
        double[] theta = network.initialParameters(5);
        ModelFile.save(dir.resolve("m.pikan"), network, theta, Map.of());
        SavedModel loaded = ModelFile.load(dir.resolve("m.pikan"));
        assertEquals(((KanLayer) network.layers().get(0)).grids(),
                ((KanLayer) loaded.network().layers().get(0)).grids());
        assertArrayEquals(theta, loaded.theta());
    }

    @Test
    void badRangesAreRefusedByName() {
        Kan kan = Kan.widths(2, 3, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kan.inputRanges(new double[] {0}, HI))
                .getMessage().contains("one lo and one hi per input (2)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> kan.inputRanges(LO, new double[] {1, 0})).getMessage().contains("input 1 needs finite lo < hi"));
    }
}
