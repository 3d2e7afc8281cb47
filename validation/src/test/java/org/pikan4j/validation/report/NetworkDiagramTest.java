package org.pikan4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;

class NetworkDiagramTest {

    @TempDir
    Path folder;

    /**
     * KAN [1, 2, 1] on G = 5: edge 0 -> 0 of layer 0 rises (coefficients 0..7), edge 0 -> 1 falls, layer 1
     * sums them with hidden node 1 silenced (its outgoing edge all zero), so edge 0 -> 1 of layer 0 and
     * edge 1 -> 0 of layer 1 score 0.
     */
    private static final Network NETWORK = Kan.widths(1, 2, 1).grid(5).degree(3).build();

    private static double[] theta() {
        double[] theta = new double[NETWORK.parameterCount()];
        double[] coef = new double[2 * 8];
        for (int m = 0; m < 8; m++) {
            coef[m] = m;
            coef[8 + m] = -0.5 * m * m;
        }
        NETWORK.layout().set(theta, "kan0.coef", coef);
        NETWORK.layout().set(theta, "kan0.scaleSpline", new double[] {1.0, 1.0});
        double[] identityish = new double[2 * 8];
        for (int m = 0; m < 8; m++) {
            identityish[m] = m - 3.5;
        }
        NETWORK.layout().set(theta, "kan1.coef", identityish);
        NETWORK.layout().set(theta, "kan1.scaleSpline", new double[] {1.0, 0.0});
        return theta;
    }

    private static double[][] points() {
        double[][] p = new double[101][1];
        for (int n = 0; n < p.length; n++) {
            p[n][0] = -1 + 2.0 * n / 100;
        }
        return p;
    }

    /** Mean grey level (0 black, 255 white) of a rectangle. */
    private static double darkness(BufferedImage image, Rectangle2D r) {
        double sum = 0;
        int count = 0;
        for (int y = (int) r.getMinY() + 2; y < (int) r.getMaxY() - 2; y++) {
            for (int x = (int) r.getMinX() + 2; x < (int) r.getMaxX() - 2; x++) {
                sum += 255 - (image.getRGB(x, y) & 0xff);
                count++;
            }
        }
        return sum / count;
    }

    /** The row of the darkest pixel of one pixel column inside the box. */
    private static int curveRow(BufferedImage image, Rectangle2D box, int x) {
        int best = -1;
        int darkest = 256;
        for (int y = (int) box.getMinY() + 3; y < (int) box.getMaxY() - 3; y++) {
            int grey = image.getRGB(x, y) & 0xff;
            if (grey < darkest) {
                darkest = grey;
                best = y;
            }
        }
        return best;
    }

    @Test
    void edgesShowTheirShapesAndFadeWithTheirScores() throws IOException {
        NetworkDiagram diagram = NetworkDiagram.of(NETWORK, theta(), points())
                .withInputNames(List.of("x")).withOutputNames(List.of("u")).withTitle("test");
        assertEquals(0.0, diagram.importance().edge(1, 1, 0), 0.0);
        assertEquals(1.0, diagram.importance().edge(1, 0, 0), 1e-15);
        Path file = folder.resolve("network.png");
        diagram.write(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        NetworkDiagram.Geometry at = diagram.geometry();
        assertEquals(at.width, image.getWidth());
        Rectangle2D rising = at.box(0, 0, 0);
        Rectangle2D falling = at.box(0, 0, 1);
        Rectangle2D important = at.box(1, 0, 0);
        Rectangle2D silent = at.box(1, 1, 0);
        // y grows downwards: a rising curve is low on the left and high on the right
        int left = (int) rising.getMinX() + 10;
        int right = (int) rising.getMaxX() - 10;
        assertTrue(curveRow(image, rising, left) > curveRow(image, rising, right) + 10, "rising edge");
        left = (int) falling.getMinX() + 10;
        right = (int) falling.getMaxX() - 10;
        assertTrue(curveRow(image, falling, left) < curveRow(image, falling, right) - 10, "falling edge");
        // the scored edge is drawn dark, the silenced one barely (alpha 0.06)
        double ink = darkness(image, important);
        double faint = darkness(image, silent);
        assertTrue(ink > 4 * faint, "ink " + ink + " vs faint " + faint);
        assertTrue(faint > 0.0, "the silenced edge is still outlined");
    }

    @Test
    void edgePlotDrawsTheCurveAndTheSampleHistogram() throws IOException {
        Path file = folder.resolve("edge.png");
        EdgePlot.write(NETWORK, theta(), points(), 0, 0, 0, "layer 0: x -> h1", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        // uniform samples: every histogram bar has height; the bar row is blue-ish
        int y = image.getHeight() - 60;
        int blue = 0;
        for (int x = 80; x < image.getWidth() - 40; x++) {
            int rgb = image.getRGB(x, y);
            blue += (rgb & 0xff) > ((rgb >> 16) & 0xff) + 40 ? 1 : 0;
        }
        assertTrue(blue > 300, "histogram pixels on a row: " + blue);
    }

    @Test
    void badNamesAreRefused() {
        NetworkDiagram diagram = NetworkDiagram.of(NETWORK, theta(), points());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> diagram.withInputNames(List.of("x", "y")));
        assertEquals("input names must hold 1 names (the network's input width), got 2: [x, y]", e.getMessage());
    }
}
