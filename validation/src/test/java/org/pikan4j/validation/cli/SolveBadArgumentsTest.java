package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.io.ModelFile;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.validation.solve.Solver;

/**
 * Bad-input suite, {@code pikan solve} arguments: wrong types, out-of-range values, unknown names, missing,
 * foreign, damaged and mismatched checkpoint files. Each stops before training with status 2 (picocli's usage
 * error) and a message naming the option, the value and what is valid. 38 cases.
 */
class SolveBadArgumentsTest {

    @TempDir
    static Path directory;

    private static Path model;
    private static Path damaged;
    private static Path csv;
    private static Path robin;
    private static Path file;

    @BeforeAll
    static void writeFiles() throws IOException {
        Network network = Kan.widths(1, 2, 1).grid(3).degree(3).build();
        model = directory.resolve("model.pikan");
        ModelFile.save(model, network, network.initialParameters(1), Map.of());
        robin = directory.resolve("robin");
        Files.createDirectories(robin);
        CatalogEntry entry = Catalog.standard().entry("robin1d");
        Solver.of(entry).withCollocation(Collocation.of(30, 2)).withOptimizers(new OptimizerPlan(20, 1e-2, 0, 10, 0))
                .withCheckpoints(robin.resolve("checkpoint.pikan"), 0).withListener(new TrainingListener() {
                    @Override
                    public Action onStep(StepReport report) {
                        return report.step() == 3 ? Action.STOP : Action.CONTINUE;
                    }
                }).solve();
        byte[] bytes = Files.readAllBytes(robin.resolve("checkpoint.pikan"));
        bytes[bytes.length / 2] ^= 0x10;
        damaged = directory.resolve("damaged.pikan");
        Files.write(damaged, bytes);
        csv = directory.resolve("notes.csv");
        Files.writeString(csv, "step,loss\n1,0.5\n");
        file = directory.resolve("a-file");
        Files.writeString(file, "");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad(List.of("poisson2d", "--grid", "0"), "grid and degree must be >= 1, got grid = 0, degree = 3"),
                bad(List.of("poisson2d", "--degree", "-2"), "grid and degree must be >= 1, got grid = 5, degree = -2"),
                bad(List.of("poisson2d", "--widths", "2,0,1"), "widths must list at least two widths, each >= 1, got"
                        + " [2, 0, 1]"),
                bad(List.of("poisson2d", "--threads", "0"), "threads must be in [1, 64], got 0"),
                bad(List.of("poisson2d", "--threads", "65"), "threads must be in [1, 64], got 65"),
                bad(List.of("poisson2d", "--lr", "-1"), "learning rate must be finite and > 0, got -1.0"),
                bad(List.of("poisson2d", "--lr", "fast"), "Invalid value for option '--lr': 'fast' is not a double"),
                bad(List.of("poisson2d", "--seed", "x"), "Invalid value for option '--seed': 'x' is not a long"),
                bad(List.of("poisson2d", "--lm", "-1"), "adam, lbfgs and lm steps must be >= 0 and not all 0, got"
                        + " adam = 500, lbfgs = 1500, lm = -1"),
                bad(List.of("poisson2d", "--interior", "-1"), "interior point count must be >= 0, got -1"),
                bad(List.of("poisson2d", "--model", "mlp", "--grid", "5"), "--grid and --degree set a KAN's splines;"
                        + " the model is an MLP"),
                bad(List.of("poisson2d", "--refine", "sometimes"), "--refine must be after-stages, plateau, steps or"
                        + " indicator, got \"sometimes\""),
                bad(List.of("poisson2d", "--refine", "steps"), "--refine steps needs --refine-at STEP[,STEP...]"),
                bad(List.of("poisson2d", "--refine", "plateau", "--refine-at", "10"), "--refine-at applies to --refine"
                        + " steps, not --refine plateau"),
                bad(List.of("poisson2d", "--refine", "steps", "--refine-at", "20,10"), "adaptivity steps (when to"
                        + " refine) must be at least one step, strictly increasing and >= 1, got [20, 10]"),
                bad(List.of("poisson2d", "--refine", "steps", "--refine-at", "10", "--indicator-ratio", "3"),
                        "--indicator-ratio applies to --refine indicator, not --refine steps"),
                bad(List.of("poisson2d", "--refine", "indicator", "--indicator-ratio", "1"), "adaptivity"
                        + " indicatorRatio must be > 1 and finite, got 1.0"),
                bad(List.of("poisson2d", "--refine", "plateau", "--grid-update", "1.5"), "adaptivity gridEps must be"
                        + " in [0, 1] (0: no grid update), got 1.5"),
                bad(List.of("burgers1d", "--refine", "plateau", "--continuation", "nu"), "--continuation must be"
                        + " NAME=F[,F...], e.g. nu=5,2.2, got \"nu\""),
                bad(List.of("burgers1d", "--refine", "plateau", "--continuation", "nu=5,x"), "--continuation factor"
                        + " \"x\" of \"nu=5,x\" is not a number"),
                bad(List.of("burgers1d", "--refine", "plateau", "--continuation", "nu=0"), "continuation factors of"
                        + " \"nu\" must be finite and > 0, got [0.0]"),
                bad(List.of("burgers1d", "--refine", "plateau", "--grid", "5", "--extend", "10,20", "--continuation",
                        "mu=5"), "continuation parameter"
                        + " \"mu\" is not a parameter of problem \"burgers1d\"; its parameters are [nu]"),
                bad(List.of("burgers1d", "--refine", "plateau", "--grid", "5", "--extend", "10", "--continuation",
                        "nu=5,2"),
                        "continuation of \"nu\" lists 2 factors [5.0, 2.0], but the grid schedule has 1 extension(s)"),
                bad(List.of("diffusion1d", "--causal", "-1"), "causal epsilon must be >= 0 and finite, got -1.0"),
                bad(List.of("diffusion1d", "--causal", "1", "--causal-slabs", "0"), "causal slabs must be >= 1, got 0"),
                bad(List.of("diffusion1d", "--causal-decay", "-2"), "causal decay must be >= 0 and finite, got -2.0"),
                bad(List.of("poisson2d", "--causal-decay", "3"), "causal decay 3.0 needs a time coordinate, but"),
                bad(List.of("poisson2d", "--causal", "1"), "causal ε = 1.0, 32 slabs needs a time coordinate, but"
                        + " problem \"poisson2d\" is posed on"),
                bad(List.of("poisson2d", "--frobnicate"), "Unknown option: '--frobnicate'"),
                bad(List.of("poisson2d", "--checkpoint-every", "0"), "--checkpoint-every must be >= 1 step, got 0"),
                bad(List.of("poisson2d", "--divergence-retries", "-1"), "--divergence-retries must be >= 0, got -1"),
                bad(List.of("poisson2d", "--out", "@file"), "--out @file is a file; give a folder"),
                bad(List.of("robin1d", "--resume", "@dir/nowhere"), "--resume: cannot load checkpoint @dir/nowhere:"
                        + " no such file"),
                bad(List.of("robin1d", "--resume", "@model"), "--resume: cannot load checkpoint @model: it is a"
                        + " pikan4j model file, not a checkpoint"),
                bad(List.of("robin1d", "--resume", "@damaged"), "--resume: cannot load checkpoint @damaged: checksum"
                        + " mismatch"),
                bad(List.of("robin1d", "--resume", "@csv"), "--resume: cannot load checkpoint @csv: not a pikan4j"
                        + " checkpoint"),
                bad(List.of("diffusion1d", "--resume", "@robin"), "the checkpoint was written with problem robin1d,"
                        + " this run has problem diffusion1d; a resume needs the same settings"),
                bad(List.of("robin1d", "--refine", "plateau", "--extend", "20", "--checkpoint-every", "5", "--out", "@dir"),
                        "checkpoints and resume are not available with adaptive refinement (--refine plateau,"
                                + " steps or indicator) yet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stopsWithAUsageErrorSaying(List<String> arguments, String expected) {
        String[] args = Stream.concat(Stream.of("solve"), arguments.stream().map(SolveBadArgumentsTest::resolve))
                .toArray(String[]::new);
        CommandOutput r = CommandOutput.run(args);
        assertEquals(2, r.status(), r.out() + r.err());
        String message = resolve(expected);
        assertTrue(r.err().startsWith(message), "\"" + r.err().lines().findFirst().orElse("") + "\" does not start"
                + " with \"" + message + "\"");
        assertTrue(!r.out().contains("stage 1/"), "training must not start: " + r.out());
    }

    /** Replaces the file placeholders by the files written for the suite. */
    private static String resolve(String text) {
        return text.replace("@dir", directory.toString()).replace("@model", model.toString())
                .replace("@damaged", damaged.toString()).replace("@csv", csv.toString())
                .replace("@robin", robin.toString()).replace("@file", file.toString());
    }

    private static Arguments bad(List<String> arguments, String expected) {
        return Arguments.of(arguments, expected);
    }
}
