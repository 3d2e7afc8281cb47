package org.pikan4j.core.symbolic;

/**
 * One edge of a KAN network: input i → output j of layer l.
 *
 * @param layer  the layer l
 * @param input  the input i
 * @param output the output j
 */
public record EdgeKey(int layer, int input, int output) {

    @Override
    public String toString() {
        return "(" + layer + ", " + input + ", " + output + ")";
    }
}
