package org.pikan4j.problems.dsl;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.Jet;

/**
 * The jets of a term's expressions of the coordinates only (an output transform's g and d), kept per point set and
 * block: they do not depend on the parameters, so a term evaluated at every optimizer step on the same points
 * computes them once (the diffused-kink lifting of allen-cahn1d, recomputed, made an evaluation 1.5x as costly).
 * Point sets are held weakly, so a set that RAD replaced goes with its term. Thread-safe: threads sweep different
 * blocks of a term at once.
 */
final class FixedJets {

    private record Key(int part, int offset, int size, DerivativeSet derivatives) {
    }

    private record Kept(DerivativeSet set, double[] values) {
    }

    private final Map<Object, Map<Key, Kept>> byPointSet = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Part {@code part}'s jet on the block: computed by {@code compute} the first time, read back after that; computed
     * every time where the points have no identity to keep it by.
     */
    Jet jet(Points points, int part, Supplier<Jet> compute) {
        Object pointSet = points.pointSet();
        if (pointSet == null) {
            return compute.get();
        }
        Map<Key, Kept> blocks = byPointSet.computeIfAbsent(pointSet, s -> new ConcurrentHashMap<>());
        Key key = new Key(part, points.offset(), points.size(), points.derivatives());
        Kept kept = blocks.get(key);
        if (kept == null) {
            Jet jet = compute.get();
            blocks.put(key, new Kept(jet.set(), jet.copyOfValues()));
            return jet;
        }
        return points.fixed(kept.set(), kept.values());
    }
}
