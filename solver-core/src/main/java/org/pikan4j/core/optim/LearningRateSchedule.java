package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * A learning-rate schedule: the rate to use at a given step, as a function of the base rate.
 *
 * <p>Steps are counted from 0: {@code rate(0, base)} is the rate of the first update of a run
 * (or of a stage, since the iteration counter of a run starts at 0).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * Returns the learning rate for a step.
     *
     * @param step     the 0-based index of the step about to be taken
     * @param baseRate the base (configured) learning rate
     * @return the rate to use
     */
    double rate(int step, double baseRate);

    /**
     * The constant schedule: {@code rate(t, base) = base}.
     *
     * @return the constant schedule
     */
    static LearningRateSchedule constant() {
        return (step, baseRate) -> baseRate;
    }

    /**
     * Smooth exponential decay: {@code rate(t, base) = base * gamma^(t / everySteps)} with a real
     * exponent, so the rate is multiplied by {@code gamma} over every {@code everySteps} steps.
     *
     * @param gamma      the decay factor per {@code everySteps} steps, in (0, 1]
     * @param everySteps the decay period, at least 1
     * @return the schedule
     */
    static LearningRateSchedule exponentialDecay(double gamma, int everySteps) {
        Arguments.unitOpenBelow("gamma", gamma);
        Arguments.atLeast("everySteps", everySteps, 1);
        return (step, baseRate) -> baseRate * Math.pow(gamma, (double) step / everySteps);
    }

    /**
     * Staircase decay: {@code rate(t, base) = base * factor^floor(t / everySteps)}.
     *
     * @param factor     the factor applied at the end of every period, in (0, 1]
     * @param everySteps the period, at least 1
     * @return the schedule
     */
    static LearningRateSchedule stepDecay(double factor, int everySteps) {
        Arguments.unitOpenBelow("factor", factor);
        Arguments.atLeast("everySteps", everySteps, 1);
        return (step, baseRate) -> baseRate * Math.pow(factor, step / everySteps);
    }

    /**
     * Cosine annealing from {@code base} down to {@code base * minFactor}:
     * {@code rate(t, base) = base * (minFactor + (1 - minFactor) * (1 + cos(pi * min(t, totalSteps) / totalSteps)) / 2)}.
     * The rate stays at {@code base * minFactor} after {@code totalSteps}.
     *
     * @param totalSteps the annealing length, at least 1
     * @param minFactor  the final fraction of the base rate, in [0, 1]
     * @return the schedule
     */
    static LearningRateSchedule cosine(int totalSteps, double minFactor) {
        Arguments.atLeast("totalSteps", totalSteps, 1);
        Arguments.within("minFactor", minFactor, 0, 1);
        return (step, baseRate) -> {
            double progress = (double) Math.min(step, totalSteps) / totalSteps;
            return baseRate * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
        };
    }

    /**
     * Linear warm-up followed by another schedule: for {@code t < steps} the rate is
     * {@code base * (t + 1) / steps}; afterwards it is {@code then.rate(t - steps, base)}, so the
     * following schedule starts at its own step 0.
     *
     * @param steps the warm-up length, at least 1
     * @param then  the schedule used after the warm-up
     * @return the schedule
     */
    static LearningRateSchedule warmup(int steps, LearningRateSchedule then) {
        Arguments.atLeast("steps", steps, 1);
        Arguments.notNull("then", then);
        return (step, baseRate) -> step < steps
                ? baseRate * (step + 1) / steps
                : then.rate(step - steps, baseRate);
    }
}
