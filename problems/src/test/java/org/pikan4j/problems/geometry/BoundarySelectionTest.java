package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundarySelectionTest {

    private static final BoundarySample SQUARE = Rectangle.of(0, 1, 0, 1).sampleBoundary(400, PointSampler.sobol());

    @Test
    void selectingByNameKeepsOnlyThatPiece() {
        BoundarySample left = SQUARE.select(BoundarySelector.named("left"));
        assertEquals(100, left.size());
        for (int i = 0; i < left.size(); i++) {
            assertEquals("left", left.piece(i));
            assertEquals(0, left.point(i)[0], 0.0);
        }
    }

    @Test
    void planeAliasesSelectTheSamePointsAsNames() {
        assertEquals(SQUARE.select("right").size(), SQUARE.select("x=1").size());
        assertEquals(SQUARE.select("bottom").size(), SQUARE.select("y=0.0").size());
        BoundarySample boxFront = Box.of(0, 1, 0, 1, -2, 3).sampleBoundary(600, PointSampler.sobol()).select("z=-2");
        assertFalse(boxFront.isEmpty());
        for (String piece : boxFront.pieces()) {
            assertEquals("front", piece);
        }
    }

    @Test
    void selectingByPredicateAndPlane() {
        BoundarySample onX0 = SQUARE.select(BoundarySelector.onPlane(0, 0.0));
        assertEquals(SQUARE.select("left").size(), onX0.size());
        BoundarySample upperHalf = SQUARE.select(BoundarySelector.where(p -> p[1] > 0.5));
        for (double[] p : upperHalf.points()) {
            assertTrue(p[1] > 0.5);
        }
        assertEquals(upperHalf.size(), SQUARE.select(BoundarySelector.where(p -> p[1] > 0.5)).size());
    }

    @Test
    void unionAndIntersectionOfSelectors() {
        BoundarySelector walls = BoundarySelector.named("top").or(BoundarySelector.named("bottom"));
        assertEquals(200, SQUARE.select(walls).size());
        assertEquals(200, SQUARE.select(BoundarySelector.anyOf(BoundarySelector.named("left"),
                BoundarySelector.onPlane("x", 1))).size());
        BoundarySample upperLeft = SQUARE.select(BoundarySelector.named("left")
                .and(BoundarySelector.where(p -> p[1] > 0.5)));
        assertEquals(50, upperLeft.size(), 2);
        assertEquals(SQUARE.size(), SQUARE.select(BoundarySelector.ALL).size());
    }

    @Test
    void aSelectionMatchingNothingIsDetectablyEmpty() {
        BoundarySample none = SQUARE.select(BoundarySelector.where(p -> p[0] > 5));
        assertTrue(none.isEmpty());
        assertEquals(0, none.size());
        assertEquals(List.of("left", "right", "bottom", "top"), none.pieceNames());
    }

    @Test
    void unknownPieceNameListsTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SQUARE.select("inlet"));
        assertEquals("unknown boundary piece \"inlet\"; valid pieces are [left, right, bottom, top]"
                + " and the planes [x=0, x=1, y=0, y=1]", e.getMessage());
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class, () -> SQUARE.select("x=0.5"));
        assertTrue(alias.getMessage().startsWith("unknown boundary piece \"x=0.5\""), alias.getMessage());
        IllegalArgumentException circle = assertThrows(IllegalArgumentException.class,
                () -> Disk.of(0, 0, 1).sampleBoundary(10, PointSampler.sobol()).select("left"));
        assertEquals("unknown boundary piece \"left\"; valid pieces are [circle]", circle.getMessage());
    }

    @Test
    void badCoordinateInPlaneSelectorIsReported() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> SQUARE.select(BoundarySelector.onPlane("z", 0)));
        assertEquals("unknown coordinate \"z\"; valid coordinates are [x, y]", name.getMessage());
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> SQUARE.select(BoundarySelector.onPlane(2, 0)));
        assertTrue(index.getMessage().contains("coordinate index 2 is out of range for a 2-dimensional domain"),
                index.getMessage());
    }

    @Test
    void equallyNamedPiecesOfCsgOperandsShareTheNameUnlessPrefixed() {
        Domain twoDisks = Disk.of(-2, 0, 1).union(Disk.of(2, 0, 1));
        assertEquals(List.of("circle"), twoDisks.boundaryPieceNames());
        Domain prefixed = Disk.of(-2, 0, 1).withPiecePrefix("a").union(Disk.of(2, 0, 1).withPiecePrefix("b"));
        assertEquals(List.of("a.circle", "b.circle"), prefixed.boundaryPieceNames());
        BoundarySample sample = prefixed.sampleBoundary(100, PointSampler.sobol());
        assertEquals(50, sample.select("a.circle").size());
        for (double[] p : sample.select("b.circle").points()) {
            assertTrue(p[0] > 0);
        }
    }
}
