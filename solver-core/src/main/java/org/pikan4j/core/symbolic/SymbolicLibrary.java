package org.pikan4j.core.symbolic;

import static org.pikan4j.core.symbolic.Normalizers.chain;
import static org.pikan4j.core.symbolic.Normalizers.even;
import static org.pikan4j.core.symbolic.Normalizers.homogeneous;
import static org.pikan4j.core.symbolic.Normalizers.odd;
import static org.pikan4j.core.symbolic.Normalizers.shift;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The candidate functions a symbolic fit tries, in order; earlier entries win exact ties. Immutable:
 * {@link #withFunction} returns a new library.
 */
public final class SymbolicLibrary {

    /** Built once, so that a function taken from it equals the standard one of its name. */
    private static final SymbolicLibrary STANDARD = build();

    private final List<SymbolicFunction> functions;

    private SymbolicLibrary(List<SymbolicFunction> functions) {
        this.functions = List.copyOf(functions);
    }

    /**
     * The standard candidates: 0, x, x², x³, x⁴, 1/x, sqrt, exp, log, sin, cos, tan, tanh, abs and the
     * gaussian exp(-x²), with complexity scores in pykan's ballpark. The same instance every call.
     */
    public static SymbolicLibrary standard() {
        return STANDARD;
    }

    private static SymbolicLibrary build() {
        List<SymbolicFunction> f = new ArrayList<>();
        f.add(new SymbolicFunction("0", 0, x -> 0.0, x -> 0.0, "0", "0.0", "0", true, UnaryOperator.identity()));
        f.add(new SymbolicFunction("x", 1, x -> x, x -> 1.0, "{x}", "{x}", "{x}", true, UnaryOperator.identity()));
        f.add(known("x^2", 2, x -> x * x, x -> 2 * x, "({x})^2", "Math.pow({x}, 2)", "\\left({x}\\right)^{2}",
                chain(even(), homogeneous(2))));
        f.add(known("x^3", 3, x -> x * x * x, x -> 3 * x * x, "({x})^3", "Math.pow({x}, 3)",
                "\\left({x}\\right)^{3}", chain(odd(), homogeneous(3))));
        f.add(known("x^4", 3, x -> x * x * x * x, x -> 4 * x * x * x, "({x})^4", "Math.pow({x}, 4)",
                "\\left({x}\\right)^{4}", chain(even(), homogeneous(4))));
        f.add(known("1/x", 2, x -> 1.0 / x, x -> -1.0 / (x * x), "1/({x})", "1.0 / ({x})", "\\frac{1}{{x}}",
                chain(odd(), homogeneous(-1))));
        f.add(known("sqrt", 2, Math::sqrt, x -> 0.5 / Math.sqrt(x), "sqrt({x})", "Math.sqrt({x})", "\\sqrt{{x}}",
                homogeneous(0.5)));
        f.add(known("exp", 2, Math::exp, Math::exp, "exp({x})", "Math.exp({x})", "e^{{x}}",
                Normalizers.exponential()));
        f.add(known("log", 2, Math::log, x -> 1.0 / x, "log({x})", "Math.log({x})", "\\log\\left({x}\\right)",
                Normalizers.logarithmic()));
        f.add(known("sin", 2, Math::sin, Math::cos, "sin({x})", "Math.sin({x})", "\\sin\\left({x}\\right)",
                chain(odd(), shift(Math.PI, true))));
        f.add(known("cos", 2, Math::cos, x -> -Math.sin(x), "cos({x})", "Math.cos({x})",
                "\\cos\\left({x}\\right)", chain(even(), shift(Math.PI, true))));
        f.add(known("tan", 3, Math::tan, x -> 1.0 / (Math.cos(x) * Math.cos(x)), "tan({x})", "Math.tan({x})",
                "\\tan\\left({x}\\right)", chain(odd(), shift(Math.PI, false))));
        f.add(known("tanh", 2, Math::tanh, x -> 1.0 - Math.tanh(x) * Math.tanh(x), "tanh({x})", "Math.tanh({x})",
                "\\tanh\\left({x}\\right)", odd()));
        f.add(known("abs", 3, Math::abs, Math::signum, "abs({x})", "Math.abs({x})", "\\left|{x}\\right|",
                chain(even(), homogeneous(1))));
        f.add(known("gaussian", 2, x -> Math.exp(-x * x), x -> -2 * x * Math.exp(-x * x), "exp(-({x})^2)",
                "Math.exp(-Math.pow({x}, 2))", "e^{-\\left({x}\\right)^{2}}", even()));
        return new SymbolicLibrary(f);
    }

    private static SymbolicFunction known(String name, int complexity, DoubleUnaryOperator f,
                                          DoubleUnaryOperator derivative, String text, String java, String latex,
                                          UnaryOperator<AffineParameters> normalizer) {
        return new SymbolicFunction(name, complexity, f, derivative, text, java, latex, false, normalizer);
    }

    /**
     * This library with one more candidate, or with the candidate of the same name replaced.
     */
    public SymbolicLibrary withFunction(SymbolicFunction function) {
        List<SymbolicFunction> copy = new ArrayList<>(functions);
        copy.removeIf(g -> g.name().equals(function.name()));
        copy.add(function);
        return new SymbolicLibrary(copy);
    }

    /**
     * This library restricted to the named candidates (in this library's order), e.g. {@code only("x")} for a
     * layer that should stay linear, as pykan's {@code lib} argument.
     *
     * @throws IllegalArgumentException naming an unknown function and the known ones, or for no names
     */
    public SymbolicLibrary only(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("only needs at least one function name, got none; known: " + names());
        }
        Set<String> wanted = new LinkedHashSet<>(List.of(names));
        for (String name : wanted) {
            get(name);
        }
        return new SymbolicLibrary(functions.stream().filter(f -> wanted.contains(f.name())).toList());
    }

    /** The candidates, in tie-break order. */
    public List<SymbolicFunction> functions() {
        return functions;
    }

    /**
     * The candidate of the given name.
     *
     * @throws IllegalArgumentException naming the unknown function and the known ones
     */
    public SymbolicFunction get(String name) {
        for (SymbolicFunction f : functions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no function named " + name + " in the library, known: " + names());
    }

    private List<String> names() {
        return functions.stream().map(SymbolicFunction::name).toList();
    }

    @Override
    public String toString() {
        return "SymbolicLibrary" + names();
    }
}
