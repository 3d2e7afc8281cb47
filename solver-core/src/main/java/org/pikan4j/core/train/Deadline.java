package org.pikan4j.core.train;

import java.time.Duration;
import org.pikan4j.core.util.Arguments;

/**
 * A wall-clock limit shared by the training runs that should fit in it, e.g. an adaptive Adam run followed by
 * L-BFGS: both stop once the same deadline has passed. Immutable; the clock starts when the deadline is made.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * A deadline {@code budget} from now.
     *
     * @param budget a positive duration
     * @return the deadline
     * @throws IllegalArgumentException when the budget is null, zero or negative
     */
    public static Deadline after(Duration budget) {
        Arguments.notNull("budget", budget);
        if (budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("budget must be a positive duration, got " + budget);
        }
        return new Deadline(budget);
    }

    /**
     * A deadline {@code seconds} from now.
     *
     * @param seconds a positive, finite number of seconds
     * @return the deadline
     * @throws IllegalArgumentException when seconds is not positive and finite
     */
    public static Deadline afterSeconds(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be positive and finite, got " + seconds);
        }
        return new Deadline(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** @return true once the budget is spent */
    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** @return the seconds left, 0 once passed */
    public double remainingSeconds() {
        return Math.max(0, (endNanos - System.nanoTime()) * 1e-9);
    }

    /** @return the whole budget */
    public Duration budget() {
        return budget;
    }

    @Override
    public String toString() {
        return "Deadline[" + budget.toMillis() / 1000.0 + " s]";
    }
}
