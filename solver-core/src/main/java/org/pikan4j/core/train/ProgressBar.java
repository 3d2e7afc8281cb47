package org.pikan4j.core.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.pikan4j.core.util.Arguments;

/**
 * A listener that shows training progress: stage, step/budget, loss, elapsed time and the
 * current stage's ETA. On a terminal it rewrites one line in place (carriage return), at most
 * every 100 ms; elsewhere (a log file, a captured stream) it prints a plain line at most every
 * 5 s. Each stage's last line is kept, and training ends with a summary line and a newline.
 *
 * <p>Holds display state, so use one instance per training run at a time.
 */
public final class ProgressBar implements TrainingListener {

    private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;

    private long stageStart;
    private long lastUpdate;
    private boolean lastShown;
    private StepReport last;
    private int lineWidth;

    ProgressBar(PrintStream out, boolean terminal, long intervalNanos, LongSupplier clock) {
        this.out = Arguments.notNull("out", out);
        this.terminal = terminal;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /**
     * A progress bar that updates one line in place when {@code out} is {@code System.out} or
     * {@code System.err} and the JVM has a console, and prints plain lines otherwise.
     *
     * @param out the stream, not null
     * @return the listener
     */
    public static ProgressBar to(PrintStream out) {
        boolean console = System.console() != null && (out == System.out || out == System.err);
        return console ? terminal(out) : plain(out);
    }

    /**
     * A progress bar that rewrites one line with carriage returns, at most 10 times a second.
     *
     * @param out the stream, not null
     * @return the listener
     */
    public static ProgressBar terminal(PrintStream out) {
        return new ProgressBar(out, true, TERMINAL_INTERVAL_NANOS, System::nanoTime);
    }

    /**
     * A progress bar that prints plain lines, at most one every 5 seconds plus each stage's last.
     *
     * @param out the stream, not null
     * @return the listener
     */
    public static ProgressBar plain(PrintStream out) {
        return new ProgressBar(out, false, PLAIN_INTERVAL_NANOS, System::nanoTime);
    }

    /**
     * Returns a copy that updates at most once per {@code interval}.
     *
     * @param interval the least time between updates, &gt;= 0 (0 shows every step)
     * @return the new listener
     */
    public ProgressBar withInterval(Duration interval) {
        Arguments.notNull("interval", interval);
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
        return new ProgressBar(out, terminal, interval.toNanos(), clock);
    }

    /**
     * Returns whether this bar rewrites one line in place.
     *
     * @return true for terminal mode, false for plain lines
     */
    public boolean isTerminal() {
        return terminal;
    }

    /** {@inheritDoc} Starts the stage's clock. */
    @Override
    public void onStageStart(StageInfo stage) {
        stageStart = clock.getAsLong();
        lastUpdate = stageStart;
        last = null;
        if (!terminal) {
            out.println("stage " + (stage.index() + 1) + "/" + stage.count() + " " + stage.name() + ": budget "
                    + stage.steps() + " steps");
        }
    }

    /** {@inheritDoc} Shows the step if the update interval has passed. */
    @Override
    public Action onStep(StepReport report) {
        last = report;
        lastShown = false;
        long now = clock.getAsLong();
        boolean first = terminal && report.stageStep() == 1;
        if (first || now - lastUpdate >= intervalNanos) {
            show(report, now);
            lastUpdate = now;
            lastShown = true;
        }
        return Action.CONTINUE;
    }

    /** {@inheritDoc} Shows the last step before it and says why the stage is about to start again. */
    @Override
    public void onRollBack(int step, String description) {
        keepLastStep();
        out.println("diverged: " + description);
    }

    /** {@inheritDoc} Shows the stage's last step and keeps the line. */
    @Override
    public void onStageEnd(StageInfo stage, int stepsDone) {
        keepLastStep();
    }

    /** Shows the last step reported if it has not been, and ends its line. */
    private void keepLastStep() {
        if (last != null && !lastShown) {
            show(last, clock.getAsLong());
        }
        endLine();
        last = null;
    }

    /** {@inheritDoc} Prints the summary line. */
    @Override
    public void onFinish(TrainingResult result) {
        endLine();
        out.println(String.format(Locale.ROOT, "finished (%s) after %d steps in %s: loss %.3e",
                result.stopReason(), result.steps(), duration(result.seconds()), result.loss()));
        if (result.stopReason() == StopReason.NON_FINITE || result.stopReason() == StopReason.DIVERGED
                || result.stopReason() == StopReason.CONVERGED) {   // converged or stalled: say which
            out.println(result.diagnosis());
        }
        out.flush();
    }

    private void show(StepReport r, long now) {
        StageInfo s = r.stage();
        double elapsed = (now - stageStart) * 1e-9;
        double eta = elapsed * (s.steps() - r.stageStep()) / r.stageStep();
        String line = String.format(Locale.ROOT, "%s [%d/%d] %d/%d loss %.3e elapsed %s eta %s", s.name(),
                s.index() + 1, s.count(), r.stageStep(), s.steps(), r.loss(), duration(elapsed), duration(eta));
        if (terminal) {
            int pad = Math.max(0, lineWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lineWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void endLine() {
        if (terminal && lineWidth > 0) {
            out.println();
            lineWidth = 0;
        }
    }

    /** E.g. "12.3s", "4m05s", "1h02m". */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
