package org.pikan4j.validation.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The built-in studies, kept as study files on the class path
 * ({@code org/pikan4j/validation/study/presets/<name>.json}; they double as examples of the format).
 */
public final class StudyPresets {

    /** The preset names as one line (a constant, so that the command line's help can quote it). */
    public static final String LISTED = "poisson2d, poisson2d-grid, poisson2d-lm, helmholtz2d, diffusion1d, burgers1d,"
            + " smoke";

    /** The preset names. */
    public static final List<String> NAMES = List.of(LISTED.split(", "));

    private StudyPresets() {
    }

    /**
     * The preset's study.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static StudyDefinition named(String name) {
        return StudyFile.parse(text(name), "preset " + name);
    }

    /**
     * The preset's study file text.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown study preset \"" + name + "\"; valid: " + LISTED);
        }
        try (InputStream in = StudyPresets.class.getResourceAsStream("presets/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is listed but its file is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
