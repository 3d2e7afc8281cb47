package org.pikan4j.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or checkpoint file that could not be loaded, with the reason as a value a caller can act on (for
 * example: offer a newer pikan4j for {@link Reason#NEWER_VERSION}, re-train for {@link Reason#CORRUPTED}) and a
 * message that names the file and what was wrong with it.
 */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a model file was refused. */
    public enum Reason {
        /** No file at the given path. */
        MISSING,
        /** The file does not start with the pikan4j magic bytes. */
        NOT_A_MODEL,
        /** The file was written by a newer format version than this build reads. */
        NEWER_VERSION,
        /** The file is shorter than its own framing says it is. */
        TRUNCATED,
        /** The file's bytes do not match its checksum or framing. */
        CORRUPTED,
        /** The checksum holds but the header describes no network this build can rebuild. */
        INVALID_HEADER,
        /** A pikan4j file of another kind: a checkpoint given as a model, or the other way round. */
        WRONG_KIND
    }

    private final Reason reason;
    private final transient Path file;
    private final String detail;

    /**
     * @param reason the reason
     * @param file   the file that was refused
     * @param detail what was wrong, appended to the file name in the message
     */
    public ModelFileException(Reason reason, Path file, String detail) {
        this(reason, file, detail, null);
    }

    /**
     * @param reason the reason
     * @param file   the file that was refused
     * @param detail what was wrong, appended to the file name in the message
     * @param cause  the underlying failure, or null
     */
    public ModelFileException(Reason reason, Path file, String detail, Throwable cause) {
        this("model", reason, file, detail, cause);
    }

    private ModelFileException(String noun, Reason reason, Path file, String detail, Throwable cause) {
        super("cannot load " + noun + " " + file + ": " + detail, cause);
        this.reason = reason;
        this.file = file;
        this.detail = detail;
    }

    /** The same refusal, its message naming the file as a {@code noun} (e.g. "checkpoint") instead of a model. */
    ModelFileException as(String noun) {
        ModelFileException e = new ModelFileException(noun, reason, file, detail, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Why the file was refused. */
    public Reason reason() {
        return reason;
    }

    /** The file that was refused. */
    public Path file() {
        return file;
    }
}
