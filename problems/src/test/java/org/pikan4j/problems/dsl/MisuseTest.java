package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;

/** Each misuse of the DSL is an IllegalArgumentException that names the thing and what is valid. */
class MisuseTest {

    private static ProblemBuilder square() {
        return Problem.named("sq").domain(Rectangle.of(0, 1, 0, 1));
    }

    @Test
    void unknownFieldInAnExpressionListsTheFields() {
        assertMessage(() -> square().fields("u", "v").pde(u -> u.field("w")).build(),
                "term \"pde\"", "unknown field \"w\"", "[u, v]");
    }

    @Test
    void unknownFieldOfAConditionListsTheFields() {
        assertMessage(() -> square().pde(u -> u).dirichlet("p", BoundarySelector.ALL, x -> 0.0).build(),
                "unknown field \"p\"", "[u]");
    }

    @Test
    void unknownDerivativeListsTheCoordinateNames() {
        assertMessage(() -> square().pde(u -> u.d("zz")).build(), "\"zz\"", "[x, y]");
    }

    @Test
    void timeDerivativeWithoutTimeListsTheCoordinateNames() {
        assertMessage(() -> square().pde(u -> u.d("t")).build(), "\"t\"", "[x, y]");
    }

    @Test
    void unknownCoordinateListsTheCoordinates() {
        assertMessage(() -> square().pde(u -> u.coord("z")).build(), "unknown coordinate \"z\"", "[x, y]");
        assertMessage(() -> square().pde(u -> u.x(2)).build(), "coordinate index 2", "[x, y]");
    }

    @Test
    void derivativeAboveTheEnginesOrderIsRejected() {
        assertMessage(() -> square().pde(u -> u.d("xxx").d("yy")).build(), "xxxyy", "order 5", "up to 4");
    }

    @Test
    void selectionMatchingNoBoundaryPointNamesTheSelectionAndThePieces() {
        Problem p = square().pde(u -> u).dirichlet(BoundarySelector.where(x -> x[0] > 5), x -> 0.0).build();
        assertMessage(() -> p.discretize(Collocation.of(10, 40)), "dirichlet[where]", "matches none",
                "left", "right", "bottom", "top");
    }

    @Test
    void unknownPieceNameListsThePieces() {
        Problem p = square().pde(u -> u).dirichlet(BoundarySelector.named("inlet"), x -> 0.0).build();
        assertMessage(() -> p.discretize(Collocation.of(10, 40)), "dirichlet[inlet]", "\"inlet\"",
                "[left, right, bottom, top]");
    }

    @Test
    void conditionWithoutBoundaryPointsSaysSo() {
        Problem p = square().pde(u -> u).dirichlet(BoundarySelector.ALL, x -> 0.0).build();
        assertMessage(() -> p.discretize(Collocation.of(10, 0)), "term \"dirichlet\"", "boundary points");
    }

    @Test
    void problemWithoutPdeIsRejected() {
        assertMessage(() -> square().dirichlet(BoundarySelector.ALL, x -> 0.0).build(), "\"sq\"", "no PDE");
    }

    @Test
    void problemWithoutDomainIsRejected() {
        assertMessage(() -> Problem.named("nowhere").pde(u -> u).build(), "\"nowhere\"", "no domain");
    }

    @Test
    void boundaryLambdaOfTheWrongDimensionNamesTheCoordinates() {
        assertMessage(() -> square().pde(u -> u).dirichlet(BoundarySelector.ALL, x -> x[2]).build(),
                "term \"dirichlet\"", "2 coordinates [x, y]");
    }

    @Test
    void sourceLambdaOfTheWrongDimensionNamesTheCoordinates() {
        assertMessage(() -> Problem.named("line").domain(Interval.of(0, 1))
                        .pde(u -> u.d("xx").minus(u.source(x -> x[0] * x[1]))).build(),
                "term \"pde\"", "source term", "1 coordinates [x]");
    }

    @Test
    void exactSolutionOfTheWrongDimensionNamesTheCoordinates() {
        assertMessage(() -> square().pde(u -> u).exact(x -> x[3]).build(), "exact solution", "[x, y]");
    }

    @Test
    void initialConditionWithoutTimeNamesTheDomainsCoordinates() {
        assertMessage(() -> square().pde(u -> u).initial(x -> 0.0).build(), "\"initial\"", "no time coordinate",
                "[x, y]", "SpaceTime");
        assertMessage(() -> square().pde(u -> u).initialRate(x -> 0.0).build(), "\"initialRate\"", "no time");
    }

