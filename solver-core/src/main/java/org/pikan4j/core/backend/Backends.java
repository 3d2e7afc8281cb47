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
        switch (name == null ? "" : name) {
            case "jvm":
                return new JvmBackend();
            case "nd4j":
                return loadNd4j();
            case "auto":
                return pointsPerStep >= AUTO_ND4J_POINTS ? loadNd4j() : new JvmBackend();
            default:
                throw new IllegalArgumentException("unknown backend \"" + name + "\"; valid: " + NAMES);
        }
    }

    private static Backend loadNd4j() {
        try {
            return (Backend) Class.forName(ND4J_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the nd4j backend could not start: " + e, e);
        }
    }
}
