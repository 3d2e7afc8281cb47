package org.pikan4j.validation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A field on a regular 2D grid drawn as a colour image with axes and a colour bar (viridis-like
 * map), e.g. the solution or the pointwise error of a 2D problem. Plain AWT, headless.
 */
public final class Heatmap {

    private static final int CELL = 4;
    private static final int MARGIN = 50;
    private static final int BAR = 18;
    private static final Color OUTSIDE = new Color(225, 225, 225);
    private static final Color[] MAP = {
        new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
        new Color(94, 201, 98), new Color(253, 231, 37)};

    private Heatmap() {
    }

    /**
     * Renders {@code values[iy][ix]} over [x0, x1] x [y0, y1] (row 0 at y0) with a title.
     *
     * @return the image, also written to {@code file} as PNG when file is not null
     */
    public static BufferedImage render(double[][] values, double x0, double x1, double y0, double y1,
                                       String title, Path file) throws IOException {
        return render(values, x0, x1, y0, y1, title, "x", "y", file);
    }

    /**
     * Renders {@code values[iy][ix]} with named axes, e.g. "x" and "t" for a space-time field.
     * NaN entries (points outside the domain) are drawn light grey and do not count for the scale.
     *
     * @return the image, also written to {@code file} as PNG when file is not null
     */
    public static BufferedImage render(double[][] values, double x0, double x1, double y0, double y1,
                                       String title, String xName, String yName, Path file) throws IOException {
        int ny = values.length;
        int nx = values[0].length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int size = Math.max(300, Math.min(600, CELL * Math.max(nx, ny)));
        int width = MARGIN + size + 30 + BAR + 90;
        int height = MARGIN + size + MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int py = 0; py < size; py++) {
            int iy = Math.min(ny - 1, (size - 1 - py) * ny / size);
            for (int px = 0; px < size; px++) {
                int ix = Math.min(nx - 1, px * nx / size);
                double v = values[iy][ix];
                image.setRGB(MARGIN + px, MARGIN + py, (Double.isNaN(v) ? OUTSIDE : colour(v, lo, hi)).getRGB());
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN, MARGIN, size, size);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, MARGIN, MARGIN - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(format(x0), MARGIN - 8, MARGIN + size + 16);
        g.drawString(format(x1), MARGIN + size - 16, MARGIN + size + 16);
        g.drawString(xName, MARGIN + size / 2, MARGIN + size + 30);
        g.drawString(format(y0), 4, MARGIN + size);
        g.drawString(format(y1), 4, MARGIN + 10);
        g.drawString(yName, 10, MARGIN + size / 2);
        int barX = MARGIN + size + 30;
        for (int py = 0; py < size; py++) {
            g.setColor(colour(hi - (hi - lo) * py / (size - 1.0), lo, hi));
            g.drawLine(barX, MARGIN + py, barX + BAR, MARGIN + py);
        }
        g.setColor(Color.BLACK);
        g.drawRect(barX, MARGIN, BAR, size);
        for (int tick = 0; tick <= 4; tick++) {
            double v = hi - (hi - lo) * tick / 4.0;
            int py = MARGIN + (int) Math.round((size - 1) * tick / 4.0);
            g.drawLine(barX + BAR, py, barX + BAR + 4, py);
            g.drawString(String.format("%.3g", v), barX + BAR + 6, py + 4);
        }
        g.dispose();
        if (file != null) {
            ImageIO.write(image, "png", file.toFile());
        }
        return image;
    }

    private static String format(double v) {
        return String.format("%.3g", v);
    }

    private static Color colour(double v, double lo, double hi) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        if (!Double.isFinite(t)) {
            return Color.RED;
        }
        double s = Math.max(0, Math.min(1, t)) * (MAP.length - 1);
        int i = Math.min(MAP.length - 2, (int) s);
        double f = s - i;
        Color a = MAP[i];
        Color b = MAP[i + 1];
        return new Color((int) (a.getRed() + f * (b.getRed() - a.getRed())),
                (int) (a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) (a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
