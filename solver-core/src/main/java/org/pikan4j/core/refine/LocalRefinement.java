package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.util.Arguments;

/**
 * Local h-refinement of KAN grids, the estimate, mark, refine step of adaptive FEM: the residual's
 * {@link IntervalIndicators interval indicators} of every input of a KAN layer, {@link Marking} (Dörfler bulk by
 * default) per input, at most {@link #maxPerInput()} of the marked intervals with the largest indicators per input,
 * and {@link KnotInsertion exact knot insertion} at their midpoints. The function is unchanged up to round-off;
 * the grids become non-uniform where the residual concentrates (e.g. at a shock). Immutable.
 *
 * <p>By default only the first KAN layer is refined: its inputs are the coordinates, so its intervals are regions
 * of the domain. {@link #onAllKanLayers()} refines every KAN layer, each from the values entering it.
 *
 * <p>A residual peak on a knot (a shock at x = 0 of a grid with a knot there) lies in two intervals, but the marking
 * may pick one of them and refine one side only, which leaves the function finer on that side;
 * {@link #withPeakNeighbours(double)} bisects the interval across the knot too.
 */
public final class LocalRefinement {

    private final Marking marking;
    private final boolean allLayers;
    private final int maxPerInput;
    private final double peakNeighbours;

    private LocalRefinement(Marking marking, boolean allLayers, int maxPerInput, double peakNeighbours) {
        this.marking = marking;
        this.allLayers = allLayers;
        this.maxPerInput = maxPerInput;
        this.peakNeighbours = peakNeighbours;
    }

    /**
     * Dörfler marking with bulk fraction θ, the first KAN layer, at most 4 intervals per input and round.
     *
     * @param theta the bulk fraction, in {@code (0, 1]}
     * @return the refinement
     * @throws IllegalArgumentException if θ is outside {@code (0, 1]}
     */
    public static LocalRefinement dorfler(double theta) {
        return new LocalRefinement(Marking.dorfler(theta), false, 4, 0);
    }

    /**
     * @param how the marking, not null
     * @return a copy marking with {@code how}
     */
    public LocalRefinement withMarking(Marking how) {
        Arguments.notNull("marking", how);
        return new LocalRefinement(how, allLayers, maxPerInput, peakNeighbours);
    }

