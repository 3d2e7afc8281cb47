package org.pikan4j.core.train;

/**
 * One stage of a training run as listeners see it.
 *
 * @param index  0-based position in the chain
 * @param count  number of stages in the chain
 * @param name   the optimizer's short name, e.g. {@code "adam"}
 * @param steps  the stage's step budget
 */
public record StageInfo(int index, int count, String name, int steps) {
}
