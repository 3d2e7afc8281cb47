package org.pikan4j.core.residual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.Jet;

/**
 * A loss term on sums over points rather than on single points: G quantities
 * {@code S_g = Σ_parts Σ_k c_k · e(p_{n_k})}, each a linear combination (e.g. a quadrature rule) of a part's
 * pointwise expression e at its points, penalized as {@code w · mean_g S_g²}. A conservation law is one:
 * S_g is the amount of a conserved quantity at time t_g minus its initial amount plus what crossed the
 * boundary meanwhile. Pointwise residuals cannot see such a balance where the solution is too sharp for
 * the collocation points (a shock); an integral sees it as soon as any amount goes missing.
 *
 * <p>Immutable; {@link #penaltyFor} makes the {@link Penalty} for one network, with the exact gradient: one
 * forward pass per part (per thread's share of it), all its points at once and held, gives the sums; then each
 * point's expression is seeded with {@code Σ_k c_k · 2w/G · S_{g_k}} and swept back.
 */
public final class IntegralConstraint {

    /**
     * One expression at its points and the entries {@code (group[k], point[k], coefficient[k])} by which
     * its values enter the sums.
     */
    private record Part(ResidualTerm expression, int[] group, int[] point, double[] coefficient) {
    }

    private final String name;
    private final int groups;
    private final double weight;
    private final List<Part> parts;

    private IntegralConstraint(String name, int groups, double weight, List<Part> parts) {
        this.name = name;
        this.groups = groups;
        this.weight = weight;
        this.parts = List.copyOf(parts);
    }