    @Test
    void networkOfTheWrongInputWidthIsRejected() {
        Discretization d = square().pde(u -> u).build().discretize(Collocation.of(10, 0));
        assertMessage(() -> d.loss(Mlp.widths(3, 4, 1).build()), "takes 3 inputs", "2 coordinates [x, y]");
    }

    @Test
    void networkOfTheWrongOutputWidthIsRejected() {
        Discretization d = square().fields("u", "v").pde(u -> u).build().discretize(Collocation.of(10, 0));
        assertMessage(() -> d.loss(Mlp.widths(2, 4, 1).build()), "gives 1 outputs", "2 fields [u, v]");
    }

    @Test
    void unknownCoefficientListsTheDeclaredOnes() {
        assertMessage(() -> square().coefficient("kappa", 1).pde(u -> u.times(u.coefficient("nu"))).build(),
                "unknown coefficient \"nu\"", "[kappa]");
    }

    @Test
    void weightMatchingNoTermListsTheTerms() {
        assertMessage(() -> square().pde(u -> u).dirichlet(BoundarySelector.named("left"), x -> 0.0)
                .weight("bondary", 3).build(), "\"bondary\"", "pde", "dirichlet[left]", "boundary");
    }

    @Test
    void dataOfMismatchedLengthsOrOutsideTheDomainIsRejected() {
        assertMessage(() -> square().pde(u -> u).data(new double[][] {{0.5, 0.5}}, new double[] {1, 2}).build(),
                "\"data\"", "1 points but 2 values");
        assertMessage(() -> square().pde(u -> u).data(new double[][] {{0.5}}, new double[] {1}).build(),
                "data point 0", "1 coordinates", "[x, y]");
        assertMessage(() -> square().pde(u -> u).data(new double[][] {{3, 0.5}}, new double[] {1}).build(),
                "data point 0", "outside");
    }

    @Test
    void coordinateExpressionCannotReadFields() {
        assertMessage(() -> square().outputTransform(s -> s.u(), s -> s.constant(1)).pde(u -> u).build(),
                "output transform", "cannot read field \"u\"");
    }

    @Test
    void transformOnAnUnknownFieldListsTheFields() {
        assertMessage(() -> square().outputTransform("w", s -> s.constant(0), s -> s.constant(1)).pde(u -> u).build(),
                "unknown field \"w\"", "[u]");
    }

    @Test
    void twoTransformsOnOneFieldAreRejected() {
        assertMessage(() -> square().outputTransform(s -> s.constant(0), s -> s.constant(1))
                .outputTransform("u", s -> s.constant(0), s -> s.constant(2)).pde(u -> u).build(),
                "field \"u\"", "two output transforms");
    }

    @Test
    void robinWithBothCoefficientsZeroIsRejected() {
        assertMessage(() -> square().robin(BoundarySelector.ALL, 0, 0, x -> 0.0), "a = 0.0, b = 0.0");
    }

    @Test
    void exactSolutionOfAFieldWithoutOneIsRejected() {
        Problem p = square().fields("u", "v").pde(u -> u).exact("v", x -> 1.0).build();
        assertMessage(() -> p.exact("u", new double[][] {{0.5, 0.5}}), "no exact solution for field \"u\"", "[v]");
    }

    @Test
    void residualsOfNeedATrialForEveryFieldRead() {
        Discretization d = square().fields("u", "v").pde(u -> u.minus(u.field("v"))).build()
                .discretize(Collocation.of(4, 0));
        assertMessage(() -> d.residualsOf(s -> s.constant(1)), "term \"pde\"", "field \"v\"", "no trial solution");
    }

    @Test
    void expressionKeptFromAnotherEvaluationIsRejected() {
        Expr[] kept = new Expr[1];
        Problem p = square().pde(u -> {
            if (kept[0] == null) {
                kept[0] = u;   // kept from the build's dry run
            }
            return u.minus(kept[0]);
        }).build();
        Discretization d = p.discretize(Collocation.of(4, 0));
        assertMessage(() -> d.residualsOf(s -> s.constant(1)), "another evaluation", "term \"pde\"");
    }

    private static void assertMessage(Executable misuse, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        System.out.println("MSG " + e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
        }
    }
}
