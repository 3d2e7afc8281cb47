package org.pikan4j.core.backend;

import java.util.List;
import org.pikan4j.core.backend.jvm.JvmBackend;

/** The backends every engine test runs on; jvm with a small block so that blocking is exercised. */
final class EngineBackends {

    private EngineBackends() {
    }

    static List<String> names() {
        return List.of("jvm");
    }

    static Backend named(String name) {
        return "jvm".equals(name) ? new JvmBackend(5) : Backends.named(name);
    }
}
