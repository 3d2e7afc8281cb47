package org.pikan4j.core.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pikan4j.core.io.ModelFileException.Reason;

/**
 * The header as text: one {@code key=value} line per entry, in order, after a comment line. Values escape
 * backslash, line feed and carriage return ({@code \\}, {@code \n}, {@code \r}) so that any metadata value
 * stays on one line; keys may not hold {@code =} or line breaks at all.
 */
final class HeaderText {

    /** The first line of a model's header, so that {@code head} shows what the file is. */
    static final String COMMENT = "# pikan4j model: key=value header, then big-endian doubles, then CRC32";
    /** The first line of a checkpoint's header. */
    static final String CHECKPOINT_COMMENT = "# pikan4j checkpoint: key=value header, then big-endian doubles"
            + " (arrays listed by the key arrays), then CRC32";
    /** The header key naming what a file holds; model files written before it existed lack it. */
    static final String KIND = "kind";

    private HeaderText() {
    }

    /**
     * The header text of the entries. It starts with a line break so that {@code head} shows the header on
     * lines of its own after the binary prefix.
     */
    static String format(String comment, Map<String, String> entries) {
        StringBuilder text = new StringBuilder("\n").append(comment).append('\n');
        for (Map.Entry<String, String> e : entries.entrySet()) {
            requireValidKey(e.getKey());
            text.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        return text.toString();
    }

    /**
     * The entries of a header text, in order; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws ModelFileException for a line without {@code =}, a repeated key or a bad escape
     */
    static Map<String, String> parse(Path file, String text) throws ModelFileException {
        Map<String, String> entries = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int split = line.indexOf('=');
            if (split <= 0) {
                throw invalid(file, "header line " + (n + 1) + " is not key=value: \"" + line + "\"");
            }
            String key = line.substring(0, split);
            if (entries.put(key, unescape(file, key, line.substring(split + 1))) != null) {
                throw invalid(file, "header key \"" + key + "\" appears twice");
            }
        }
        return entries;
    }

    /**
     * @throws IllegalArgumentException for an empty key or one holding {@code =}, a line break or a leading
     *                                  {@code #}
     */
    static void requireValidKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("#") || key.indexOf('=') >= 0
                || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("header keys must be non-empty, without '=', line breaks"
                    + " or a leading '#', got \"" + key + "\"");
        }
    }

    private static String escape(String value) {
        if (value == null) {
            throw new IllegalArgumentException("header values must not be null");
        }
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(Path file, String key, String value) throws ModelFileException {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < value.length() ? value.charAt(++i) : '?';
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw invalid(file, "header key \"" + key + "\" has a bad escape in \"" + value + "\"");
            }
        }
        return out.toString();
    }

    /**
     * Checks that a file holds what the caller loads.
     *
     * @param expected "model" or "checkpoint"
     * @throws ModelFileException {@link Reason#WRONG_KIND} naming both kinds and the right loader
     */
    static void requireKind(Path file, Map<String, String> entries, String expected) throws ModelFileException {
        String kind = entries.getOrDefault(KIND, "model");
        if (!kind.equals(expected)) {
            String hint = switch (kind) {
                case "checkpoint" -> "; load it with CheckpointFile.load, or resume from it (pikan solve --resume)";
                case "model" -> "; it holds no training state to resume: load it with ModelFile.load";
                default -> "; this build reads model and checkpoint files";
            };
            throw new ModelFileException(Reason.WRONG_KIND, file, "it is a pikan4j " + kind + " file, not a "
                    + expected + hint);
        }
    }

    static ModelFileException invalid(Path file, String detail) {
        return new ModelFileException(Reason.INVALID_HEADER, file, detail);
    }
}
