package org.pikan4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.io.ModelFileException.Reason;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.train.TrainingState;

/**
 * Bad-input suite, checkpoint files: a header that passes the checksum (it was re-framed after the edit, as a
 * hand-edited or buggy writer's file would) but does not describe a valid state is refused, and the message
 * names the key or array, the value found and what is valid. 33 cases.
 */
class CheckpointHeaderRefusalTest {

    @TempDir
    static Path directory;

    private static final String[] HEADERS = new String[3];
    private static final double[][] PAYLOADS = new double[3][];

    private static final int ADAM = 0;
    private static final int LBFGS = 1;
    private static final int LM = 2;

    @BeforeAll
    static void writeOneCheckpointPerOptimizer() throws IOException {
        keep(ADAM, AdamState.class);
        keep(LBFGS, LbfgsState.class);
        keep(LM, DampingState.class);
    }

    private static void keep(int slot, Class<? extends OptimizerState> kind) throws IOException {
        TrainingState state = TestStates.first(kind);
        Path file = directory.resolve("state" + slot + ".ckpt");
        CheckpointFile.save(file, TestStates.checkpoint(state));
        Container.Frame frame = Container.decode(file, Files.readAllBytes(file), 1, "checkpoint");
        HEADERS[slot] = frame.header();
        PAYLOADS[slot] = frame.theta();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                edit(ADAM, "kind", line("kind=checkpoint", "kind=study"), Reason.WRONG_KIND,
                        "it is a pikan4j study file, not a checkpoint; this build reads model and checkpoint files"),
                edit(ADAM, "checkpoint version 0", line("checkpoint.version=1", "checkpoint.version=0"),
                        "header key \"checkpoint.version\" must hold an integer >= 1, got \"0\""),
                edit(ADAM, "checkpoint version text", line("checkpoint.version=1", "checkpoint.version=one"),
                        "header key \"checkpoint.version\" must hold 1 integer(s), got \"one\""),
                edit(ADAM, "header format version", line("format.version=1", "format.version=2"),
                        "header says format version \"2\", the prefix 1"),
                edit(ADAM, "unknown optimizer", line("optimizer=adam", "optimizer=sgd"),
                        "header key \"optimizer\" names unknown optimizer \"sgd\"; this build reads none, adam, lbfgs,"
                                + " bfgs and lm"),
                edit(ADAM, "missing step", drop("state.step="), "header lacks the key \"state.step\""),
                edit(ADAM, "stage out of range", value("state.stage", "7"),
                        "the training state does not fit together: stage must be in [0, 3), got 7"),
                edit(ADAM, "stage steps beyond the step", value("state.stageSteps", "999"),
                        "stageSteps must be <= step - firstStep"),
                edit(ADAM, "first step after the step", value("state.firstStep", "500"), "step must be >= 500"),
                edit(ADAM, "negative retries", value("state.retries", "-1"), "retries must be >= 0, got -1"),
                edit(ADAM, "NaN seconds", value("state.seconds", "NaN"), "seconds must be >= 0 and finite, got NaN"),
                edit(ADAM, "boolean", value("state.stageConverged", "maybe"),
                        "header key \"state.stageConverged\" must hold true or false, got \"maybe\""),
                edit(ADAM, "array too short", h -> h.replace("theta:48,adam.m:48", "theta:47,adam.m:49"),
                        "array \"theta\" must hold 48 numbers, got 47"),
                edit(ADAM, "array missing from the listing", h -> h.replace(",best.terms:2", ""),
                        "header key \"arrays\" lists "),
                edit(ADAM, "malformed listing", h -> h.replace("arrays=theta:48", "arrays=theta;48"),
                        "header key \"arrays\" must list distinct name:length pairs, got \"theta;48\""),
                edit(ADAM, "negative learning rate", value("optimizer.learningRate", "-0.5"),
                        "the adam state is not valid: learningRate must be > 0 and finite, got -0.5"),
                edit(ADAM, "negative iterations", value("optimizer.iterations", "-3"),
                        "the adam state is not valid: iterations must be >= 0, got -3"),
                edit(LBFGS, "more pairs than arrays", value("optimizer.pairs", "9"),
                        "array \"lbfgs.s\" must hold 432 numbers, got "),
                edit(LBFGS, "negative pairs", value("optimizer.pairs", "-1"),
                        "header key \"optimizer.pairs\" must hold an integer >= 0, got \"-1\""),
                edit(LM, "zero damping", value("optimizer.damping", "0.0"),
                        "the lm state is not valid: damping must be > 0 and finite, got 0.0"),
                edit(LM, "history row count", value("history.run.0.rows", "1"), "the history runs cover "),
                edit(LM, "history terms", value("history.terms", "1"), "array \"best.terms\" must hold 1 numbers,"
                        + " got 2"),
                edit(ADAM, "pending row without its array", value("history.pending", "adam"),
                        "the file lacks the array \"history.pending\""),
                edit(LBFGS, "blank event kind", value("history.event.0.kind", " "),
                        "kind must be a non-blank tag, got \" \""),
                edit(ADAM, "missing best", drop("best.where="), "header lacks the key \"best.where\""),
                edit(ADAM, "best loss text", value("best.loss", "low"),
                        "header key \"best.loss\" must hold comma-separated numbers, got \"low\""),
                edit(ADAM, "points dimension", value("points.0.dimension", "3"),
                        "array \"points.0\" must hold 60 numbers, got 20"),
                edit(ADAM, "points named twice", value("points.1.name", "pde"),
                        "the points of term \"pde\" appear twice"),
                edit(ADAM, "no layers", value("layers", "0"), "header key \"layers\" must be >= 1, got 0"),
                edit(ADAM, "unknown layer kind", value("layer.0.kind", "conv"),
                        "layer 0 has unknown kind \"conv\"; this build reads kan, dense and periodic"),
                edit(ADAM, "parameter total", value("parameters.total", "49"),
                        "array \"theta\" must hold 49 numbers, got 48"),
                edit(ADAM, "line without =", h -> h.replace("\nstate.step=", "\nstate.step:"),
                        "is not key=value: \"state.step:"),
                edit(ADAM, "repeated key", h -> h + "state.retries=0\n", "header key \"state.retries\" appears twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void aHeaderThatDescribesNoValidStateIsRefusedSaying(int slot, String what, UnaryOperator<String> change,
                                                        Reason reason, String expected) throws IOException {
        String header = change.apply(HEADERS[slot]);
        assertTrue(!header.equals(HEADERS[slot]), what + ": the edit must change the header");
        Path file = directory.resolve("edited.ckpt");
        Files.write(file, Container.encode(1, header, PAYLOADS[slot]));
        ModelFileException e = assertThrows(ModelFileException.class, () -> CheckpointFile.load(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot load checkpoint " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "\"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }

    private static Arguments edit(int slot, String what, UnaryOperator<String> change, String expected) {
        return edit(slot, what, change, Reason.INVALID_HEADER, expected);
    }

    private static Arguments edit(int slot, String what, UnaryOperator<String> change, Reason reason,
                                  String expected) {
        return Arguments.of(slot, what, change, reason, expected);
    }

    /** Replaces a whole line. */
    private static UnaryOperator<String> line(String from, String to) {
        return h -> h.replace("\n" + from + "\n", "\n" + to + "\n");
    }

    /** Sets a key's value. */
    private static UnaryOperator<String> value(String key, String to) {
        return h -> h.replaceFirst("\n" + java.util.regex.Pattern.quote(key) + "=[^\n]*\n",
                java.util.regex.Matcher.quoteReplacement("\n" + key + "=" + to + "\n"));
    }

    /** Drops the line starting with {@code prefix}. */
    private static UnaryOperator<String> drop(String prefix) {
        return h -> h.replaceFirst("\n" + java.util.regex.Pattern.quote(prefix) + "[^\n]*", "");
    }
}
