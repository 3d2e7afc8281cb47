package org.pikan4j.core.backend;

import java.util.List;
import org.pikan4j.core.backend.jvm.JvmBackend;

/**
 * Finds a backend by name. The {@code nd4j} backend is loaded by reflection so that choosing
 * {@code jvm} never loads ND4J's native libraries.
 */
public final class Backends {

    /** The names {@link #named} accepts. */
    public static final List<String> NAMES = List.of("jvm", "nd4j", "auto");

    private static final String ND4J_CLASS = "org.pikan4j.core.backend.nd4j.Nd4jBackend";

    /** Points per step above which {@code auto} picks {@code nd4j}: measured break-even not reached yet. */
    private static final long AUTO_ND4J_POINTS = Long.MAX_VALUE;

    private Backends() {
    }

    /** The default backend, {@code jvm}. */
    public static Backend defaultBackend() {
        return new JvmBackend();
    }

    /**
     * The backend with the given name.
     *
     * @param name {@code jvm}, {@code nd4j}, or {@code auto}
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Backend named(String name) {
        return named(name, 0);
    }

    /**
     * The backend with the given name; {@code auto} chooses by the number of points per step.
     */
    public static Backend named(String name, long pointsPerStep) {
        return named(name, pointsPerStep, Precision.FLOAT64);
    }

    /**
     * The backend with the given name computing in the given precision. {@code auto} chooses by
     * the number of points per step, and takes {@code nd4j} for float32, the only backend that
     * offers it.
     *
     * @throws IllegalArgumentException for an unknown name, or {@code jvm} with float32
     */
    public static Backend named(String name, long pointsPerStep, Precision precision) {
        switch (name == null ? "" : name) {
            case "jvm":
                if (precision != Precision.FLOAT64) {
                    throw new IllegalArgumentException("the jvm backend computes in float64 only, got precision "
                            + precision + "; use backend nd4j (native CPU or CUDA) for float32");
                }
                return new JvmBackend();
            case "nd4j":
                return loadNd4j(precision);
            case "auto":
                return pointsPerStep >= AUTO_ND4J_POINTS || precision != Precision.FLOAT64
                        ? loadNd4j(precision) : new JvmBackend();
            default:
                throw new IllegalArgumentException("unknown backend \"" + name + "\"; valid: " + NAMES);
        }
    }

    private static Backend loadNd4j(Precision precision) {
        try {
            return (Backend) Class.forName(ND4J_CLASS).getDeclaredConstructor(Precision.class).newInstance(precision);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the nd4j backend could not start: " + e, e);
        }
    }
}
