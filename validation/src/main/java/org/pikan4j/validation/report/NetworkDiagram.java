package org.pikan4j.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.prune.EdgeImportance;
import org.pikan4j.core.regularize.EdgeActivations;
import org.pikan4j.core.symbolic.EdgeFunction;

/**
 * A KAN drawn as in pykan's {@code plot()}: inputs at the bottom, outputs at the top, nodes as dots, and
 * every edge as a small plot of its learned function over the range of values that reach it, between
 * lines to the two nodes it joins; an edge's opacity is {@code tanh(3·score / top)} of its
 * {@link EdgeImportance} relative to the top score of its layer, so the edges that matter stand out and
 * prunable ones fade, also in wide layers where every score is a small share. Plain Java2D on a
 * {@link BufferedImage}, headless. Immutable; {@code withXxx} returns a new diagram.
 */
public final class NetworkDiagram {

    /** pykan's opacity steepness: alpha = tanh(BETA · score / top score of the layer). */
    static final double BETA = 3.0;
    /** The faintest edge is still drawn this opaque, so the layout stays readable. */
    static final float MIN_ALPHA = 0.06f;

    private static final int MARGIN = 40;
    private static final int MAX_CONTENT_WIDTH = 1800;

    private final Network network;
    private final double[] theta;
    private final EdgeActivations activations;
    private final EdgeImportance importance;
    private final List<String> inputNames;
    private final List<String> outputNames;
    private final String title;

    private NetworkDiagram(Network network, double[] theta, EdgeActivations activations, List<String> inputNames,
                           List<String> outputNames, String title) {
        this.network = network;
        this.theta = theta;
        this.activations = activations;
        this.importance = EdgeImportance.of(activations);
        this.inputNames = List.copyOf(inputNames);
        this.outputNames = List.copyOf(outputNames);
        this.title = title;
    }

    /**
     * The diagram of a trained KAN, its edges sampled and scored on the given points.
     *
     * @param network a network of KAN layers only
     * @param theta   its parameters (extra entries after the network's are ignored)
     * @param points  the points (e.g. the training points or an evaluation grid), at least one
     * @throws IllegalArgumentException for a layer that is not a KAN layer, a short theta or bad points
     */
    public static NetworkDiagram of(Network network, double[] theta, double[][] points) {
        EdgeActivations activations = EdgeActivations.of(network, theta, points);
        List<String> in = new ArrayList<>();
        for (int i = 0; i < network.inputDimension(); i++) {
            in.add("x" + (i + 1));
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < network.outputDimension(); k++) {
            out.add(network.outputDimension() == 1 ? "u" : "u" + (k + 1));
        }
        return new NetworkDiagram(network, theta.clone(), activations, in, out, null);
    }

    /**
     * The same with the inputs labelled, e.g. [x, y].
     *
     * @throws IllegalArgumentException if the number of names is not the input width
     */
    public NetworkDiagram withInputNames(List<String> names) {
        checkNames("input", names, network.inputDimension());
        return new NetworkDiagram(network, theta, activations, names, outputNames, title);
    }

    /**
     * The same with the outputs labelled, e.g. [u].
     *
     * @throws IllegalArgumentException if the number of names is not the output width
     */
    public NetworkDiagram withOutputNames(List<String> names) {
        checkNames("output", names, network.outputDimension());
        return new NetworkDiagram(network, theta, activations, inputNames, names, title);
    }

    /** The same with a title line above the diagram. */
    public NetworkDiagram withTitle(String text) {
        return new NetworkDiagram(network, theta, activations, inputNames, outputNames, text);
    }

    private static void checkNames(String what, List<String> names, int expected) {
        if (names.size() != expected) {
            throw new IllegalArgumentException(what + " names must hold " + expected + " names (the network's "
                    + what + " width), got " + names.size() + ": " + names);
        }
    }

    /** The importance scores behind the opacities. */
    public EdgeImportance importance() {
        return importance;
    }

    /** Where everything goes: sizes follow the widest layer, levels stack from the inputs up. */
    final class Geometry {
        final int box;
        final int content;
        final int width;
        final int height;
        final double[] levelY;

        private Geometry() {
            int depth = network.layers().size();
            int widest = 1;
            for (int l = 0; l < depth; l++) {
                widest = Math.max(widest, activations.inputWidth(l) * activations.outputWidth(l));
            }
            box = (int) Math.max(26, Math.min(72, MAX_CONTENT_WIDTH / (widest * 1.3)));
            int slot = (int) Math.round(box * 1.3);
            content = Math.max(widest * slot, 4 * slot);
            int band = 3 * box;   // from one level of nodes to the next
            int top = MARGIN + (title == null ? 0 : 26) + 24;
            width = content + 2 * MARGIN;
            height = top + depth * band + 24 + MARGIN;
            levelY = new double[depth + 1];
            for (int level = 0; level <= depth; level++) {
                levelY[level] = top + (depth - level) * band;
            }
        }

