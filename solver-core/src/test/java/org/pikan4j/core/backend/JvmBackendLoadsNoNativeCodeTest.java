package org.pikan4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Choosing the jvm backend never loads ND4J or its native libraries: a child JVM evaluates a
 * PINN loss on jvm with {@code -verbose:class}, and no class of {@code org.nd4j} or
 * {@code org.bytedeco} (JavaCPP, which unpacks and loads the native code) appears.
 */
class JvmBackendLoadsNoNativeCodeTest {

    @Test
    void evaluatingOnJvmLoadsNoNd4jClass() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                JvmOnlyMain.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, process.exitValue(), "the child JVM failed:\n" + output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("loss=")), "no loss printed:\n" + output);
        assertTrue(output.contains("org.pikan4j.core.residual.PinnLoss"),
                "-verbose:class listed no classes:\n" + output);
        List<String> nd4jClasses = output.lines()
                .filter(l -> l.contains(" org.nd4j.") || l.contains(" org.bytedeco."))
                .collect(Collectors.toList());
        assertTrue(nd4jClasses.isEmpty(), "the jvm backend loaded ND4J classes: " + nd4jClasses);
    }
}
