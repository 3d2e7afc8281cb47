package org.pikan4j.validation.study;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a study's {@code results.csv}, one per finished cell, appended as cells finish
 * (each row flushed on its own, so a killed run loses at most the cells in flight). Reopening
 * the file keeps its rows: a rerun skips the cells they describe. A row cut short by a crash is
 * ignored and counted. Appends are serialized; reads are of the rows present at opening plus
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
        endLine(file);
        return new ResultStore(file, rows, bad);
    }

    /** Ends a last line cut short by a crash, so that the next row starts on a line of its own. */
    private static void endLine(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() - 1);
            if (f.read() != '\n') {
                f.write('\n');
            }
        }
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
