package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pikan study}: a one-cell study file runs and reports; presets list; typos are usage errors. */
class StudyCommandTest {

    @TempDir
    Path folder;

    @Test
    void studyFileRunsAndWritesReportsIntoTheFolder() throws IOException {
        Path file = folder.resolve("one.json");
        Files.writeString(file, "{\"name\": \"one\", \"problem\": \"poisson1d\", \"kan\": {\"widths\": 3, \"grids\": 3},"
                + " \"points\": {\"interior\": 50, \"boundary\": 2}, \"optimizer\": {\"adam\": 5, \"lbfgs\": 5}}");
        Path out = folder.resolve("out");
        CommandOutput r = CommandOutput.run("study", file.toString(), "--out", out.toString(), "--parallel", "1");
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("study one: 1 cells, 0 finished earlier, 1 to run (1 at a time x 1 thread)"),
                r.out());
        assertTrue(r.out().contains("[1/1, "), r.out());
        for (String f : new String[] {"results.csv", "study.json", "summary.md", "summary.csv", "error_vs_params.png",
                "error_vs_time.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(800, ImageIO.read(out.resolve("error_vs_params.png").toFile()).getWidth());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("regenerate with `pikan study "
                + file + " --out " + out + " --parallel 1`"));
    }

    @Test
    void listShowsThePresetsCellsWithoutRunningThem() {
        CommandOutput r = CommandOutput.run("study", "smoke", "--list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("poisson1d MLP [1, 6, 6, 1] tanh, 100 interior points, seed 2"), r.out());
        assertTrue(r.out().contains("8 cells"), r.out());
    }

    @Test
    void printSpellsOutEveryDefault() {
        CommandOutput r = CommandOutput.run("study", "smoke", "--print");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"extendFrom\" : [ ]"), r.out());
        assertTrue(r.out().contains("\"history\" : 30"), r.out());
    }

    @Test
    void typoInAStudyFileIsAUsageErrorNamingTheField() throws IOException {
        Path file = folder.resolve("typo.json");
        Files.writeString(file, "{\"problem\": \"poisson2d\", \"kan\": {\"widths\": 5, \"grids\": [5, -10]}}");
        CommandOutput r = CommandOutput.run("study", file.toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("study file typo.json: kan.grids[1] must be >= 1, got -10"), r.err());
    }

    @Test
    void unknownStudyNamesThePresets() {
        CommandOutput r = CommandOutput.run("study", "poisson3d");
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("\"poisson3d\" is neither a study file nor a preset; presets: poisson2d,"), r.err());
    }
}
