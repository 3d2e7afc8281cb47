package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pikan check} reports every derivative and passes on both backends; bad names are refused. */
class CheckCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "nd4j"})
    void everyDerivativeAgreesWithFiniteDifferences(String backend) {
        CommandOutput r = CommandOutput.run("check", "--backend", backend);
        assertEquals(0, r.status(), r.out() + r.err());
        for (String component : new String[] {"u_x ", "u_y ", "u_xx ", "u_xy ", "u_yy ", "u_xxx ", "u_xxxx "}) {
            assertTrue(r.out().contains(component), component + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("all derivatives agree with finite differences"), r.out());
    }

    @Test
    void unknownBackendIsRefused() {
        CommandOutput r = CommandOutput.run("check", "--backend", "tpu");
        assertNotEquals(0, r.status());
        assertTrue((r.out() + r.err()).contains("unknown backend \"tpu\""), r.out() + r.err());
    }
}
