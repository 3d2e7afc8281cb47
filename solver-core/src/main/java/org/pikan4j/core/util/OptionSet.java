package org.pikan4j.core.util;

/**
 * Base of the private option holders behind immutable configurations with many {@code withXxx} methods
 * ({@code Solver}, {@code RefinedTraining}, {@code RefinementScheduler}): the configuration keeps one holder it
 * never changes, and each {@code withXxx} sets one or two fields on a {@link #copy()}, instead of calling a
 * constructor that lists every field again.
 *
 * @param <T> the holder's own type
 */
public abstract class OptionSet<T extends OptionSet<T>> implements Cloneable {

    /** @return a shallow copy (array fields are shared: holders never change an array once set) */
    @SuppressWarnings("unchecked")
    public final T copy() {
        try {
            return (T) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("OptionSet is Cloneable", e);
        }
    }
}
