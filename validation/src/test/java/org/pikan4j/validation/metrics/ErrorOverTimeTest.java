package org.pikan4j.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors slice by slice in time: each row on its own, NaN cells (outside the domain) left out. */
class ErrorOverTimeTest {

    private static final double NAN = Double.NaN;

    @TempDir
    Path folder;

    /** Rows at t = 2, 3, 4: exact in the first, off by 0.1 in one cell of the second, a cell outside in the third. */
    private static ErrorOverTime example() {
        double[][] reference = {{1, 2, 3}, {1, 2, 3}, {1, 2, NAN}};
        double[][] approximation = {{1, 2, 3}, {1, 2.1, 3}, {1.2, 2, 99}};
        return ErrorOverTime.ofRows(2.0, 4.0, approximation, reference);
    }

    @Test
    void eachRowIsComparedOnItsOwn() {
        ErrorOverTime e = example();
        assertArrayEquals(new double[] {2, 3, 4}, e.times(), 0.0);
        assertArrayEquals(new double[] {0, Math.sqrt(0.01 / 14), Math.sqrt(0.04 / 5)}, e.relativeL2(), 1e-15);
        assertArrayEquals(new double[] {0, 0.1, 0.2}, e.maxError(), 1e-15);
        assertEquals(2, e.slices().get(2).points(), "the NaN cell is left out, with its approximation 99");
    }

    @Test
    void atFindsTheNearestSliceAndTheEarlierOnATie() {
        ErrorOverTime e = example();
        assertSame(e.slices().get(1), e.at(3.4));
        assertSame(e.slices().get(0), e.at(2.5));
        assertSame(e.slices().get(2), e.at(100));
    }

    @Test
    void csvHasOneLinePerSlice() throws IOException {
        Path file = folder.resolve("e.csv");
        example().writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("t,relative_l2,max_error", lines.get(0));
        assertEquals(4, lines.size());
        String[] second = lines.get(2).split(",");
        assertEquals(3.0, Double.parseDouble(second[0]));
        assertEquals(Math.sqrt(0.01 / 14), Double.parseDouble(second[1]), 1e-15);
        assertEquals(0.1, Double.parseDouble(second[2]), 1e-15);
    }

    @Test
    void badShapesAreRefusedByName() {
        double[][] two = {{1, 2}, {3, 4}};
        assertMessage(() -> ErrorOverTime.ofRows(1, 1, two, two), "t0 < t1, got t0 = 1.0, t1 = 1.0");
        assertMessage(() -> ErrorOverTime.ofRows(0, 1, new double[][] {{1}}, new double[][] {{1}}),
                "at least 2, got 1 and 1");
        assertMessage(() -> ErrorOverTime.ofRows(0, 1, two, new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                "same number of rows, at least 2, got 2 and 3");
        assertMessage(() -> ErrorOverTime.ofRows(0, 1, two, new double[][] {{1, 2}, {3}}),
                "row 1 has 2 approximation values but 1 reference values");
        assertMessage(() -> ErrorOverTime.ofRows(0, 1, two, new double[][] {{1, 2}, {NAN, NAN}}),
                "row 1 has no value inside the domain");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(fragment), message);
    }
}
