package io.archmeter.spaces.darts;

/**
 * The operations of a DARTS edge ({@code operations.py} {@code OPS}), each applied with C channels
 * in and out and stride 2 on the edges from a reduction cell's inputs:
 * <table>
 *   <caption>Operations</caption>
 *   <tr><td>{@code none}</td><td>a zero tensor: adds nothing to its node</td></tr>
 *   <tr><td>{@code max_pool_3x3}, {@code avg_pool_3x3}</td><td>3×3 pooling, padding 1 ({@code count_include_pad=False}
 *       changes no MAC)</td></tr>
 *   <tr><td>{@code skip_connect}</td><td>identity; with stride 2 a FactorizedReduce</td></tr>
 *   <tr><td>{@code sep_conv_KxK}</td><td>twice ReLU, K×K depthwise (stride on the first), 1×1, BN</td></tr>
 *   <tr><td>{@code dil_conv_KxK}</td><td>ReLU, K×K depthwise with dilation 2, 1×1, BN</td></tr>
 *   <tr><td>{@code conv_7x1_1x7}</td><td>ReLU, 1×7 then 7×1 convolution, BN</td></tr>
 * </table>
 * Convolutions have no bias.
 */
public enum DartsOp {
    NONE("none"),
    MAX_POOL_3X3("max_pool_3x3"),
    AVG_POOL_3X3("avg_pool_3x3"),
    SKIP_CONNECT("skip_connect"),
    SEP_CONV_3X3("sep_conv_3x3"),
    SEP_CONV_5X5("sep_conv_5x5"),
    SEP_CONV_7X7("sep_conv_7x7"),
    DIL_CONV_3X3("dil_conv_3x3"),
    DIL_CONV_5X5("dil_conv_5x5"),
    CONV_7X1_1X7("conv_7x1_1x7");

    /** The 7 operations of the DARTS search space besides none ({@code genotypes.PRIMITIVES}). */
    static final DartsOp[] SEARCH_SPACE = {MAX_POOL_3X3, AVG_POOL_3X3, SKIP_CONNECT, SEP_CONV_3X3, SEP_CONV_5X5,
        DIL_CONV_3X3, DIL_CONV_5X5};

    private static final DartsOp[] ALL = values();

    private final String token;

    DartsOp(String token) {
        this.token = token;
    }

    /** The name in a genotype, e.g. {@code sep_conv_3x3}. */
    public String token() {
        return token;
    }

    static DartsOp ofOrdinal(int i) {
        return ALL[i];
    }

    /** The op named {@code name}, or null. */
    static DartsOp named(String name) {
        for (DartsOp op : ALL) {
            if (op.token.equals(name)) {
                return op;
            }
        }
        return null;
    }

    static String[] tokens() {
        String[] t = new String[ALL.length];
        for (DartsOp op : ALL) {
            t[op.ordinal()] = op.token;
        }
        return t;
    }
}
