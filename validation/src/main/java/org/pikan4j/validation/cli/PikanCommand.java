package org.pikan4j.validation.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pikan} command line: solve problems, check the engine, run benchmarks and convergence studies. */
@Command(name = "pikan", mixinStandardHelpOptions = true, version = "pikan4j 0.1.0",
        description = "Physics-informed Kolmogorov-Arnold Networks for PDEs.",
        subcommands = {SolveCommand.class, AdaptiveCommand.class, ListCommand.class, CheckCommand.class, BenchCommand.class,
                StudyCommand.class, CommandLine.HelpCommand.class})
public final class PikanCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new PikanCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
