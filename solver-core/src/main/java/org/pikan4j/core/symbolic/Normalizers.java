package org.pikan4j.core.symbolic;

import java.util.function.UnaryOperator;

/**
 * Rewrites of (a, b, c, d) that leave {@code c·f(a·x + b) + d} unchanged, so that a fit reports one
 * canonical parameter set among the many equivalent ones (sin(-u) = -sin(u), sin(u + π) = -sin(u),
 * (2u)² = 4u², exp(u + b) = e^b exp(u), ...). Package-private building blocks of the standard library.
 */
final class Normalizers {

    private Normalizers() {
    }

    /** f(-u) = -f(u): makes a ≥ 0. */
    static UnaryOperator<AffineParameters> odd() {
        return p -> p.a() >= 0 ? p : new AffineParameters(-p.a(), -p.b(), -p.c(), p.d());
    }

    /** f(-u) = f(u): makes a ≥ 0. */
    static UnaryOperator<AffineParameters> even() {
        return p -> p.a() >= 0 ? p : new AffineParameters(-p.a(), -p.b(), p.c(), p.d());
    }

    /**
     * f(u + P) = s·f(u) with s = -1 when {@code flips}, else 1: moves b into [-P/2, P/2].
     */
    static UnaryOperator<AffineParameters> shift(double period, boolean flips) {
        return p -> {
            long k = Math.round(p.b() / period);
            double c = flips && (k & 1L) == 1L ? -p.c() : p.c();
            return new AffineParameters(p.a(), p.b() - k * period, c, p.d());
        };
    }

    /** f(s·u) = s^degree·f(u) for s &gt; 0: makes |a| = 1. */
    static UnaryOperator<AffineParameters> homogeneous(double degree) {
        return p -> {
            double s = Math.abs(p.a());
            if (s == 0.0) {
                return p;
            }
            return new AffineParameters(Math.signum(p.a()), p.b() / s, p.c() * Math.pow(s, degree), p.d());
        };
    }

    /** exp(u + b) = e^b·exp(u): makes b = 0. */
    static UnaryOperator<AffineParameters> exponential() {
        return p -> new AffineParameters(p.a(), 0.0, p.c() * Math.exp(p.b()), p.d());
    }

    /** log(s·u) = log(s) + log(u) for s &gt; 0: makes |a| = 1. */
    static UnaryOperator<AffineParameters> logarithmic() {
        return p -> {
            double s = Math.abs(p.a());
            if (s == 0.0) {
                return p;
            }
            return new AffineParameters(Math.signum(p.a()), p.b() / s, p.c(), p.d() + p.c() * Math.log(s));
        };
    }

    /** Applies the rewrites in order. */
    @SafeVarargs
    static UnaryOperator<AffineParameters> chain(UnaryOperator<AffineParameters>... steps) {
        return p -> {
            AffineParameters q = p;
            for (UnaryOperator<AffineParameters> step : steps) {
                q = step.apply(q);
            }
            return q;
        };
    }
}
