package org.pikan4j.validation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing where a benchmark ran: CPU, cores, Java, maximum heap. */
public final class Machine {

    private Machine() {
    }

    /** E.g. {@code AMD EPYC, 2 cores, Linux amd64, Java 17.0.15 (Debian), max heap 4096 MB}. */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d cores, %s %s, Java %s (%s), max heap %d MB", cpuModel(),
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                runtime.maxMemory() / (1024 * 1024));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
