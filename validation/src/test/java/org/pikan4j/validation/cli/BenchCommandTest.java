package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pikan4j.validation.bench.BenchTable;

/** {@code pikan bench} measures the selected sweeps into a table and CSV; bad options are refused. */
class BenchCommandTest {

    @TempDir
    Path folder;

    @Test
    void referenceSweepWritesOneRowPerModelAndThreadCount() throws IOException {
        CommandOutput r = CommandOutput.run("bench", "--sweeps", "reference", "--threads", "1,2", "--seconds", "0.05",
                "--out", folder.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> csv = Files.readAllLines(folder.resolve("bench.csv"));
        assertEquals(BenchTable.CSV_HEADER, csv.get(0));
        assertEquals(5, csv.size(), String.join("\n", csv));
        String[] kanOneThread = fields(csv.get(1));
        assertEquals("\"kan[2,10,1]\"", kanOneThread[1]);
        assertEquals("2900", kanOneThread[7]);
        assertTrue(Double.parseDouble(kanOneThread[11]) > 0, csv.get(1));
        assertTrue(Double.parseDouble(kanOneThread[16]) > 0, "peak heap in " + csv.get(1));
        assertTrue(csv.get(2).contains("\"mlp[2,20,20,1]\""), csv.get(2));
        assertTrue(r.out().contains("cores"), "machine line missing from\n" + r.out());
        assertTrue(Files.readString(folder.resolve("machine.txt")).contains("Java"));
    }

    @Test
    void componentSweepCoversOneToThirteenComponents() throws IOException {
        CommandOutput r = CommandOutput.run("bench", "--sweeps", "components", "--models", "kan", "--seconds", "0.01",
                "--out", folder.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> csv = Files.readAllLines(folder.resolve("bench.csv"));
        List<String> components = csv.stream().skip(1).map(l -> fields(l)[4]).toList();
        assertEquals(List.of("1", "3", "5", "6", "13"), components, String.join("\n", csv));
    }

    @Test
    void knotsSweepTimesUniformAgainstMovedGrids() throws IOException {
        CommandOutput r = CommandOutput.run("bench", "--sweeps", "knots", "--seconds", "0.05", "--out",
                folder.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> csv = Files.readAllLines(folder.resolve("bench.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertEquals("\"kan[2,10,1]\"", fields(csv.get(1))[1]);
        assertEquals("\"kan[2,10,1]moved\"", fields(csv.get(2))[1]);
        assertTrue(Double.parseDouble(fields(csv.get(2))[11]) > 0, csv.get(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--seconds|0|seconds must be finite and > 0, got 0.0",
            "--sweeps|speed|unknown sweep \"speed\"",
            "--precision|half|unknown precision \"half\"",
            "--backend|tpu|unknown backend \"tpu\"",
            "--models|cnn|unknown model kind \"cnn\""})
    void badOptionsAreRefusedByName(String option, String value, String message) {
        CommandOutput r = CommandOutput.run("bench", option, value, "--out", folder.toString());
        assertNotEquals(0, r.status());
        assertTrue((r.out() + r.err()).contains(message), r.out() + r.err());
    }

    /** The fields of a CSV line; commas inside quotes (the model's widths) do not split. */
    private static String[] fields(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
    }

    @Test
    void float32OnTheJvmBackendIsRefused() {
        CommandOutput r = CommandOutput.run("bench", "--precision", "float32", "--out", folder.toString());
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("computes in float64 only"), r.err());
    }
}
