package io.archmeter.model;

import java.util.Locale;

/**
 * The layer operations archmeter knows, with the name each has in an architecture string
 * and the {@link OpCode} it is stored as.
 *
 * <p>The operations fall into a few families that the engine treats alike:
 * <ul>
 *   <li><b>convolutions</b> ({@link #CONV}, {@link #DEPTHWISE}): cost MACs, own weights, allocate their output;</li>
 *   <li><b>pooling</b> ({@link #MAX_POOL}, {@link #AVG_POOL}, {@link #GLOBAL_AVG_POOL}): no weights, allocate their output;</li>
 *   <li><b>{@link #FC}</b>: flattens its input, costs in·out MACs;</li>
 *   <li><b>in place</b> ({@link #BATCH_NORM}, the activations, {@link #DROPOUT}, {@link #FLATTEN}, {@link #IDENTITY}):
 *       allocate nothing; batch norm alone owns parameters (γ and β, 2·C);</li>
 *   <li>{@link #LRN}: no weights, allocates its output.</li>
 *   <li><b>joins</b> ({@link #ADD}, {@link #CONCAT}, {@link #MUL}): two inputs, allocate their output;
 *       written in architecture strings as the closing {@code )add}, {@code )cat} or {@code )mul} of a
 *       branch group.</li>
 * </ul>
 */
public enum Op {
    CONV(OpCode.CONV, "conv"),
    DEPTHWISE(OpCode.DEPTHWISE, "dw"),
    MAX_POOL(OpCode.MAX_POOL, "maxpool"),
    AVG_POOL(OpCode.AVG_POOL, "avgpool"),
    GLOBAL_AVG_POOL(OpCode.GLOBAL_AVG_POOL, "gap"),
    FC(OpCode.FC, "fc"),
    BATCH_NORM(OpCode.BATCH_NORM, "bn"),
    RELU(OpCode.RELU, "relu"),
    RELU6(OpCode.RELU6, "relu6"),
    SIGMOID(OpCode.SIGMOID, "sigmoid"),
    SWISH(OpCode.SWISH, "swish"),
    HSWISH(OpCode.HSWISH, "hswish"),
    HSIGMOID(OpCode.HSIGMOID, "hsigmoid"),
    TANH(OpCode.TANH, "tanh"),
    GELU(OpCode.GELU, "gelu"),
    LRN(OpCode.LRN, "lrn"),
    DROPOUT(OpCode.DROPOUT, "dropout"),
    FLATTEN(OpCode.FLATTEN, "flatten"),
    IDENTITY(OpCode.IDENTITY, "id"),
    ADD(OpCode.ADD, "add"),
    CONCAT(OpCode.CONCAT, "cat"),
    MUL(OpCode.MUL, "mul");

    private static final Op[] BY_CODE = values();

    static {
        if (BY_CODE.length != OpCode.COUNT) {
            throw new AssertionError("Op and OpCode disagree on the number of operations");
        }
        for (Op op : BY_CODE) {
            if (op.code != op.ordinal()) {
                throw new AssertionError("Op " + op + " must be declared in OpCode order");
            }
        }
    }

    private final int code;
    private final String token;

    Op(int code, String token) {
        this.code = code;
        this.token = token;
    }

    /** The integer stored in a layer record. */
    public int code() {
        return code;
    }

    /** The name of the operation in an architecture string, e.g. {@code "maxpool"}. */
    public String token() {
        return token;
    }

    /** The operation stored as {@code code}. */
    public static Op ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no operation has code " + code + " (codes are 0.." + (BY_CODE.length - 1) + ")");
        }
        return BY_CODE[code];
    }

    /** True for the element-wise activation functions (relu … gelu). */
    public boolean isActivation() {
        return code >= OpCode.RELU && code <= OpCode.GELU;
    }

    /** True for the ops with two inputs: add, cat, mul. */
    public boolean isJoin() {
        return code >= OpCode.ADD;
    }

    /** True for a convolution or a fully-connected layer: the layers that cost MACs. */
    public boolean hasWeights() {
        return this == CONV || this == DEPTHWISE || this == FC;
    }

    /** The operation whose {@link #token()} is {@code name}, e.g. {@code "relu6"}. */
    public static Op ofToken(String name) {
        for (Op op : BY_CODE) {
            if (op.token.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name + "'");
    }

    @Override
    public String toString() {
        return token.toUpperCase(Locale.ROOT).equals(name()) ? token : token + " (" + name().toLowerCase(Locale.ROOT) + ")";
    }
}
