package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.JetBlock;

/**
 * A periodic input embedding on plain arrays: cos(ωx) and sin(ωx) of a periodic input through the
 * chain rule on its whole jet (so any input jet works, not only raw coordinates), other inputs copied.
 * No parameters, and the embedding is always layer 0, so the reverse sweep has nothing to do.
 */
final class JvmEmbeddingKernel implements JvmLayerKernel {

    private final PeriodicEmbedding embedding;
    private final FaaDiBrunoTable chain;
    private final int components;
    private final int orders;
    private final double[][] input;    // the periodic input's jet as component slabs, [component][point]
    private final double[][] cosine;   // f^(r)(x_n) of cos(ωx) for r = 0..R, [r][point]
    private final double[][] sine;
    private final double[][] result;   // one output's jet as component slabs

    JvmEmbeddingKernel(PeriodicEmbedding embedding, DerivativeSet set, int capacity) {
        this.embedding = embedding;
        this.chain = set.chainRule();
        this.components = set.size();
        this.orders = set.maxOrder() + 1;
        this.input = new double[components][capacity];
        this.cosine = new double[orders][capacity];
        this.sine = new double[orders][capacity];
        this.result = new double[components][capacity];
    }

    @Override
    public void forward(double[] theta, JetBlock in, JetBlock out, int count) {
        double[] x = in.data();
        for (int i = 0; i < embedding.inputWidth(); i++) {
            int at = in.index(0, 0, i);
            int o = embedding.firstOutput(i);
            if (!embedding.isPeriodic(i)) {
                System.arraycopy(x, at, out.data(), out.index(0, 0, o), count * components);
                continue;
            }
            double omega = 2.0 * Math.PI / embedding.period(i);
            in.toSlabs(i, count, input);
            for (int n = 0; n < count; n++) {
                double angle = omega * input[0][n];
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                double scale = 1.0;
                // d^r/dx^r cos(ωx) = ω^r cos(ωx + rπ/2): the cycle c, -s, -c, s
                for (int r = 0; r < orders; r++) {
                    cosine[r][n] = scale * cycle(r, c, s);
                    sine[r][n] = scale * cycle(r + 3, c, s);
                    scale *= omega;
                }
            }
            chain.composeSlabs(input, count, cosine, result);
            out.fromSlabs(o, count, result);
            chain.composeSlabs(input, count, sine, result);
            out.fromSlabs(o + 1, count, result);
        }
    }

    /** The r-th derivative of cos at the angle, from its cosine and sine. */
    private static double cycle(int r, double c, double s) {
        return switch (r % 4) {
            case 0 -> c;
            case 1 -> -s;
            case 2 -> -c;
            default -> s;
        };
    }

    @Override
    public void backward(double[] theta, JetBlock in, JetBlock outAdjoint, JetBlock inAdjoint, int count,
                         double[] grad, int rowOffset, int rowStride) {
        // no parameters, and as layer 0 (Network's rule) nothing needs the coordinates' adjoint
    }
}