    /**
     * Caps the intervals bisected per input and round (the ones with the largest indicators are kept): a KAN
     * layer needs the same G on all its inputs, so every marked interval costs a coefficient on every edge.
     *
     * @param count the cap, &gt;= 1
     * @return a copy
     */
    public LocalRefinement withMaxPerInput(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxPerInput (intervals bisected per input and round) must be >= 1,"
                    + " got " + count);
        }
        return new LocalRefinement(marking, allLayers, count, peakNeighbours);
    }

    /** @return a copy refining every KAN layer, not only the first */
    public LocalRefinement onAllKanLayers() {
        return new LocalRefinement(marking, true, maxPerInput, peakNeighbours);
    }

    /**
     * Bisects the neighbour of a marked interval as well when the marked interval's residual peak (its point with
     * the largest squared residual) lies within {@code fraction} of the interval's width of the knot they share:
     * the peak straddles the knot, and refining one side only would make the grid finer on that side of it. The
     * neighbours come on top of {@link #maxPerInput()}.
     *
     * @param fraction of the width, in [0, 0.5]; 0 for none (the default)
     * @return a copy
     */
    public LocalRefinement withPeakNeighbours(double fraction) {
        if (!(fraction >= 0 && fraction <= 0.5)) {
            throw new IllegalArgumentException("peak neighbour fraction (of an interval's width) must be in [0, 0.5],"
                    + " got " + fraction);
        }
        return new LocalRefinement(marking, allLayers, maxPerInput, fraction);
    }

    /** @return the fraction of an interval's width within which a peak next to a knot marks the neighbour too */
    public double peakNeighbours() {
        return peakNeighbours;
    }

    /** @return the marking */
    public Marking marking() {
        return marking;
    }

    /** @return the cap on bisected intervals per input and round */
    public int maxPerInput() {
        return maxPerInput;
    }

    /** @return whether every KAN layer is refined (else only the first) */
    public boolean allKanLayers() {
        return allLayers;
    }

    /**
     * Refines where the loss's residuals concentrate: the indicators of all terms together (each point's entry of
     * {@link PinnLoss#residuals}, so the indicators of one input add up to the loss).
     *
     * @param network the loss's network
     * @param theta   its parameters (the loss's parameter vector)
     * @param loss    the loss (its {@link PinnLoss#residualProbe()} residuals are read)
     * @return the refinement, empty when no interval is marked (all residuals 0)
     * @throws IllegalArgumentException if an argument is invalid
     */
    public Optional<GridRefinement> refine(Network network, double[] theta, PinnLoss loss) {
        Arguments.notNull("loss", loss);
        if (loss.network() != network) {
            throw new IllegalArgumentException("loss must be built on the network being refined");
        }
        double[] residuals = new double[loss.residualCount()];
        loss.residualProbe().residuals(theta, residuals, null);
        return refine(network, theta, loss.points(), residuals);
    }

    /**
     * Refines where the given residuals concentrate.
     *
     * @param network   the network, with at least one KAN layer
     * @param theta     its parameters (the network's, then any extra ones)
     * @param points    the points, of the network's input dimension
     * @param residuals the residual at every point, finite
     * @return the refinement, empty when no interval is marked (all residuals 0)
     * @throws IllegalArgumentException if an argument is invalid
     */
    public Optional<GridRefinement> refine(Network network, double[] theta, double[][] points, double[] residuals) {
        Checks.networkAndTheta(network, theta);
        List<Integer> layers = Checks.kanLayers(network);
        int before = network.parameterCount();
        List<LayerRemap.Result> steps = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Network current = network;
        double[] currentTheta = theta;
        for (int l : allLayers ? layers : layers.subList(0, 1)) {
            // later layers' inputs are read on the refined network: the same values, the function is unchanged
            IntervalIndicators indicators = IntervalIndicators.of(current, currentTheta, l, points, residuals);
            KanLayer kan = (KanLayer) current.layers().get(l);
            Map<Integer, int[]> marked = new LinkedHashMap<>();
            for (int i = 0; i < indicators.inputs(); i++) {
                marked.put(i, withNeighbours(mark(indicators.values(i)), indicators.peaks(i),
                        kan.grid(i).gridPoints()));
            }
            if (marked.values().stream().allMatch(m -> m.length == 0)) {
                continue;
            }
            KnotInsertion.Step step = KnotInsertion.step(current, currentTheta, l, marked);
            steps.add(step.remap());
            changes.addAll(step.changes());
            current = step.remap().network();
            currentTheta = step.remap().theta();
        }
        return steps.isEmpty() ? Optional.empty()
                : Optional.of(GridRefinement.chain("knot insertion", before, steps, changes));
    }

    /**
     * The intervals of one input to bisect: the marking's choice, cut to the {@link #maxPerInput()} largest.
     *
     * @param indicators one indicator per interval, finite and &gt;= 0
     * @return the interval indices, ascending; empty when all indicators are 0
     */
    public int[] mark(double[] indicators) {
        int[] marked = marking.mark(indicators);
        if (Arrays.stream(indicators).allMatch(v -> v == 0.0)) {
            return new int[0];
        }
        if (marked.length <= maxPerInput) {
            return marked;
        }
        return IntStream.of(marked).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -indicators[j]).thenComparingInt(j -> j))
                .limit(maxPerInput).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The marked intervals and, with {@link #withPeakNeighbours}, the neighbours across knots their peaks sit on. */
    private int[] withNeighbours(int[] marked, double[] peaks, double[] gridPoints) {
        if (peakNeighbours == 0 || marked.length == 0) {
            return marked;
        }
        TreeSet<Integer> all = new TreeSet<>();
        for (int j : marked) {
            all.add(j);
            double width = gridPoints[j + 1] - gridPoints[j];
            if (Double.isNaN(peaks[j])) {
                continue;
            }
            if (j > 0 && peaks[j] - gridPoints[j] <= peakNeighbours * width) {
                all.add(j - 1);
            }
            if (j < peaks.length - 1 && gridPoints[j + 1] - peaks[j] <= peakNeighbours * width) {
                all.add(j + 1);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "LocalRefinement[" + marking + ", at most " + maxPerInput + " per input, "
                + (allLayers ? "all KAN layers" : "first KAN layer")
                + (peakNeighbours == 0 ? "" : ", neighbours of peaks within " + peakNeighbours + " of a knot") + "]";
    }
}
