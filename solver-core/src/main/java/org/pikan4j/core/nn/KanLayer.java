package org.pikan4j.core.nn;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.util.Arguments;

/**
 * A Kolmogorov-Arnold layer: every edge (input i, output j) carries a learnable function
 * {@code φ_ij(x) = w_b[i][j]·SiLU(x) + w_s[i][j]·Σ_m c[i][j][m] B_m(x)} and every output node
 * sums its incoming edges. All edges leaving input i share that input's knot vector, so the
 * B-spline basis is evaluated once per input and point. Immutable.
 *
 * <p>Parameter blocks: {@code coef} [in, out, G+k], {@code scaleBase} [in, out],
 * {@code scaleSpline} [in, out].
 */
public final class KanLayer implements Layer {

    private final int inputWidth;
    private final int outputWidth;
    private final List<KnotVector> grids;
    private final double noiseScale;

    /**
     * @param inputWidth  number of inputs, at least 1
     * @param outputWidth number of outputs, at least 1
     * @param grids       one knot vector per input, all with the same G and degree
     * @param noiseScale  half-width of the uniform noise the spline coefficients start from
     */
    public KanLayer(int inputWidth, int outputWidth, List<KnotVector> grids, double noiseScale) {
        Arguments.atLeast("inputWidth", inputWidth, 1);
        Arguments.atLeast("outputWidth", outputWidth, 1);
        if (grids.size() != inputWidth) {
            throw new IllegalArgumentException("grids must hold one knot vector per input (" + inputWidth
                    + "), got " + grids.size());
        }
        for (KnotVector g : grids) {
            if (g.intervals() != grids.get(0).intervals() || g.degree() != grids.get(0).degree()) {
                throw new IllegalArgumentException("grids must share G and degree within a layer, got "
                        + grids.get(0) + " and " + g);
            }
        }
        Arguments.nonNegative("noiseScale", noiseScale);
        this.inputWidth = inputWidth;
        this.outputWidth = outputWidth;
        this.grids = List.copyOf(grids);
        this.noiseScale = noiseScale;
    }

    /** The same layer on new knot vectors (after grid extension or update). */
    public KanLayer withGrids(List<KnotVector> newGrids) {
        return new KanLayer(inputWidth, outputWidth, newGrids, noiseScale);
    }

    @Override
    public int inputWidth() {
        return inputWidth;
    }

    @Override
    public int outputWidth() {
        return outputWidth;
    }

    /** The knot vector of input i. */
    public KnotVector grid(int input) {
        return grids.get(input);
    }

    /** All knot vectors, one per input. */
    public List<KnotVector> grids() {
        return grids;
    }

    /** Number of B-spline basis functions per edge, G + k. */
    public int basisCount() {
        return grids.get(0).basisCount();
    }

    /** Half-width of the uniform noise the spline coefficients start from. */
    public double noiseScale() {
        return noiseScale;
    }

    /** Spline degree k. */
    public int degree() {
        return grids.get(0).degree();
    }

    @Override
    public void declareParameters(String prefix, ParameterLayout.Builder layout) {
        layout.add(prefix + "coef", inputWidth, outputWidth, basisCount());
        layout.add(prefix + "scaleBase", inputWidth, outputWidth);
        layout.add(prefix + "scaleSpline", inputWidth, outputWidth);
    }

    /**
     * Spline coefficients start as small uniform noise (as in pykan / efficient-kan), the spline
     * scale at 1/sqrt(in), the base scale uniform in ±1/sqrt(in).
     */
    @Override
    public void initialize(String prefix, ParameterLayout layout, double[] theta,
                           UniformRandomProvider random) {
        double[] coef = new double[layout.block(prefix + "coef").length()];
        for (int p = 0; p < coef.length; p++) {
            coef[p] = (random.nextDouble() - 0.5) * 2.0 * noiseScale;
        }
        double fanIn = 1.0 / Math.sqrt(inputWidth);
        double[] base = new double[inputWidth * outputWidth];
        double[] spline = new double[inputWidth * outputWidth];
        for (int e = 0; e < base.length; e++) {
            base[e] = (random.nextDouble() * 2.0 - 1.0) * fanIn;
            spline[e] = fanIn;
        }
        layout.set(theta, prefix + "coef", coef);
        layout.set(theta, prefix + "scaleBase", base);
        layout.set(theta, prefix + "scaleSpline", spline);
    }

    @Override
    public String describe() {
        KnotVector g = grids.get(0);
        return "kan " + inputWidth + "->" + outputWidth + " (G=" + g.intervals() + ", k=" + g.degree()
                + ", range " + Arrays.toString(new double[] {g.lo(), g.hi()}) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
