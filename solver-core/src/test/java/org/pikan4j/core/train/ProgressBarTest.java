package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.residual.PinnLoss;

/** What the progress bar writes, in plain and in terminal mode (with a frozen clock). */
class ProgressBarTest {

    private final Network network = Poisson1d.kan(5, 5);
    private final PinnLoss loss = Poisson1d.loss(network, 50);
    private final double[] start = network.initialParameters(1);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputNamesTheStagesAndTheFinalLoss() {
        ProgressBar bar = ProgressBar.to(out);
        assertFalse(bar.isTerminal(), "a byte stream is not a terminal");
        TrainingResult result = Training.of(Adam.steps(30), Lbfgs.steps(10)).withListener(bar).train(loss, start);
        String text = text();
        assertTrue(text.contains("stage 1/2 adam: budget 30 steps"), text);
        assertTrue(text.contains("adam [1/2] 30/30 loss "), text);
        assertTrue(text.contains("lbfgs [2/2] 10/10 loss "), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "loss %.3e", result.loss())), text);
        assertTrue(text.contains("finished (BUDGET) after 40 steps"), text);
        assertFalse(text.contains("\r"), "plain mode writes whole lines");
        assertTrue(text.endsWith(System.lineSeparator()));
    }

    @Test
    void terminalModeRewritesOneLineAtMostOncePerInterval() {
        long[] now = {0};
        ProgressBar bar = new ProgressBar(out, true, 100_000_000L, () -> now[0]);
        // 50 steps within the same instant: the first step and the stage's last are shown
        TrainingResult result = Training.of(Adam.steps(50)).withListener(bar).train(loss, start);
        String text = text();
        assertEquals(2, text.chars().filter(c -> c == '\r').count(), text);
        assertTrue(text.contains("\radam [1/1] 1/50 "), text);
        assertTrue(text.contains("\radam [1/1] 50/50 "), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "loss %.3e", result.loss())), text);
        assertTrue(text.endsWith(System.lineSeparator()));
    }

    @Test
    void terminalModeShowsEveryStepOnceTheIntervalHasPassed() {
        long[] now = {0};
        ProgressBar bar = new ProgressBar(out, true, 100_000_000L, () -> now[0] += 150_000_000L);
        Training.of(Adam.steps(20)).withListener(bar).train(loss, start);
        assertEquals(20, text().chars().filter(c -> c == '\r').count());
    }

    @Test
    void aRollBackIsPrintedBeforeItsStageStartsAgain() {
        // the run of DivergenceGuardTest: learning rate 10 blows up at step 2, three roll-backs
        Training.of(Adam.steps(30).withLearningRate(10)).withDivergenceGuard(DivergenceGuard.standard())
                .withListener(ProgressBar.plain(out)).train(loss, start);
        String text = text();
        String header = "stage 1/1 adam: budget 30 steps" + System.lineSeparator();
        String first = "diverged: loss 2.844e+21 at step 2 (stage adam) is above 1000 x the best loss 49.51 (step 1)";
        assertTrue(text.contains(first), text);
        // the step before the blow-up, then why the stage starts again, then its header
        assertTrue(Pattern.compile("adam \\[1/1] 1/30 loss 4\\.951e\\+01 elapsed .*\\R" + Pattern.quote(first))
                .matcher(text).find(), text);
        assertTrue(text.contains("rolled back to step 0 (stage adam), learning rate 10.00 -> learning rate 2.500"
                + " (retry 1 of 4)" + System.lineSeparator() + header), text);
        assertEquals(3, text.split("diverged: ", -1).length - 1, text);
        assertEquals(4, text.split(header, -1).length - 1, text);
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("12.3s", ProgressBar.duration(12.34));
        assertEquals("4m05s", ProgressBar.duration(245));
        assertEquals("1h02m", ProgressBar.duration(3725));
    }

    @Test
    void negativeIntervalIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressBar.plain(out).withInterval(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("interval must be >= 0"), e.getMessage());
    }
}
