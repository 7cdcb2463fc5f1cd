package io.archmeter.spaces.darts;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;

import java.util.Arrays;

/**
 * A DARTS genotype, as {@code genotypes.py} defines and every DARTS-family log prints it:
 * <pre>
 * Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), …], normal_concat=[2, 3, 4, 5],
 *          reduce=[('max_pool_3x3', 0), …], reduce_concat=range(2, 6))
 * </pre>
 * Each cell lists two (op, input) edges per intermediate node, in node order; node i (0-based)
 * reads any of the states 0 … i+1 (0 and 1 are the cell's two inputs, 2 + k the k-th node). The
 * concat lists the states concatenated into the cell's output, as a list or {@code range(a, b)}.
 * Quotes may be single or double, white space and trailing commas are free, and the keywords may
 * come in any order, each once. Optional options follow the closing parenthesis: {@code C=16 L=8}
 * (initial channels and cells; the defaults are the evaluation network's, see {@link DartsNetwork}).
 *
 * <p>Refused with a message: an unknown op (with the nearest name), an input index out of range
 * for its node, an odd number of edges, a concat index that is no state, a node whose two edges are
 * both {@code none} (a zero tensor that no layer stands for). Immutable.
 */
public final class Genotype implements DartsCells {
    static final String NOTATION = "DARTS genotype";
    static final String PREFIX = "Genotype(";

    private final byte[][] ops;
    private final byte[][] inputs;
    private final int[][] concat;
    private final int channels;
    private final int layers;

    Genotype(byte[] normalOps, byte[] normalInputs, int[] normalConcat, byte[] reduceOps, byte[] reduceInputs,
             int[] reduceConcat, int channels, int layers) {
        this.ops = new byte[][] {normalOps, reduceOps};
        this.inputs = new byte[][] {normalInputs, reduceInputs};
        this.concat = new int[][] {normalConcat, reduceConcat};
        this.channels = channels;
        this.layers = layers;
        check(0);
        check(1);
    }

    /** True if {@code text} starts with {@code Genotype(} (it may still be invalid). Allocation-free. */
    public static boolean looksLike(CharSequence text) {
        return Notations.startsWith(text, PREFIX);
    }

    /** Reads a genotype (see the class comment). */
    public static Genotype parse(CharSequence text) {
        return new GenotypeReader(text.toString()).read();
    }

    private void check(int kind) {
        String cell = kind == 0 ? "normal" : "reduce";
        byte[] o = ops[kind];
        if (o.length == 0 || o.length % 2 != 0) {
            throw error(cell + " has " + o.length + " edges: a cell has two per node");
        }
        for (int e = 0; e < o.length; e++) {
            int node = e / 2;
            if (inputs[kind][e] < 0 || inputs[kind][e] > node + 1) {
                throw error(cell + " edge " + (e + 1) + " ('" + DartsOp.ofOrdinal(o[e]).token() + "', " + inputs[kind][e]
                        + "): node " + node + " reads states 0 to " + (node + 1));
            }
            if (e % 2 == 1 && o[e] == DartsOp.NONE.ordinal() && o[e - 1] == DartsOp.NONE.ordinal()) {
                throw error(cell + " node " + node + " has only 'none' edges: a zero tensor, which no layer stands for");
            }
        }
        int states = o.length / 2 + 2;
        if (concat[kind].length == 0) {
            throw error(cell + "_concat is empty");
        }
        for (int c : concat[kind]) {
            if (c < 0 || c >= states) {
                throw error(cell + "_concat names state " + c + "; the cell has states 0 to " + (states - 1));
            }
        }
    }

    /** Number of intermediate nodes of the normal ({@code reduce} false) or reduction cell. */
    @Override
    public int nodes(boolean reduce) {
        return ops[reduce ? 1 : 0].length / 2;
    }

    /** The op of edge e (0-based, two per node). */
    @Override
    public DartsOp op(boolean reduce, int e) {
        return DartsOp.ofOrdinal(ops[reduce ? 1 : 0][e]);
    }

    /** The state edge e reads. */
    @Override
    public int input(boolean reduce, int e) {
        return inputs[reduce ? 1 : 0][e];
    }

    /** The states concatenated into the cell's output. */
    public int[] concat(boolean reduce) {
        return concat[reduce ? 1 : 0].clone();
    }

    @Override
    public int concatLength(boolean reduce) {
        return concat[reduce ? 1 : 0].length;
    }

    @Override
    public int concatState(boolean reduce, int k) {
        return concat[reduce ? 1 : 0][k];
    }

    /** The initial channels C given in the notation, or 0 for the network's default. */
    public int channels() {
        return channels;
    }

    /** The number of cells L given in the notation, or 0 for the network's default. */
    public int layers() {
        return layers;
    }

    /** The notation, as DARTS prints it ({@code range(a, b)} for a contiguous concat). */
    public String notation() {
        StringBuilder sb = new StringBuilder(512);
        appendNotation(sb, ops, inputs, concat, channels, layers);
        return sb.toString();
    }

    static void appendNotation(StringBuilder sb, byte[][] ops, byte[][] inputs, int[][] concat, int channels, int layers) {
        sb.append(PREFIX);
        for (int kind = 0; kind < 2; kind++) {
            String name = kind == 0 ? "normal" : "reduce";
            sb.append(kind == 0 ? "" : ", ").append(name).append("=[");
            for (int e = 0; e < ops[kind].length; e++) {
                sb.append(e == 0 ? "('" : ", ('").append(DartsOp.ofOrdinal(ops[kind][e]).token()).append("', ")
                        .append(inputs[kind][e]).append(')');
            }
            sb.append("], ").append(name).append("_concat=");
            int[] c = concat[kind];
            boolean range = true;
            for (int k = 1; k < c.length; k++) {
                range &= c[k] == c[k - 1] + 1;
            }
            if (range) {
                sb.append("range(").append(c[0]).append(", ").append(c[c.length - 1] + 1).append(')');
            } else {
                sb.append('[');
                for (int k = 0; k < c.length; k++) {
                    sb.append(k == 0 ? "" : ", ").append(c[k]);
                }
                sb.append(']');
            }
        }
        sb.append(')');
        if (channels != 0) {
            sb.append(" C=").append(channels);
        }
        if (layers != 0) {
            sb.append(" L=").append(layers);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Genotype g && Arrays.deepEquals(g.ops, ops) && Arrays.deepEquals(g.inputs, inputs)
                && Arrays.deepEquals(g.concat, concat) && g.channels == channels && g.layers == layers;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(ops) * 31 + Arrays.deepHashCode(inputs);
    }

    @Override
    public String toString() {
        return notation();
    }

    static NotationException error(String problem) {
        return Notations.error(NOTATION, problem);
    }

    static String suggest(String name) {
        return Notations.didYouMean(name, DartsOp.tokens());
    }
}
