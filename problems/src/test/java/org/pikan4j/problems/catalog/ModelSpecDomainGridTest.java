package org.pikan4j.problems.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

class ModelSpecDomainGridTest {

    private static final double[] LO = {-1, 0};
    private static final double[] HI = {1, 1};

    @Test
    void aDomainGridModelPutsTheFirstGridsOnTheBox() {
        ModelSpec spec = ModelSpec.kan(10, 3, 2, 5, 1).withDomainGrid(true).withExtensions(20);
        KanLayer first = (KanLayer) spec.build(LO, HI).layers().get(0);
        assertEquals(KnotVector.uniform(10, 3, 0, 1), first.grid(1));
        assertEquals("KAN [2, 5, 1] G=10->20 k=3 grid on domain", spec.toString());
        assertNotEquals(spec, spec.withDomainGrid(false));
    }

    @Test
    void withoutTheFlagTheBoxIsIgnored() {
        KanLayer first = (KanLayer) ModelSpec.kan(10, 3, 2, 5, 1).build(LO, HI).layers().get(0);
        assertEquals(KnotVector.uniform(10, 3, -1, 1), first.grid(1));
    }

    @Test
    void behindAPeriodicEmbeddingTheGridsSpanItsOutputs() {
        Problem p = Problem.named("periodic-heat")
                .domain(SpaceTime.of(Interval.of(-1, 1), 0, 1))
                .pde(u -> u.d("t").minus(u.d("xx")))
                .periodicByEmbedding("x")
                .build();
        // the network sees cos πx, sin πx in [-1, 1] and t in [0, 1]
        KanLayer onDomain = (KanLayer) ModelSpec.kan(10, 3, 2, 5, 1).withDomainGrid(true).buildFor(p).layers().get(1);
        assertEquals(KnotVector.uniform(10, 3, -1, 1), onDomain.grid(0));
        assertEquals(KnotVector.uniform(10, 3, -1, 1), onDomain.grid(1));
        assertEquals(KnotVector.uniform(10, 3, 0, 1), onDomain.grid(2));
        KanLayer plain = (KanLayer) ModelSpec.kan(10, 3, 2, 5, 1).buildFor(p).layers().get(1);
        assertEquals(KnotVector.uniform(10, 3, -1, 1), plain.grid(2));
    }

    @Test
    void anMlpHasNoGridToPutOnTheDomain() {
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.mlp(2, 5, 1).withDomainGrid(true));
    }
}
