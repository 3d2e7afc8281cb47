package org.pikan4j.core.backend;

import java.util.List;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.backend.nd4j.Nd4jBackend;

/**
 * The backends every engine test runs on; jvm and nd4j with small blocks so that blocking is
 * exercised.
 */
final class EngineBackends {

    private EngineBackends() {
    }

    static List<String> names() {
        return List.of("jvm", "nd4j");
    }

    static Backend named(String name) {
        switch (name) {
            case "jvm":
                return new JvmBackend(5);
            case "nd4j":
                return new Nd4jBackend(5, 1);
            default:
                return Backends.named(name);
        }
    }
}
