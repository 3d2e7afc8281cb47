package org.pikan4j.core.prune;

import java.util.List;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.symbolic.EdgeKey;

/**
 * The result of {@link Pruning#apply}: the smaller network with its parameters, which units of the original
 * it kept at every level, which kept edges were zeroed, and the scores it was pruned by. Immutable.
 */
public final class PrunedNetwork {

    private final Network original;
    private final Network network;
    private final double[] theta;
    private final int[][] kept;
    private final List<EdgeKey> zeroed;
    private final EdgeImportance scores;

    PrunedNetwork(Network original, Network network, double[] theta, int[][] kept, List<EdgeKey> zeroed,
                  EdgeImportance scores) {
        this.original = original;
        this.network = network;
        this.theta = theta;
        this.kept = kept;
        this.zeroed = List.copyOf(zeroed);
        this.scores = scores;
    }

    /** The network before pruning. */
    public Network original() {
        return original;
    }

    /** The pruned network. */
    public Network network() {
        return network;
    }

    /** Its parameters (the kept ones of the original, then the original's extra entries); a copy. */
    public double[] theta() {
        return theta.clone();
    }

    /**
     * The original indices of the units kept at a level: 0 the inputs, {@code layers} the outputs.
     *
     * @throws IllegalArgumentException for a level out of range
     */
    public int[] kept(int level) {
        if (level < 0 || level >= kept.length) {
            throw new IllegalArgumentException("level must be in [0, " + (kept.length - 1) + "], got " + level);
        }
        return kept[level].clone();
    }

    /** The original indices of the inputs the pruned network takes. */
    public int[] keptInputs() {
        return kept(0);
    }

    /** The kept edges whose parameters were zeroed, in original indices. */
    public List<EdgeKey> zeroedEdges() {
        return zeroed;
    }

    /** The scores the pruning used. */
    public EdgeImportance scores() {
        return scores;
    }

    /**
     * The columns of the kept inputs, for feeding points of the original input width to the pruned network.
     *
     * @throws IllegalArgumentException if a point does not have the original input width
     */
    public double[][] reduce(double[][] points) {
        original.checkInputs(points);
        double[][] out = new double[points.length][kept[0].length];
        for (int n = 0; n < points.length; n++) {
            for (int a = 0; a < kept[0].length; a++) {
                out[n][a] = points[n][kept[0][a]];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "PrunedNetwork[widths " + Pruning.widths(kept) + ", " + zeroed.size() + " edges zeroed, from "
                + original + "]";
    }
}
