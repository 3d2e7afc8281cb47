package org.pikan4j.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Term values keyed by term name, in term order. */
final class TermValues {

    private TermValues() {
    }

    static Map<String, Double> byName(List<String> names, double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int t = 0; t < names.size(); t++) {
            map.put(names.get(t), values[t]);
        }
        return Collections.unmodifiableMap(map);
    }
}