        /** The x of unit u of n on a level. */
        double nodeX(int u, int n) {
            return MARGIN + (u + 0.5) * content / n;
        }

        /** The frame of edge (i → j) of layer l: boxes of a layer in a row, input-major. */
        Rectangle2D.Double box(int l, int i, int j) {
            int in = activations.inputWidth(l);
            int out = activations.outputWidth(l);
            double cx = MARGIN + (i * out + j + 0.5) * content / (in * out);
            double top = (levelY[l] + levelY[l + 1]) / 2 - box / 2.0;
            return new Rectangle2D.Double(cx - box / 2.0, top, box, box);
        }
    }

    /** The layout of this diagram. */
    Geometry geometry() {
        return new Geometry();
    }

    /** The diagram as an image. */
    public BufferedImage render() {
        Geometry at = geometry();
        BufferedImage image = new BufferedImage(at.width, at.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, at.width, at.height);
        for (int l = 0; l < network.layers().size(); l++) {
            drawLayer(g, l, at);
        }
        drawNodes(g, at);
        drawLabels(g, at);
        g.dispose();
        return image;
    }

    /** The edges of layer l: lines from the input node to the box, from the box to the output node. */
    private void drawLayer(Graphics2D g, int l, Geometry at) {
        int in = activations.inputWidth(l);
        int out = activations.outputWidth(l);
        double top = 0.0;
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                top = Math.max(top, importance.edge(l, i, j));
            }
        }
        for (int i = 0; i < in; i++) {
            double[] inputs = activations.inputs(l, i);
            for (int j = 0; j < out; j++) {
                Rectangle2D.Double frame = at.box(l, i, j);
                float alpha = alpha(top > 0.0 ? importance.edge(l, i, j) / top : 0.0);
                Color ink = new Color(0f, 0f, 0f, alpha);
                g.setColor(ink);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(at.nodeX(i, in), at.levelY[l], frame.getCenterX(), frame.getMaxY()));
                g.draw(new Line2D.Double(frame.getCenterX(), frame.y, at.nodeX(j, out), at.levelY[l + 1]));
                g.setColor(Color.WHITE);
                g.fill(frame);
                g.setColor(new Color(0.55f, 0.55f, 0.55f, alpha));
                g.setStroke(new BasicStroke(1f));
                g.draw(frame);
                g.setColor(ink);
                g.setStroke(new BasicStroke(Math.max(1.5f, at.box / 30f), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                double pad = at.box * 0.12;
                EdgeCurve.of(EdgeFunction.of(network, theta, l, i, j), inputs)
                        .draw(g, frame.x + pad, frame.y + pad, at.box - 2 * pad, at.box - 2 * pad);
            }
        }
    }

    private void drawNodes(Graphics2D g, Geometry at) {
        g.setColor(Color.BLACK);
        int depth = network.layers().size();
        for (int level = 0; level <= depth; level++) {
            int n = level < depth ? activations.inputWidth(level) : activations.outputWidth(level - 1);
            for (int u = 0; u < n; u++) {
                double r = 4.5;
                g.fill(new Ellipse2D.Double(at.nodeX(u, n) - r, at.levelY[level] - r, 2 * r, 2 * r));
            }
        }
    }

    private void drawLabels(Graphics2D g, Geometry at) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        FontMetrics fm = g.getFontMetrics();
        int depth = network.layers().size();
        for (int i = 0; i < inputNames.size(); i++) {
            String s = inputNames.get(i);
            g.drawString(s, (float) (at.nodeX(i, inputNames.size()) - fm.stringWidth(s) / 2.0),
                    (float) at.levelY[0] + 24);
        }
        for (int k = 0; k < outputNames.size(); k++) {
            String s = outputNames.get(k);
            g.drawString(s, (float) (at.nodeX(k, outputNames.size()) - fm.stringWidth(s) / 2.0),
                    (float) at.levelY[depth] - 12);
        }
        if (title != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, MARGIN, MARGIN);
        }
    }

    /** The opacity of an edge scoring {@code share} of its layer's top score. */
    static float alpha(double share) {
        return (float) Math.max(MIN_ALPHA, Math.min(1.0, Math.tanh(BETA * share)));
    }

    /** Writes the diagram as PNG. */
    public void write(Path file) throws IOException {
        ImageIO.write(render(), "png", file.toFile());
    }
}
