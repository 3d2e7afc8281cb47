package org.pikan4j.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/**
 * The record of a training run: one row per recorded step (global step, stage, total loss, each
 * term's value, learning rate, wall time) and a list of events (stage starts, stops, and whatever
 * later code attaches, such as grid refinements). Mutable and append-only; one history can span
 * several {@link Trainer#train} calls, whose step numbers and clocks then continue.
 */
public final class TrainingHistory {

    /**
     * One recorded step.
     *
     * @param step         global step number
     * @param stage        the stage's short name
     * @param loss         total loss
     * @param terms        weighted term values, in the order of {@link #termNames()}
     * @param learningRate the rate the step used, NaN where the method has none
     * @param seconds      wall time since the history's first training started
     */
    public record Row(int step, String stage, double loss, List<Double> terms, double learningRate, double seconds) {
        /** Copies the term values. */
        public Row {
            terms = List.copyOf(terms);
        }
    }

    /**
     * Something that happened during training.
     *
     * @param step        the global step after which it happened (0: before the first)
     * @param kind        a short tag, e.g. {@code "stage"}, {@code "stop"}, {@code "refine"}
     * @param description free text for people
     */
    public record Event(int step, String kind, String description) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private List<String> termNames;

    /** An empty history. */
    public TrainingHistory() {
    }

    /**
     * A history with the given content, e.g. read back from a checkpoint.
     *
     * @param termNames the term names the rows' values follow
     * @param rows      the rows, steps strictly increasing, each with one value per term
     * @param events    the events
     * @return the history
     * @throws IllegalArgumentException if a row has the wrong number of term values or the steps do not increase
     */
    public static TrainingHistory of(List<String> termNames, List<Row> rows, List<Event> events) {
        Arguments.notNull("termNames", termNames);
        TrainingHistory history = new TrainingHistory();
        history.useTerms(termNames);
        for (Row row : Arguments.notNull("rows", rows)) {
            history.addRow(termNames, row);
        }
        for (Event e : Arguments.notNull("events", events)) {
            history.addEvent(e.step(), e.kind(), e.description());
        }
        return history;
    }

    /**
     * Returns an independent copy.
     *
     * @return a history with the same term names, rows and events
     */
    public TrainingHistory copy() {
        return copy(rows.size(), events.size());
    }

    /** A copy holding the first {@code rowCount} rows and {@code eventCount} events. */
    TrainingHistory copy(int rowCount, int eventCount) {
        TrainingHistory c = new TrainingHistory();
        c.termNames = termNames;
        c.rows.addAll(rows.subList(0, rowCount));
        c.events.addAll(events.subList(0, eventCount));
        return c;
    }

    /** Drops the rows after the first {@code count} (a divergence roll-back). */
    void truncateRows(int count) {
        rows.subList(count, rows.size()).clear();
    }

    /** Number of events. */
    int eventCount() {
        return events.size();
    }

    /**
     * Returns the term names the rows' values follow.
     *
     * @return the names, empty before the first training
     */
    public List<String> termNames() {
        return termNames == null ? List.of() : termNames;
    }

    /**
     * Returns the recorded rows, oldest first.
     *
     * @return an unmodifiable view
     */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * Returns the events, in the order they were added.
     *
     * @return an unmodifiable view
     */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Returns the number of recorded rows.
     *
     * @return the count
     */
    public int size() {
        return rows.size();
    }

    /**
     * Returns the total loss of every row.
     *
     * @return a new array in row order
     */
    public double[] losses() {
        return rows.stream().mapToDouble(Row::loss).toArray();
    }

    /**
     * Returns one term's value in every row.
     *
     * @param name a term name
     * @return a new array in row order
     * @throws IllegalArgumentException if no term has that name
     */
    public double[] termValues(String name) {
        int t = termNames().indexOf(name);
        if (t < 0) {
            throw new IllegalArgumentException("term \"" + name + "\" is not in the history; terms: " + termNames());
        }
        return rows.stream().mapToDouble(r -> r.terms().get(t)).toArray();
    }

    /**
     * Returns the step number of the last row or event.
     *
     * @return the step, 0 for an empty history
     */
    public int lastStep() {
        int last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).step();
        for (Event e : events) {
            last = Math.max(last, e.step());
        }
        return last;
    }

    /**
     * Returns the wall time of the last row.
     *
     * @return seconds, 0 for an empty history
     */
    public double lastSeconds() {
        return rows.isEmpty() ? 0.0 : rows.get(rows.size() - 1).seconds();
    }

    /**
     * Attaches an event, e.g. {@code addEvent(2000, "refine", "grid 5 -> 10")}.
     *
     * @param step        the global step after which it happened, &gt;= 0
     * @param kind        a short non-blank tag
     * @param description free text, not null
     */
    public void addEvent(int step, String kind, String description) {
        Arguments.atLeast("step", step, 0);
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must be a non-blank tag, got \"" + kind + "\"");
        }
        events.add(new Event(step, kind, Arguments.notNull("description", description)));
    }

    /**
     * Appends a row recorded by a training loop outside {@link Trainer}, e.g. training that refines the
     * network between steps. The same rules hold as for the trainer's own rows: the term names must match
     * the history's (fixed by the first training), and steps must increase.
     *
     * @param names the loss's term names, in the order of the row's values
     * @param row   the row, its step after {@link #lastStep()} of the rows so far
     * @throws IllegalArgumentException if the names differ from the history's or the step does not increase
     */
    public void addRow(List<String> names, Row row) {
        Arguments.notNull("row", row);
        if (row.terms().size() != names.size()) {
            throw new IllegalArgumentException("row has " + row.terms().size() + " term values but " + names.size()
                    + " term names " + names);
        }
        int last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).step();
        if (row.step() <= last) {
            throw new IllegalArgumentException("row step must be > the last row's step " + last + ", got "
                    + row.step());
        }
        useTerms(names);
        rows.add(row);
    }

    /** Fixes the term names on first use; later trainings must use the same terms. */
    void useTerms(List<String> names) {
        if (termNames == null) {
            termNames = List.copyOf(names);
        } else if (!termNames.equals(names)) {
            throw new IllegalArgumentException("the loss has terms " + names + " but this history records terms "
                    + termNames + "; continue a history only with a loss of the same terms");
        }
    }

    void add(Row row) {
        rows.add(row);
    }

    /**
     * Writes the rows as CSV: header {@code step,stage,loss,<term names...>,seconds}, one line per
     * row, numbers in Java's shortest round-trip form ({@code Double.toString}).
     *
     * @param file the file, created or replaced
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(List.of("step", "stage", "loss"));
            header.addAll(termNames());
            header.add("seconds");
            out.write(Csv.line(header));
            for (Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(r.step()));
                cells.add(r.stage());
                cells.add(Double.toString(r.loss()));
                r.terms().forEach(v -> cells.add(Double.toString(v)));
                cells.add(Double.toString(r.seconds()));
                out.write(Csv.line(cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the training history to " + file, e);
        }
    }

    /**
     * Writes the events as CSV: header {@code step,kind,description}, text quoted where needed.
     *
     * @param file the file, created or replaced
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeEventsCsv(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(Csv.line(List.of("step", "kind", "description")));
            for (Event e : events) {
                out.write(Csv.line(List.of(Integer.toString(e.step()), e.kind(), e.description())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the training events to " + file, e);
        }
    }
}
