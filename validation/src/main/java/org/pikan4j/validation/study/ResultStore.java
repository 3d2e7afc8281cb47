package org.pikan4j.validation.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a study's {@code results.csv}, one per finished cell, appended as cells finish
 * (each row flushed on its own, so a killed run loses at most the cells in flight). Reopening
 * the file keeps its rows: a rerun skips the cells they describe. A row cut short by a crash is
 * counted and dropped from the file, so its cell runs again. Appends are serialized; reads are of the rows present at opening plus
 * those appended since.
 */
final class ResultStore {

    private static final String HEADER = String.join(",", CellResult.COLUMNS);

    private final Path file;
    private final List<CellResult> rows;
    private final int malformed;

    private ResultStore(Path file, List<CellResult> rows, int malformed) {
        this.file = file;
        this.rows = rows;
        this.malformed = malformed;
    }

    /**
     * Opens (or creates, with its header) a results file.
     *
     * @throws IOException           when the file cannot be read or written
     * @throws IllegalStateException when the file's header is not that of a results file
     */
    static ResultStore open(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
            return new ResultStore(file, new ArrayList<>(), 0);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.get(0).equals(HEADER)) {
            throw new IllegalStateException(file + " is not a results file of this version: its header is \""
                    + lines.get(0) + "\", expected \"" + HEADER + "\"; move it away or choose another output folder");
        }
        List<CellResult> rows = new ArrayList<>();
        int bad = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(CellResult.fromCsv(line));
            } catch (IllegalArgumentException e) {
                bad++;
            }
        }
        if (bad > 0) {
            rewrite(file, rows);
        }
        return new ResultStore(file, rows, bad);
    }

    /**
     * Replaces the file by its header and readable rows (through a temporary file and a rename,
     * so a crash leaves the old file or the new one): a row cut short by a crash is dropped once,
     * and the next row starts on a line of its own.
     */
    private static void rewrite(Path file, List<CellResult> rows) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> text.append(r.toCsv()).append('\n'));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The rows read at opening and appended since. */
    synchronized List<CellResult> rows() {
        return List.copyOf(rows);
    }

    /** Rows at opening that could not be read (ignored; their cells run again). */
    int malformed() {
        return malformed;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** Appends and flushes one row. */
    synchronized void append(CellResult row) throws IOException {
        Files.writeString(file, row.toCsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        rows.add(row);
    }
}
