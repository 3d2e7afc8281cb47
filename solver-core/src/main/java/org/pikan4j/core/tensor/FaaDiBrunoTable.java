package org.pikan4j.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain rule for every component of a {@link DerivativeSet}, precomputed once.
 *
 * <p>For a composition f(g) the derivative along a multi-index α is
 * {@code Σ_r f^(r)(g) · P[α][r]}, where {@code P[α][r]} sums, over the partitions of α into r
 * blocks, the products of the derivatives of g along each block (Faà di Bruno's formula). The
 * polynomials P depend on g only, so a layer computes them once per input and point and reuses
 * them for every output unit. Arrays are laid out {@code p[c * (R + 1) + r]} with R the set's
 * maximum order; {@code P[value][0] = 1}.
 */
public final class FaaDiBrunoTable {

    private final int components;
    private final int maxOrder;
    private final int[] termStart;     // terms of component c: termStart[c] .. termStart[c+1]-1
    private final int[] termOrder;     // r, the number of blocks
    private final double[] termCoefficient;
    private final int[] factorStart;   // factors of term t: factorStart[t] .. + termOrder[t]-1
    private final int[] factors;       // component indices of g

    FaaDiBrunoTable(DerivativeSet set) {
        this.components = set.size();
        this.maxOrder = set.maxOrder();
        List<int[]> terms = new ArrayList<>(); // {component, order, coefficient, factors...}
        for (int c = 1; c < components; c++) {
            terms.addAll(termsOf(set, c));
        }
        termStart = new int[components + 1];
        termOrder = new int[terms.size()];
        termCoefficient = new double[terms.size()];
        factorStart = new int[terms.size()];
        factors = new int[terms.stream().mapToInt(t -> t[1]).sum()];
        int f = 0;
        for (int t = 0; t < terms.size(); t++) {
            int[] term = terms.get(t);
            termStart[term[0] + 1] = t + 1;
            termOrder[t] = term[1];
            termCoefficient[t] = term[2];
            factorStart[t] = f;
            for (int k = 0; k < term[1]; k++) {
                factors[f++] = term[3 + k];
            }
        }
        for (int c = 1; c <= components; c++) {
            termStart[c] = Math.max(termStart[c], termStart[c - 1]);
        }
    }

    /** Groups the set partitions of α's coordinate list by their multiset of block derivatives. */
    private static List<int[]> termsOf(DerivativeSet set, int c) {
        int[] coordinates = set.component(c).coordinateList();
        Map<String, int[]> grouped = new LinkedHashMap<>();
        forEachPartition(coordinates.length, blockOf -> {
            int blocks = Arrays.stream(blockOf).max().orElse(-1) + 1;
            int[] factorComponents = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                int[] counts = new int[set.dimension()];
                for (int pos = 0; pos < coordinates.length; pos++) {
                    if (blockOf[pos] == b) {
                        counts[coordinates[pos]]++;
                    }
                }
                factorComponents[b] = set.indexOf(MultiIndex.of(counts));
            }
            Arrays.sort(factorComponents);
            String key = Arrays.toString(factorComponents);
            int[] term = grouped.get(key);
            if (term == null) {
                term = new int[3 + blocks];
                term[0] = c;
                term[1] = blocks;
                System.arraycopy(factorComponents, 0, term, 3, blocks);
                grouped.put(key, term);
            }
            term[2]++;
        });
        return new ArrayList<>(grouped.values());
    }

    /** Visits every set partition of {0..n-1} as a restricted growth string (block of each position). */
    private static void forEachPartition(int n, java.util.function.Consumer<int[]> visitor) {
        growPartition(new int[n], 0, 0, visitor);
    }

    private static void growPartition(int[] blockOf, int pos, int blocks,
                                      java.util.function.Consumer<int[]> visitor) {
        if (pos == blockOf.length) {
            visitor.accept(blockOf);
            return;
        }
        for (int b = 0; b <= blocks; b++) {
            blockOf[pos] = b;
            growPartition(blockOf, pos + 1, Math.max(blocks, b + 1), visitor);
        }
    }

    /** Number of jet components. */
    public int components() {
        return components;
    }

    /** Highest derivative order R; polynomial arrays hold R + 1 entries per component. */
    public int maxOrder() {
        return maxOrder;
    }

    /**
     * The terms of component c's polynomials are {@code firstTerm(c) .. firstTerm(c + 1) - 1}:
     * term t adds {@code termCoefficient(t) · Π_k g[termFactor(t, k)]} (k below
     * {@code termOrder(t)}) to {@code P[c][termOrder(t)]}. For engines that evaluate P on whole
     * arrays instead of one point at a time; c may equal {@link #components()}.
     */
    public int firstTerm(int component) {
        return termStart[component];
    }

    /** The order r of term t: its number of factors and the P entry it adds to. */
    public int termOrder(int term) {
        return termOrder[term];
    }

    /** The integer coefficient of term t (how many partitions it groups). */
    public double termCoefficient(int term) {
        return termCoefficient[term];
    }

    /** The component of g that factor k of term t reads. */
    public int termFactor(int term, int k) {
        return factors[factorStart[term] + k];
    }

    /** Length of the polynomial array P: components x (R + 1). */
    public int polynomialLength() {
        return components * (maxOrder + 1);
    }

    /**
     * Computes P for one scalar jet g whose component k sits at {@code g[offset + k * stride]}.
     *
     * @param p output, length at least {@link #polynomialLength()}; fully overwritten
     */
    public void polynomials(double[] g, int offset, int stride, double[] p) {
        int width = maxOrder + 1;
        Arrays.fill(p, 0, components * width, 0.0);
        p[0] = 1.0;
        for (int c = 1; c < components; c++) {
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                double product = termCoefficient[t];
                int f0 = factorStart[t];
                for (int k = 0; k < termOrder[t]; k++) {
                    product *= g[offset + factors[f0 + k] * stride];
                }
                p[c * width + termOrder[t]] += product;
            }
        }
    }

    /**
     * Adds to the adjoint of g the contribution of an adjoint {@code pBar} of P (same layout).
     * The value component of g does not enter P, so {@code gBar[gOffset]} is untouched here.
     */
    public void polynomialsBackward(double[] g, int offset, int stride, double[] pBar,
                                    double[] gBar, int gOffset, int gStride) {
        int width = maxOrder + 1;
        for (int c = 1; c < components; c++) {
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                double seed = pBar[c * width + termOrder[t]] * termCoefficient[t];
                if (seed == 0.0) {
                    continue;
                }
                int f0 = factorStart[t];
                int r = termOrder[t];
                for (int k = 0; k < r; k++) {
                    double others = seed;
                    for (int q = 0; q < r; q++) {
                        if (q != k) {
                            others *= g[offset + factors[f0 + q] * stride];
                        }
                    }
                    gBar[gOffset + factors[f0 + k] * gStride] += others;
                }
            }
        }
    }

    /**
     * The jet of f(g): {@code out[c] = Σ_r f^(r) P[c][r]}.
     *
     * @param f the derivatives f(g0), f'(g0), ..., f^(R)(g0)
     */
    public void compose(double[] f, double[] p, double[] out, int offset, int stride) {
        int width = maxOrder + 1;
        out[offset] = f[0];
        for (int c = 1; c < components; c++) {
            double sum = 0.0;
            for (int r = 1; r < width; r++) {
                sum += f[r] * p[c * width + r];
            }
            out[offset + c * stride] = sum;
        }
    }

    /**
     * The adjoint of {@link #compose}: adds dL/dg (value and derivative components) for the
     * adjoint {@code outBar} of the composed jet.
     *
     * @param f        f(g0), f'(g0), ..., f^(R+1)(g0): one order more than compose needs
     * @param p        the polynomials of g, as computed by {@link #polynomials}
     * @param pAdjoint scratch of length {@link #polynomialLength()}, overwritten
     */
    public void composeBackward(double[] f, double[] p, double[] g, int gOffset, int gStride,
                                double[] outBar, int outOffset, int outStride,
                                double[] gBar, int gBarOffset, int gBarStride, double[] pAdjoint) {
        int width = maxOrder + 1;
        double valueAdjoint = outBar[outOffset] * f[1];
        for (int c = 1; c < components; c++) {
            double seed = outBar[outOffset + c * outStride];
            pAdjoint[c * width] = 0.0;
            for (int r = 1; r < width; r++) {
                // out_c = Σ_r f^(r)(g0) P[c][r]: through g0 in f^(r), and through P
                valueAdjoint += seed * p[c * width + r] * f[r + 1];
                pAdjoint[c * width + r] = seed * f[r];
            }
        }
        polynomialsBackward(g, gOffset, gStride, pAdjoint, gBar, gBarOffset, gBarStride);
        gBar[gBarOffset] += valueAdjoint;
    }

    /**
     * {@link #compose} for {@code count} scalar jets held as component slabs ({@code g[c][n]}: component c of
     * jet n), term by term with loops over the points. Every array in those loops is indexed by the point
     * alone, the form the JIT vectorizes (measured several times faster than strided jets).
     *
     * @param f   {@code f[r][n] = f^(r)(g_n)} for r = 0..R
     * @param out {@code out[c][0..count)}, overwritten; arrays distinct from g's and f's
     */
    public void composeSlabs(double[][] g, int count, double[][] f, double[][] out) {
        System.arraycopy(f[0], 0, out[0], 0, count);
        for (int c = 1; c < components; c++) {
            double[] o = out[c];
            Arrays.fill(o, 0, count, 0.0);
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                double[] fr = f[termOrder[t]];
                double coefficient = termCoefficient[t];
                double[] ga = g[factors[factorStart[t]]];
                if (termOrder[t] == 1) {
                    // the most common terms get loops without the generic product
                    for (int n = 0; n < count; n++) {
                        o[n] += coefficient * fr[n] * ga[n];
                    }
                } else if (termOrder[t] == 2) {
                    double[] gb = g[factors[factorStart[t] + 1]];
                    for (int n = 0; n < count; n++) {
                        o[n] += coefficient * fr[n] * ga[n] * gb[n];
                    }
                } else {
                    for (int n = 0; n < count; n++) {
                        o[n] += coefficient * fr[n] * product(t, g, n, -1);
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #composeSlabs}: adds dL/dg for the adjoint {@code outBar} (same layout).
     *
     * @param f    {@code f[r][n] = f^(r)(g_n)} for r = 0..R+1, one order more than compose
     * @param gBar {@code gBar[c][0..count)}, added to; arrays distinct from the others
     */
    public void composeSlabsBackward(double[][] g, int count, double[][] f, double[][] outBar, double[][] gBar) {
        double[] g0Bar = gBar[0];
        double[] f1 = f[1];
        double[] valueBar = outBar[0];
        for (int n = 0; n < count; n++) {
            g0Bar[n] += valueBar[n] * f1[n];
        }
        for (int c = 1; c < components; c++) {
            double[] cBar = outBar[c];
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                int r = termOrder[t];
                double[] fr = f[r];
                double[] fNext = f[r + 1];
                double coefficient = termCoefficient[t];
                int f0 = factorStart[t];
                double[] ga = g[factors[f0]];
                double[] gaBar = gBar[factors[f0]];
                if (r == 1) {
                    // the common terms without the generic product: f' g_a and f'' g_a g_b
                    for (int n = 0; n < count; n++) {
                        double seed = coefficient * cBar[n];
                        g0Bar[n] += seed * fNext[n] * ga[n];
                        gaBar[n] += seed * fr[n];
                    }
                } else if (r == 2) {
                    double[] gb = g[factors[f0 + 1]];
                    double[] gbBar = gBar[factors[f0 + 1]];
                    for (int n = 0; n < count; n++) {
                        double seed = coefficient * cBar[n];
                        double a = ga[n];
                        double b = gb[n];
                        g0Bar[n] += seed * fNext[n] * a * b;
                        double scaled = seed * fr[n];
                        gaBar[n] += scaled * b;
                        gbBar[n] += scaled * a;
                    }
                } else {
                    for (int n = 0; n < count; n++) {
                        double seed = coefficient * cBar[n];
                        // through g0 inside f^(r), then through each factor of the product
                        g0Bar[n] += seed * fNext[n] * product(t, g, n, -1);
                        double scaled = seed * fr[n];
                        for (int k = 0; k < r; k++) {
                            gBar[factors[f0 + k]][n] += scaled * product(t, g, n, k);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #polynomials} for {@code count} jets stored one after another (jet n's component c at
     * {@code g[at + n * C + c]}), term by term with loops over the points; jet n's polynomials go
     * to {@code p[n * polynomialLength() + ...]}.
     */
    public void polynomialsAll(double[] g, int at, int count, double[] p) {
        int c0 = components;
        int width = maxOrder + 1;
        int length = polynomialLength();
        Arrays.fill(p, 0, count * length, 0.0);
        for (int n = 0; n < count; n++) {
            p[n * length] = 1.0;
        }
        for (int c = 1; c < c0; c++) {
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                int r = termOrder[t];
                int q = c * width + r;
                double coefficient = termCoefficient[t];
                int a = at + factors[factorStart[t]];
                if (r == 1) {
                    for (int n = 0; n < count; n++) {
                        p[n * length + q] += coefficient * g[a + n * c0];
                    }
                } else if (r == 2) {
                    int b = at + factors[factorStart[t] + 1];
                    for (int n = 0; n < count; n++) {
                        p[n * length + q] += coefficient * g[a + n * c0] * g[b + n * c0];
                    }
                } else {
                    for (int n = 0; n < count; n++) {
                        p[n * length + q] += coefficient * product(t, g, at + n * c0, -1);
                    }
                }
            }
        }
    }

    /**
     * Selected polynomials {@code P[component[e]][order[e]]} of {@code count} jets stored one after
     * another (jet n's component c at {@code g[at + n * C + c]}), written to
     * {@code out[outAt + n * outStride + e]}: what a layer needs when most of P is structurally zero.
     */
    public void selectedPolynomialsAll(double[] g, int at, int count, int[] component, int[] order,
                                       double[] out, int outAt, int outStride) {
        int c0 = components;
        for (int e = 0; e < component.length; e++) {
            for (int n = 0; n < count; n++) {
                out[outAt + n * outStride + e] = 0.0;
            }
            for (int t = termStart[component[e]]; t < termStart[component[e] + 1]; t++) {
                if (termOrder[t] != order[e]) {
                    continue;
                }
                double coefficient = termCoefficient[t];
                int a = at + factors[factorStart[t]];
                int o = outAt + e;
                if (termOrder[t] == 1) {
                    for (int n = 0; n < count; n++) {
                        out[o + n * outStride] += coefficient * g[a + n * c0];
                    }
                } else if (termOrder[t] == 2) {
                    int b = at + factors[factorStart[t] + 1];
                    for (int n = 0; n < count; n++) {
                        out[o + n * outStride] += coefficient * g[a + n * c0] * g[b + n * c0];
                    }
                } else {
                    for (int n = 0; n < count; n++) {
                        out[o + n * outStride] += coefficient * product(t, g, at + n * c0, -1);
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #selectedPolynomialsAll}: with {@code pBar[pAt + n * pStride + e]} the
     * adjoint of jet n's {@code P[component[e]][order[e]]}, adds the adjoint of the jets to
     * {@code gBar} (jet n's component c at {@code gBar[gBarAt + n * C + c]}), term by term with
     * loops over the points. The value component does not enter P and is untouched.
     */
    public void selectedPolynomialsBackwardAll(double[] g, int at, int count, int[] component, int[] order,
                                               double[] pBar, int pAt, int pStride, double[] gBar, int gBarAt) {
        int c0 = components;
        for (int e = 0; e < component.length; e++) {
            for (int t = termStart[component[e]]; t < termStart[component[e] + 1]; t++) {
                int r = termOrder[t];
                if (r != order[e]) {
                    continue;
                }
                double coefficient = termCoefficient[t];
                int f0 = factorStart[t];
                int a = factors[f0];
                int p = pAt + e;
                if (r == 1) {
                    for (int n = 0; n < count; n++) {
                        gBar[gBarAt + n * c0 + a] += coefficient * pBar[p + n * pStride];
                    }
                } else if (r == 2) {
                    int b = factors[f0 + 1];
                    for (int n = 0; n < count; n++) {
                        double seed = coefficient * pBar[p + n * pStride];
                        int jet = at + n * c0;
                        int jetBar = gBarAt + n * c0;
                        gBar[jetBar + a] += seed * g[jet + b];
                        gBar[jetBar + b] += seed * g[jet + a];
                    }
                } else {
                    for (int n = 0; n < count; n++) {
                        double seed = coefficient * pBar[p + n * pStride];
                        for (int k = 0; k < r; k++) {
                            gBar[gBarAt + n * c0 + factors[f0 + k]] += seed * product(t, g, at + n * c0, k);
                        }
                    }
                }
            }
        }
    }

    /** The product of term t's factors of slab point n, leaving out factor {@code skip} (-1: none). */
    private double product(int t, double[][] g, int n, int skip) {
        double p = 1.0;
        int f0 = factorStart[t];
        for (int k = 0; k < termOrder[t]; k++) {
            if (k != skip) {
                p *= g[factors[f0 + k]][n];
            }
        }
        return p;
    }

    /** The product of term t's factors of the jet at {@code jet}, leaving out factor {@code skip} (-1: none). */
    private double product(int t, double[] g, int jet, int skip) {
        double p = 1.0;
        int f0 = factorStart[t];
        for (int k = 0; k < termOrder[t]; k++) {
            if (k != skip) {
                p *= g[jet + factors[f0 + k]];
            }
        }
        return p;
    }
}
