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
 *   int offset  0      1    2    3    4    5    6    7    8    9        10     11      12
 *             +------+----+----+----+----+----+----+----+----+--------+------+-------+-------+
 *             |  op  | kh | kw | sh | sw | ph | pw | dh | dw | groups | cout | cmult | flags |
 *             +------+----+----+----+----+----+----+----+----+--------+------+-------+-------+
 *               |      kernel    stride    padding  dilation     |        |       |       |
 *               |                                                |        |       |       +- bit 0 bias, bit 1 ceil rounding
 *               +- an {@link OpCode}                               |        |       +- channel multiplier (&ge; 1)
 *                                                                |        +- output channels, or {@link #CHANNELS_FROM_INPUT}
 *                                                                +- groups, or {@link #GROUPS_PER_CHANNEL} (depthwise)
 * </pre>
 *
 * <p>Fields a layer does not use hold neutral values ({@link #NEUTRAL}: kernel, stride and
 * dilation 1, padding 0, groups 1, cout {@link #CHANNELS_FROM_INPUT}, cmult 1, no flags), so the
 * engine never needs a null check. Two sentinels stand for values known only once the input
 * channels of the layer are: {@link #GROUPS_PER_CHANNEL} (groups = C_in, a depthwise
 * convolution) and {@link #CHANNELS_FROM_INPUT} (C_out = C_in · cmult). Padding is stored
 * resolved (the grammar turns "same" into floor(d·(k−1)/2) per axis), so a record never
 * depends on the input shape except through those two sentinels.
 *
 * <p>Example: {@code conv_k3_s2_c32} is {@code [0, 3,3, 2,2, 1,1, 1,1, 1, 32, 1, 1]};
 * {@code dw_k3} is {@code [1, 3,3, 1,1, 1,1, 1,1, 0, 0, 1, 1]}.
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

    /** Ints per record. */
    public static final int LENGTH = 13;

    /** {@code groups} sentinel: as many groups as input channels (a depthwise convolution). */
    public static final int GROUPS_PER_CHANNEL = 0;
    /** {@code cout} sentinel: output channels = input channels · cmult. */
    public static final int CHANNELS_FROM_INPUT = 0;

    /** {@code flags} bit: the layer adds a bias (convolution, fully connected). */
    public static final int FLAG_BIAS = 1;
    /** {@code flags} bit: pooling rounds its output size up (Caffe; PyTorch {@code ceil_mode=True}). */
    public static final int FLAG_CEIL = 2;

    /** The record of a layer with no spatial or channel parameters, before its op is set. */
    private static final int[] NEUTRAL = {0, 1, 1, 1, 1, 0, 0, 1, 1, 1, CHANNELS_FROM_INPUT, 1, 0};

    private static final String[] FIELD_NAMES = {
        "op", "kh", "kw", "sh", "sw", "ph", "pw", "dh", "dw", "groups", "cout", "cmult", "flags"};

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

    /** Writes every field of one record at {@code offset}. Does not validate. */
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
    }

    /** Writes a layer without spatial or channel parameters (bn, relu, gap, …): neutral fields. */
    public static void putSimple(int[] records, int offset, int op) {
        System.arraycopy(NEUTRAL, 0, records, offset, LENGTH);
        records[offset + OP_OFFSET] = op;
    }

    /**
     * Checks the invariants of the record at {@code offset}: a known op, kernel, stride, dilation
     * and channel multiplier at least 1, padding, groups and cout not negative, only known flags,
     * and neutral values in the fields the op does not use.
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
            int min = (f == PAD_H_OFFSET || f == PAD_W_OFFSET || f == GROUPS_OFFSET || f == COUT_OFFSET || f == FLAGS_OFFSET) ? 0 : 1;
            if (v < min) {
                throw new IllegalArgumentException(op.token() + ": " + fieldName(f) + " = " + v + " must be at least " + min);
            }
        }
        int flags = records[offset + FLAGS_OFFSET];
        if ((flags & ~(FLAG_BIAS | FLAG_CEIL)) != 0) {
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
