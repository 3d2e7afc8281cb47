package org.pikan4j.validation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pikan4j.validation.study.StudyCell;
import org.pikan4j.validation.study.StudyDefinition;
import org.pikan4j.validation.study.StudyFile;
import org.pikan4j.validation.study.StudyPresets;
import org.pikan4j.validation.study.StudyReport;
import org.pikan4j.validation.study.StudyResults;
import org.pikan4j.validation.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pikan study <file or preset>}: runs a convergence study (the cells its output folder
 * does not hold yet) and writes its results and reports there.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a convergence study: KAN and MLP sweeps on one problem, several seeds; writes results.csv,"
                + " summary.md, summary.csv and PNG plots. Rerunning with the same folder skips finished cells.",
                "Presets: " + StudyPresets.LISTED + "."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file or preset>", description = "a study file (JSON) or a preset name")
    String study;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: pikan-out/study-<name>)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "cells at a time (default: the number of cores)")
    Integer parallel;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "threads per cell's loss (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--list", description = "list the cells and exit without running them")
    boolean list;

    @Option(names = "--print", description = "print the study file (every default spelled out) and exit")
    boolean print;

    @Override
    public Integer call() throws IOException {
        StudyDefinition definition = definition();
        PrintStream console = System.out;
        if (print) {
            console.print(StudyFile.write(definition));
            return 0;
        }
        if (list) {
            List<StudyCell> cells = definition.cells();
            cells.forEach(console::println);
            console.println(cells.size() + " cells");
            return 0;
        }
        StudyRunner runner;
        try {
            runner = StudyRunner.of(definition).withThreadsPerCell(threads).withProgress(console);
            runner = parallel == null ? runner : runner.withParallelCells(parallel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = out != null ? out : Path.of("pikan-out", "study-" + definition.name());
        StudyResults results = runner.run(folder);
        List<String> files = StudyReport.write(results, folder, command(folder));
        console.println("wrote " + folder + ": " + StudyRunner.RESULTS + ", " + String.join(", ", files));
        if (!results.failures().isEmpty()) {
            console.println(results.failures().size() + " cells failed; rerun the same command to retry them");
            return 1;
        }
        return 0;
    }

    /** A readable file wins over a preset of the same name. */
    private StudyDefinition definition() throws IOException {
        try {
            Path file = Path.of(study);
            if (Files.isRegularFile(file)) {
                return StudyFile.read(file);
            }
            if (StudyPresets.NAMES.contains(study)) {
                return StudyPresets.named(study);
            }
            throw new IllegalArgumentException("\"" + study + "\" is neither a study file nor a preset; presets: "
                    + StudyPresets.LISTED);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The command line that regenerates the study, for the report. */
    private String command(Path folder) {
        List<String> parts = new ArrayList<>(List.of("pikan", "study", study, "--out", folder.toString()));
        if (parallel != null) {
            parts.add("--parallel");
            parts.add(parallel.toString());
        }
        if (threads != 1) {
            parts.add("--threads");
            parts.add(Integer.toString(threads));
        }
        return String.join(" ", parts);
    }
}