    /**
     * A constraint of weight 1 without parts yet.
     *
     * @param name   shown in histories beside the residual terms, e.g. "conservation"; non-blank
     * @param groups the number G of sums, at least 1
     */
    public static IntegralConstraint named(String name, int groups) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("integral constraint name must be non-blank, got \"" + name + "\"");
        }
        if (groups < 1) {
            throw new IllegalArgumentException("integral constraint \"" + name + "\" needs groups >= 1, got " + groups);
        }
        return new IntegralConstraint(name, groups, 1.0, List.of());
    }

    /**
     * The same constraint with one more part: entry k adds {@code coefficient[k] · e(points[point[k]])} to sum
     * {@code group[k]}, e the part's residual expression (its own weight is ignored). The arrays are copied.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a group or point index is out of range,
     *                                  or a coefficient is not finite
     */
    public IntegralConstraint withPart(ResidualTerm expression, int[] group, int[] point, double[] coefficient) {
        if (expression == null || group == null || point == null || coefficient == null) {
            throw new IllegalArgumentException("part of integral constraint \"" + name + "\": expression and entry"
                    + " arrays must not be null");
        }
        if (group.length != point.length || point.length != coefficient.length) {
            throw new IllegalArgumentException("part \"" + expression.name() + "\" of integral constraint \"" + name
                    + "\": group, point and coefficient arrays must have one length, got " + group.length + ", "
                    + point.length + ", " + coefficient.length);
        }
        for (int k = 0; k < group.length; k++) {
            if (group[k] < 0 || group[k] >= groups || point[k] < 0 || point[k] >= expression.size()
                    || !Double.isFinite(coefficient[k])) {
                throw new IllegalArgumentException("part \"" + expression.name() + "\" of integral constraint \""
                        + name + "\": entry " + k + " (group " + group[k] + ", point " + point[k] + ", coefficient "
                        + coefficient[k] + ") needs a group in [0, " + groups + "), a point in [0, "
                        + expression.size() + ") and a finite coefficient");
            }
        }
        List<Part> all = new ArrayList<>(parts);
        all.add(new Part(expression, group.clone(), point.clone(), coefficient.clone()));
        return new IntegralConstraint(name, groups, weight, all);
    }

    /** The same constraint with another weight (finite, >= 0). */
    public IntegralConstraint withWeight(double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight of integral constraint \"" + name + "\" must be finite and"
                    + " >= 0, got " + w);
        }
        return new IntegralConstraint(name, groups, w, parts);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The number of sums. */
    public int groups() {
        return groups;
    }

    /** The weight w. */
    public double weight() {
        return weight;
    }

    /** {@link #penaltyFor(Network, Backend, List, int, int)} on one thread. */
    public Penalty penaltyFor(Network network, Backend backend, List<String> coordinateNames, int extraParameters) {
        return penaltyFor(network, backend, coordinateNames, extraParameters, 1);
    }

    /**
     * The penalty {@code w · mean_g S_g²} for one network, ready for {@link PinnLoss#withPenalty}. Each part's
     * points are split into one contiguous share per thread, and the threads' gradients are added in thread order,
     * so a given thread count always gives the same bits. Not thread-safe itself: one per loss.
     *
     * @param coordinateNames the network's input coordinates, for derivatives by name
     * @param extraParameters scalars after the network's parameters that the expressions may read
     * @param threads         1 to 64
     * @throws IllegalStateException    when the constraint has no part
     * @throws IllegalArgumentException when a part's points do not fit the network, or for a bad thread count
     */
    public Penalty penaltyFor(Network network, Backend backend, List<String> coordinateNames, int extraParameters,
                              int threads) {
        if (parts.isEmpty()) {
            throw new IllegalStateException("integral constraint \"" + name + "\" has no part; add one with withPart");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be in [1, 64], got " + threads);
        }
        for (Part part : parts) {
            if (part.expression().derivatives().dimension() != network.inputDimension()) {
                throw new IllegalArgumentException("part \"" + part.expression().name() + "\" of integral constraint \""
                        + name + "\" has points of dimension " + part.expression().derivatives().dimension()
                        + " but the network takes " + network.inputDimension());
            }
            network.checkInputs(part.expression().pointsShared());
        }
        List<Share> shares = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            shares.add(new Share(network, backend, List.copyOf(coordinateNames), extraParameters, w, threads));
        }
        return new Evaluation(shares, network.parameterCount() + extraParameters);
    }

    /** One thread's points: of every part the range [from, from + count), each with its own evaluator and tape. */
    private final class Share {

        private final BlockSweeper sweeper;
        private final int[] part;
        private final int[] from;
        private final int[] count;
        private final Jet[] values;

        Share(Network network, Backend backend, List<String> names, int extraParameters, int w, int threads) {
            List<ResidualTerm> pieces = new ArrayList<>();
            List<int[]> ranges = new ArrayList<>();
            for (int t = 0; t < parts.size(); t++) {
                ResidualTerm whole = parts.get(t).expression();
                int lo = whole.size() * w / threads;
                int hi = whole.size() * (w + 1) / threads;
                if (lo < hi) {
                    pieces.add(lo == 0 && hi == whole.size() ? whole
                            : whole.withPoints(Arrays.copyOfRange(whole.pointsShared(), lo, hi)));
                    ranges.add(new int[] {t, lo, hi - lo});
                }
            }
            this.part = ranges.stream().mapToInt(r -> r[0]).toArray();
            this.from = ranges.stream().mapToInt(r -> r[1]).toArray();
            this.count = ranges.stream().mapToInt(r -> r[2]).toArray();
            this.values = new Jet[pieces.size()];
            this.sweeper = pieces.isEmpty() ? null : new BlockSweeper(network, backend, pieces, names,
                    extraParameters, new double[pieces.size()][], new double[pieces.size()][], true);
        }

        /** Forward pass over the share; its values go to {@code into[part][point]}. */
        void forward(double[] theta, double[] gradient, double[][] into) {
            for (int i = 0; i < values.length; i++) {
                values[i] = sweeper.forwardWhole(i, theta, gradient);
                for (int n = 0; n < count[i]; n++) {
                    into[part[i]][from[i] + n] = values[i].value(n);
                }
            }
        }

        /** Seeds the share's values with {@code seeds[part][point]} and sweeps back into {@code gradient}. */
        void backward(double[][] seeds, double[] gradient) {
            for (int i = 0; i < values.length; i++) {
                for (int n = 0; n < count[i]; n++) {
                    values[i].addValueAdjoint(n, seeds[part[i]][from[i] + n]);
                }
                sweeper.sweepBack(i, gradient);
            }
        }
    }

    /** The penalty of one network: the threads' shares and the buffers of values, seeds and gradients. */
    private final class Evaluation implements Penalty {

        private final List<Share> shares;
        private final double[][] values;
        private final double[][] seeds;
        private final double[][] gradients;

        Evaluation(List<Share> shares, int parameters) {
            this.shares = shares;
            this.values = new double[parts.size()][];
            this.seeds = new double[parts.size()][];
            for (int t = 0; t < parts.size(); t++) {
                values[t] = new double[parts.get(t).expression().size()];
                seeds[t] = new double[values[t].length];
            }
            this.gradients = new double[shares.size()][parameters];
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double evaluate(double[] theta, double[] gradient) {
            if (weight == 0.0) {
                return 0.0;
            }
            // every share's forward state is held (one tape per piece) until the sums are known and the seeds go back
            LossHelpers.runAll(shares.size(), w -> {
                Arrays.fill(gradients[w], 0.0);
                shares.get(w).forward(theta, gradients[w], values);
            });
            double[] sums = new double[groups];
            for (int t = 0; t < parts.size(); t++) {
                Part part = parts.get(t);
                for (int k = 0; k < part.group().length; k++) {
                    sums[part.group()[k]] += part.coefficient()[k] * values[t][part.point()[k]];
                }
            }
            double value = 0.0;
            for (double s : sums) {
                value += s * s;
            }
            for (int t = 0; t < parts.size(); t++) {
                Part part = parts.get(t);
                Arrays.fill(seeds[t], 0.0);
                for (int k = 0; k < part.group().length; k++) {
                    seeds[t][part.point()[k]] += part.coefficient()[k] * 2.0 * weight / groups * sums[part.group()[k]];
                }
            }
            LossHelpers.runAll(shares.size(), w -> shares.get(w).backward(seeds, gradients[w]));
            for (double[] g : gradients) {
                for (int p = 0; p < gradient.length; p++) {
                    gradient[p] += g[p];
                }
            }
            return weight / groups * value;
        }
    }
}
