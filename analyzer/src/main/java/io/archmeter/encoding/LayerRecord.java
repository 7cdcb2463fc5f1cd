package io.archmeter.encoding;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

/**
 * Descriptor of the fixed-stride record that encodes one layer in an {@code int[]}, in the manner
 * of Agrona's {@code RecordDescriptor}: named field offsets, static offset helpers and a
 * {@link #validate(int[], int) validate} for the invariants. Every layer of every candidate is one
 * such record; a candidate is a run of consecutive records (see {@link CandidateBatch}).
 *
 * <pre>
 *   int offset  0      1    2    3    4    5    6    7    8    9        10     11      12      13    14
 *             +------+----+----+----+----+----+----+----+----+--------+------+-------+-------+-----+-----+
 *             |  op  | kh | kw | sh | sw | ph | pw | dh | dw | groups | cout | cmult | flags | in0 | in1 |
 *             +------+----+----+----+----+----+----+----+----+--------+------+-------+-------+-----+-----+
 *               |      kernel    stride    padding  dilation     |        |       |       |       |     |
 *               +- an {@link OpCode}                               |        |       |       |       |     +- second input of a join, layers back (0: none)
 *                                                                |        |       |       |       +- input, layers back (1: the previous layer)
 *                                                                |        |       |       +- bit 0 bias, bit 1 ceil rounding, bit 2 fused join
 *                                                                |        |       +- channel multiplier (&ge; 1)
 *                                                                |        +- output channels, or {@link #CHANNELS_FROM_INPUT}
 *                                                                +- groups, or {@link #GROUPS_PER_CHANNEL} (depthwise)
 * </pre>
 *
 * <h2>Chains and graphs</h2>
 * A layer reads the output of the layer {@code in0} places before it: 1, the previous layer, in
 * a plain chain; {@code j + 1} for layer j (0-based in its candidate) reads the network input. A
 * join ({@link OpCode#ADD}, {@link OpCode#CONCAT}, {@link OpCode#MUL}) also reads the layer
 * {@code in1} places before it. A join of more than two tensors is a run of joins of one op, each
 * reading the previous one as {@code in0}, all but the last with {@link #FLAG_FUSED}: the run is
 * one operation that allocates one output (as {@code torch.cat} of a list does), and its inputs
 * stay alive until its last join. Example, a residual block on x (layer 0 is x's producer):
 * <pre>
 *   1 conv_k3 (in0 1)   2 bn   3 relu   4 conv_k3   5 bn   6 add (in0 1, in1 6: layer 0)   7 relu
 * </pre>
 *
 * <p>Fields a layer does not use hold neutral values ({@link #putSimple}: kernel, stride and
 * dilation 1, padding 0, groups 1, cout {@link #CHANNELS_FROM_INPUT}, cmult 1, no flags, in0 1,
 * in1 0), so the engine never needs a null check. Two sentinels stand for values known only once
 * the input channels of the layer are: {@link #GROUPS_PER_CHANNEL} (groups = C_in, a depthwise
 * convolution) and {@link #CHANNELS_FROM_INPUT} (C_out = C_in · cmult). Padding is stored
 * resolved (the grammar turns "same" into floor(d·(k−1)/2) per axis).
 *
 * <p>Example: {@code conv_k3_s2_c32} is {@code [0, 3,3, 2,2, 1,1, 1,1, 1, 32, 1, 1, 1, 0]};
 * {@code dw_k3} is {@code [1, 3,3, 1,1, 1,1, 1,1, 0, 0, 1, 1, 1, 0]}.
 */
public final class LayerRecord {
    public static final int OP_OFFSET = 0;
    public static final int KERNEL_H_OFFSET = 1;
    public static final int KERNEL_W_OFFSET = 2;
    public static final int STRIDE_H_OFFSET = 3;
    public static final int STRIDE_W_OFFSET = 4;
    public static final int PAD_H_OFFSET = 5;
    public static final int PAD_W_OFFSET = 6;
    public static final int DILATION_H_OFFSET = 7;
    public static final int DILATION_W_OFFSET = 8;
    public static final int GROUPS_OFFSET = 9;
    public static final int COUT_OFFSET = 10;
    public static final int CMULT_OFFSET = 11;
    public static final int FLAGS_OFFSET = 12;
    public static final int IN0_OFFSET = 13;
    public static final int IN1_OFFSET = 14;

    /** Ints per record. */
    public static final int LENGTH = 15;

