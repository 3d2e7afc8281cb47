package org.pikan4j.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a network's parameters sit in one flat vector: named blocks (e.g. {@code kan0.coef},
 * {@code dense1.weight}) with their offsets and shapes. Optimizers see the flat vector;
 * refinement, regularization and symbolic work address blocks by name. Immutable.
 */
public final class ParameterLayout {

    /** One named block of the flat vector. */
    public record Block(String name, int offset, int[] shape) {
        /** Number of entries, the product of the shape. */
        public int length() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape) + "@" + offset;
        }
    }

    private final Map<String, Block> blocks;
    private final int size;

    private ParameterLayout(Map<String, Block> blocks, int size) {
        this.blocks = blocks;
        this.size = size;
    }

    /** Collects blocks in order; offsets follow from the order. */
    public static final class Builder {
        private final Map<String, Block> blocks = new LinkedHashMap<>();
        private int size;

        /** Appends a block and returns its offset. */
        public int add(String name, int... shape) {
            if (blocks.containsKey(name)) {
                throw new IllegalArgumentException("parameter block name must be unique, got " + name + " twice");
            }
            Block block = new Block(name, size, shape.clone());
            blocks.put(name, block);
            size += block.length();
            return block.offset();
        }

        /** The finished layout. */
        public ParameterLayout build() {
            return new ParameterLayout(new LinkedHashMap<>(blocks), size);
        }
    }

    /** A builder for a new layout. */
    public static Builder builder() {
        return new Builder();
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }

    /** The blocks in vector order. */
    public List<Block> blocks() {
        return new ArrayList<>(blocks.values());
    }

    /**
     * One block by name.
     *
     * @throws IllegalArgumentException naming the unknown block and listing the valid names
     */
    public Block block(String name) {
        Block block = blocks.get(name);
        if (block == null) {
            throw new IllegalArgumentException("unknown parameter block \"" + name + "\"; valid names: "
                    + blocks.keySet());
        }
        return block;
    }

    /** A copy of one block's entries from the flat vector. */
    public double[] get(double[] theta, String name) {
        checkLength(theta);
        Block b = block(name);
        return Arrays.copyOfRange(theta, b.offset(), b.offset() + b.length());
    }

    /** Writes one block's entries into the flat vector. */
    public void set(double[] theta, String name, double[] values) {
        checkLength(theta);
        Block b = block(name);
        if (values.length != b.length()) {
            throw new IllegalArgumentException("values for block " + name + " must have length "
                    + b.length() + ", got " + values.length);
        }
        System.arraycopy(values, 0, theta, b.offset(), values.length);
    }

    /** The name of the block holding flat index {@code p}, with the index inside it, for messages. */
    public String describe(int p) {
        for (Block b : blocks.values()) {
            if (p >= b.offset() && p < b.offset() + b.length()) {
                return b.name() + "[" + (p - b.offset()) + "]";
            }
        }
        throw new IllegalArgumentException("parameter index must be in [0, " + size + "), got " + p);
    }

    /** Checks that a flat vector fits this layout. */
    public void checkLength(double[] theta) {
        if (theta.length != size) {
            throw new IllegalArgumentException("parameter vector must have length " + size
                    + " for this network, got " + theta.length);
        }
    }

    @Override
    public String toString() {
        return "ParameterLayout" + blocks.values() + " size=" + size;
    }
}
