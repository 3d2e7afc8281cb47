package org.pikan4j.validation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.solve.SymbolicReadout;

/** Prints a {@link SymbolicReadout} and writes the final formula as text, LaTeX and Java. */
final class FormulaReport {

    private static final List<String> STEPS = List.of("best candidate per edge", "fine-tuned to the network",
            "fine-tuned to the PDE");

    private FormulaReport() {
    }

    static void print(SymbolicReadout.Result r, PrintStream console, Path file) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int step = 0; step < STEPS.size(); step++) {
            s.append(String.format(Locale.ROOT, "symbolic, %s:%n", STEPS.get(step)));
            for (Map.Entry<String, ErrorMetrics> e : r.errors().get(step).entrySet()) {
                s.append(String.format(Locale.ROOT, "  %s: relative L2 %.3e, max error %.3e%n", e.getKey(),
                        e.getValue().relativeL2(), e.getValue().maxError()));
            }
        }
        s.append("formula:\n").append(r.tuned().formula()).append('\n');
        s.append("LaTeX:\n").append(r.tuned().latexFormula()).append('\n');
        s.append("Java:\n").append(r.tuned().javaFormula()).append('\n');
        s.append(String.format(Locale.ROOT, "symbolic readout took %.1f s%n", r.seconds()));
        console.print(s);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }
}