    /** {@code groups} sentinel: as many groups as input channels (a depthwise convolution). */
    public static final int GROUPS_PER_CHANNEL = 0;
    /** {@code cout} sentinel: output channels = input channels · cmult. */
    public static final int CHANNELS_FROM_INPUT = 0;
    /** {@code in0} of a layer that reads the previous layer. */
    public static final int PREVIOUS = 1;
    /** {@code in1} of a layer that is not a join. */
    public static final int NO_INPUT = 0;

    /** {@code flags} bit: the layer adds a bias (convolution, fully connected). */
    public static final int FLAG_BIAS = 1;
    /** {@code flags} bit: pooling rounds its output size up (Caffe; PyTorch {@code ceil_mode=True}). */
    public static final int FLAG_CEIL = 2;
    /** {@code flags} bit: a join whose result only the next join of the same op reads (one n-ary join). */
    public static final int FLAG_FUSED = 4;

    /** The record of a layer with no spatial or channel parameters, before its op is set. */
    private static final int[] NEUTRAL = {0, 1, 1, 1, 1, 0, 0, 1, 1, 1, CHANNELS_FROM_INPUT, 1, 0, PREVIOUS, NO_INPUT};

    private static final String[] FIELD_NAMES = {
        "op", "kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw", "groups", "cout", "cmult", "flags", "in0", "in1"};

    private LayerRecord() {
    }

    /** Offset of the record of layer {@code layerIndex} in a records array. */
    public static int offset(int layerIndex) {
        return layerIndex * LENGTH;
    }

    /** The name of the field at {@code fieldOffset}, for messages. */
    public static String fieldName(int fieldOffset) {
        return FIELD_NAMES[fieldOffset];
    }

    /** Writes every field of one record at {@code offset}, reading the previous layer. Does not validate. */
    public static void put(int[] records, int offset, int op, int kh, int kw, int sh, int sw, int ph, int pw,
                           int dh, int dw, int groups, int cout, int cmult, int flags) {
        records[offset + OP_OFFSET] = op;
        records[offset + KERNEL_H_OFFSET] = kh;
        records[offset + KERNEL_W_OFFSET] = kw;
        records[offset + STRIDE_H_OFFSET] = sh;
        records[offset + STRIDE_W_OFFSET] = sw;
        records[offset + PAD_H_OFFSET] = ph;
        records[offset + PAD_W_OFFSET] = pw;
        records[offset + DILATION_H_OFFSET] = dh;
        records[offset + DILATION_W_OFFSET] = dw;
        records[offset + GROUPS_OFFSET] = groups;
        records[offset + COUT_OFFSET] = cout;
        records[offset + CMULT_OFFSET] = cmult;
        records[offset + FLAGS_OFFSET] = flags;
        records[offset + IN0_OFFSET] = PREVIOUS;
        records[offset + IN1_OFFSET] = NO_INPUT;
    }

    /** Writes a layer without spatial or channel parameters (bn, relu, gap, …): neutral fields. */
    public static void putSimple(int[] records, int offset, int op) {
        System.arraycopy(NEUTRAL, 0, records, offset, LENGTH);
        records[offset + OP_OFFSET] = op;
    }

    /** Writes a join of the tensors {@code in0} and {@code in1} layers back. */
    public static void putJoin(int[] records, int offset, int op, int in0, int in1, boolean fused) {
        putSimple(records, offset, op);
        records[offset + IN0_OFFSET] = in0;
        records[offset + IN1_OFFSET] = in1;
        records[offset + FLAGS_OFFSET] = fused ? FLAG_FUSED : 0;
    }

    /** True if the op allocates nothing: its output is its input (batch norm, activations, dropout, flatten, identity). */
    public static boolean isInPlace(int op) {
        return op >= OpCode.BATCH_NORM && op <= OpCode.IDENTITY && op != OpCode.LRN;
    }

    /** True if the op has two inputs. */
    public static boolean isJoin(int op) {
        return op >= OpCode.ADD && op <= OpCode.MUL;
    }

    /**
     * Output channels of the record at {@code offset} given the channels of its inputs (cin1 is
     * ignored unless it is a concatenation); -1 where it depends on the spatial size (flatten).
     * The one place the channel rule of each op is written; the engine and the grammar's block
     * expansion both use it.
     */
    public static long outChannels(int[] records, int offset, long cin0, long cin1) {
        switch (records[offset + OP_OFFSET]) {
            case OpCode.CONV:
            case OpCode.DEPTHWISE: {
                int cout = records[offset + COUT_OFFSET];
                return cout == CHANNELS_FROM_INPUT ? Math.multiplyExact(cin0, records[offset + CMULT_OFFSET]) : cout;
            }
            case OpCode.FC:
                return records[offset + COUT_OFFSET];
            case OpCode.CONCAT:
                return Math.addExact(cin0, cin1);
            case OpCode.FLATTEN:
                return -1;
            default:
                return cin0;
        }
    }

