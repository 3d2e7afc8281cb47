package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Disk;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Bad-input suite, the DSL: point counts, names, weights, coefficients, empty point sets, data, time intervals
 * and periodic conditions a domain cannot carry (cases {@link MisuseTest} does not already hold). Each is an
 * IllegalArgumentException whose message names the thing, the value and what is valid. 21 cases.
 */
class DslBadInputTest {

    private static ProblemBuilder square() {
        return Problem.named("sq").domain(Rectangle.of(0, 1, 0, 1));
    }

    private static Problem heat() {
        return Problem.named("heat").domain(SpaceTime.of(Interval.of(0, 1), 0, 1)).pde(u -> u.d("t").minus(u.d("xx")))
                .dirichlet(BoundarySelector.ALL, x -> 0.0).initial(x -> Math.sin(Math.PI * x[0])).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("negative interior count", () -> Collocation.of(-1, 10),
                        "interior point count must be >= 0, got -1"),
                bad("negative initial count", () -> Collocation.of(10, 10, -2),
                        "initial point count must be >= 0, got -2"),
                bad("no sampler", () -> Collocation.of(10, 10).withSampler(null), "sampler must not be null"),
                bad("blank problem name", () -> Problem.named(" "), "problem name must be non-blank, got \" \""),
                bad("a field named twice", () -> square().fields("u", "u"),
                        "field names must be non-blank and distinct, got [u, u]"),
                bad("no fields", () -> square().fields(), "fields(...) needs at least one field name, got none"),
                bad("a coefficient declared twice", () -> square().coefficient("k", 1).coefficient("k", 2),
                        "coefficient names must be non-blank and distinct, got \"k\" with [k] declared"),
                bad("NaN coefficient", () -> square().coefficient("k", Double.NaN),
                        "initial value of coefficient \"k\" must be finite, got NaN"),
                bad("negative weight", () -> square().pde(u -> u).weight("pde", -1).build(),
                        "weight of \"pde\" must be finite and >= 0, got -1.0"),
                bad("NaN weight", () -> square().pde(u -> u).weight("pde", Double.NaN).build(),
                        "weight of \"pde\" must be finite and >= 0, got NaN"),
                bad("periodic along an unknown coordinate", () -> square().pde(u -> u).periodic("z").build(),
                        "periodic(\"z\"): unknown coordinate \"z\" in problem \"sq\"; periodic conditions are along a"
                                + " spatial coordinate, valid are [x, y]"),
                bad("periodic on a disk", () -> Problem.named("d").domain(Disk.of(0, 0, 1)).pde(u -> u).periodic("x")
                                .build().discretize(Collocation.of(10, 10)),
                        "term \"periodic[x]\" needs boundary faces in the planes x = -1.0 and x = 1.0, but Disk"),
                bad("periodic along time", () -> Problem.named("h").domain(SpaceTime.of(Interval.of(0, 1), 0, 1))
                                .pde(u -> u.d("t")).periodic("t").build(),
                        "periodic(\"t\"): \"t\" is the time coordinate of"),
                bad("time running backwards", () -> SpaceTime.of(Interval.of(0, 1), 1, 0),
                        "SpaceTime needs t0 < t1, got t0 = 1.0, t1 = 0.0"),
                bad("NaN end time", () -> SpaceTime.of(Interval.of(0, 1), 0, Double.NaN),
                        "SpaceTime bound t1 must be a finite number, got NaN"),
                bad("no interior points", () -> square().pde(u -> u).build().discretize(Collocation.of(0, 10)),
                        "term \"pde\" needs interior points, got none; ask for some in the collocation"),
                bad("no boundary points for a condition", () -> square().pde(u -> u)
                                .dirichlet(BoundarySelector.ALL, x -> 0.0).build().discretize(Collocation.of(10, 0)),
                        "term \"dirichlet\" needs boundary points, got none; ask for some in the collocation"),
                bad("no initial points", () -> heat().discretize(Collocation.of(10, 10, 0)),
                        "term \"initial\" needs initial points, got none; ask for some in the collocation"),
                bad("no observations", () -> square().pde(u -> u).data(new double[0][], new double[0]).build(),
                        "term \"data\" needs at least one observation, got none"),
                bad("NaN observation", () -> square().pde(u -> u).data(new double[][] {{0.5, 0.5}},
                        new double[] {Double.NaN}).build(),
                        "term \"data\": data point 0 [0.5, 0.5] with value NaN must be finite"),
                bad("NaN Robin coefficient", () -> square().pde(u -> u).robin(BoundarySelector.ALL, Double.NaN, 1,
                        x -> 0.0).build(), "robin needs finite a and b, not both zero, got a = NaN, b = 1.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithASpecificMessage(String what, Executable misuse, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        assertTrue(e.getMessage().startsWith(expected), "\"" + e.getMessage() + "\" does not start with \"" + expected
                + "\"");
    }

    private static Arguments bad(String what, Executable misuse, String expected) {
        return Arguments.of(what, misuse, expected);
    }
}
