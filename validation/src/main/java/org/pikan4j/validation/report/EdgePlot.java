package org.pikan4j.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.regularize.EdgeActivations;
import org.pikan4j.core.symbolic.EdgeFunction;

/**
 * One KAN edge in detail: its learned function over the range of values that reach it, with axes, and
 * under it a histogram of those values, so one sees where the function was trained and where it only
 * extrapolates; the grid points show as ticks on the axis. Plain Java2D, headless.
 */
public final class EdgePlot {

    private static final int WIDTH = 560;
    private static final int PLOT = 300;
    private static final int HISTOGRAM = 70;
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int BINS = 40;

    private EdgePlot() {
    }

    /**
     * Renders edge (i → j) of layer l, sampled on the values that reach it from the given points.
     *
     * @param title a title line, e.g. "layer 0: x -> h1"
     * @throws IllegalArgumentException for an unknown edge, a network that is not a KAN or bad points
     */
    public static BufferedImage render(Network network, double[] theta, double[][] points, int layer, int i, int j,
                                       String title) {
        EdgeFunction phi = EdgeFunction.of(network, theta, layer, i, j);
        double[] inputs = EdgeActivations.of(network, theta, points).inputs(layer, i);
        EdgeCurve curve = EdgeCurve.of(phi, inputs);
        int width = WIDTH;
        int plotWidth = width - LEFT - 30;
        int height = TOP + PLOT + 12 + HISTOGRAM + 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, TOP - 16);
        // the function
        g.setColor(new Color(0.6f, 0.6f, 0.6f));
        g.draw(new Rectangle2D.Double(LEFT, TOP, plotWidth, PLOT));
        if (curve.yMin() < 0 && curve.yMax() > 0) {
            double zero = TOP + PLOT * curve.yMax() / (curve.yMax() - curve.yMin());
            g.setColor(new Color(0.85f, 0.85f, 0.85f));
            g.drawLine(LEFT, (int) Math.round(zero), LEFT + plotWidth, (int) Math.round(zero));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        curve.draw(g, LEFT, TOP, plotWidth, PLOT);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        String hi = format(curve.yMax());
        String lo = format(curve.yMin());
        g.drawString(hi, LEFT - 6 - fm.stringWidth(hi), TOP + 12);
        g.drawString(lo, LEFT - 6 - fm.stringWidth(lo), TOP + PLOT);
        g.drawString("φ", LEFT - 24, TOP + PLOT / 2);
        // grid points of the edge's knot vector that fall in the range, as ticks
        double[] grid = phi.grid().gridPoints();
        int axis = TOP + PLOT;
        for (double x : grid) {
            if (x >= curve.xMin() && x <= curve.xMax()) {
                int px = (int) Math.round(LEFT + plotWidth * (x - curve.xMin()) / (curve.xMax() - curve.xMin()));
                g.drawLine(px, axis - 5, px, axis);
            }
        }
        // the sample distribution
        int histogramTop = axis + 12;
        int[] counts = new int[BINS];
        int most = 1;
        for (double x : inputs) {
            int b = (int) Math.min(BINS - 1, Math.floor(BINS * (x - curve.xMin()) / (curve.xMax() - curve.xMin())));
            counts[Math.max(0, b)]++;
            most = Math.max(most, counts[Math.max(0, b)]);
        }
        g.setColor(new Color(0.35f, 0.5f, 0.75f));
        double barWidth = plotWidth / (double) BINS;
        for (int b = 0; b < BINS; b++) {
            double h = HISTOGRAM * counts[b] / (double) most;
            g.fill(new Rectangle2D.Double(LEFT + b * barWidth + 0.5, histogramTop + HISTOGRAM - h, barWidth - 1, h));
        }
        g.setColor(Color.BLACK);
        g.drawString("samples", LEFT - 62, histogramTop + HISTOGRAM / 2 + 4);
        int labels = histogramTop + HISTOGRAM + 18;
        String left = format(curve.xMin());
        String right = format(curve.xMax());
        g.drawString(left, LEFT - fm.stringWidth(left) / 2, labels);
        g.drawString(right, LEFT + plotWidth - fm.stringWidth(right) / 2, labels);
        g.drawString(inputs.length + " values reaching the edge", LEFT + plotWidth / 2 - 80, labels + 18);
        g.dispose();
        return image;
    }

    /** Renders and writes a PNG. */
    public static void write(Network network, double[] theta, double[][] points, int layer, int i, int j, String title,
                             Path file) throws IOException {
        ImageIO.write(render(network, theta, points, layer, i, j, title), "png", file.toFile());
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