    /**
     * Checks the invariants of the record at {@code offset}: a known op, kernel, stride, dilation
     * and channel multiplier at least 1, padding, groups and cout not negative, only known flags,
     * in0 at least 1, in1 set exactly for joins, and neutral values in the fields the op does not use.
     * Whether in0 and in1 stay inside the candidate is checked by {@link CandidateBatch}.
     *
     * @throws IllegalArgumentException naming the op, the field and the value
     */
    public static void validate(int[] records, int offset) {
        int code = records[offset + OP_OFFSET];
        if (code < 0 || code >= OpCode.COUNT) {
            throw new IllegalArgumentException("layer record has unknown op code " + code);
        }
        Op op = Op.ofCode(code);
        for (int f = KERNEL_H_OFFSET; f < LENGTH; f++) {
            int v = records[offset + f];
            int min = (f == PAD_H_OFFSET || f == PAD_W_OFFSET || f == GROUPS_OFFSET || f == COUT_OFFSET
                    || f == FLAGS_OFFSET || f == IN1_OFFSET) ? 0 : 1;
            if (v < min) {
                throw new IllegalArgumentException(op.token() + ": " + fieldName(f) + " = " + v + " must be at least " + min);
            }
        }
        int flags = records[offset + FLAGS_OFFSET];
        if ((flags & ~(FLAG_BIAS | FLAG_CEIL | FLAG_FUSED)) != 0) {
            throw new IllegalArgumentException(op.token() + ": unknown flag bits " + Integer.toBinaryString(flags));
        }
        boolean conv = code == OpCode.CONV || code == OpCode.DEPTHWISE;
        boolean pool = code == OpCode.MAX_POOL || code == OpCode.AVG_POOL;
        if (!conv && !pool) {
            for (int f = KERNEL_H_OFFSET; f <= DILATION_W_OFFSET; f++) {
                requireNeutral(records, offset, op, f);
            }
        }
        if (!conv) {
            requireNeutral(records, offset, op, GROUPS_OFFSET);
            requireNeutral(records, offset, op, CMULT_OFFSET);
            if (code != OpCode.FC) {
                requireNeutral(records, offset, op, COUT_OFFSET);
            } else if (records[offset + COUT_OFFSET] == CHANNELS_FROM_INPUT) {
                throw new IllegalArgumentException("fc: output features (cout) must be at least 1");
            }
        }
        if ((flags & FLAG_BIAS) != 0 && !(conv || code == OpCode.FC)) {
            throw new IllegalArgumentException(op.token() + ": only convolutions and fc layers have a bias");
        }
        if ((flags & FLAG_CEIL) != 0 && !pool) {
            throw new IllegalArgumentException(op.token() + ": only max and average pooling round up (ceil)");
        }
        if ((flags & FLAG_FUSED) != 0 && !isJoin(code)) {
            throw new IllegalArgumentException(op.token() + ": only joins (add, cat, mul) are fused");
        }
        if (isJoin(code) != (records[offset + IN1_OFFSET] != NO_INPUT)) {
            throw new IllegalArgumentException(op.token() + ": in1 = " + records[offset + IN1_OFFSET]
                    + (isJoin(code) ? ": a join needs a second input" : ": only joins have a second input"));
        }
        if (code == OpCode.DEPTHWISE && (records[offset + GROUPS_OFFSET] != GROUPS_PER_CHANNEL
                || records[offset + COUT_OFFSET] != CHANNELS_FROM_INPUT)) {
            throw new IllegalArgumentException("dw: groups and cout are derived from the input channels; set cmult instead");
        }
        if (code == OpCode.CONV && records[offset + GROUPS_OFFSET] == GROUPS_PER_CHANNEL) {
            throw new IllegalArgumentException("conv: groups must be at least 1 (use dw for a depthwise convolution)");
        }
        if (code == OpCode.AVG_POOL && (records[offset + DILATION_H_OFFSET] != 1 || records[offset + DILATION_W_OFFSET] != 1)) {
            throw new IllegalArgumentException("avgpool: average pooling has no dilation");
        }
    }

    private static void requireNeutral(int[] records, int offset, Op op, int field) {
        if (records[offset + field] != NEUTRAL[field]) {
            throw new IllegalArgumentException(op.token() + ": field " + fieldName(field) + " = " + records[offset + field]
                    + " must be " + NEUTRAL[field] + " (the operation does not use it)");
        }
    }
}
