package io.archmeter.grammar;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.*;

/**
 * Writes layer records back as tokens of the architecture grammar, in canonical form: keys in
 * the order k, s, p, d, g, m, c, b, ceil, and only those that differ from their default. The
 * inverse of {@link ArchParser} for chains: parsing a formatted chain gives the same records. A
 * join formats as the {@code )add}, {@code )cat} or {@code )mul} that closes its group.
 */
public final class ArchFormatter {
    private ArchFormatter() {
    }

    /** The canonical token of the record at {@code offset}, e.g. {@code conv_k11_s4_p0_c96}. */
    public static String token(int[] records, int offset) {
        final int op = records[offset + OP_OFFSET];
        StringBuilder sb = new StringBuilder(Op.ofCode(op).token());
        final int kh = records[offset + KERNEL_H_OFFSET], kw = records[offset + KERNEL_W_OFFSET];
        final int sh = records[offset + STRIDE_H_OFFSET], sw = records[offset + STRIDE_W_OFFSET];
        final int ph = records[offset + PAD_H_OFFSET], pw = records[offset + PAD_W_OFFSET];
        final int dh = records[offset + DILATION_H_OFFSET], dw = records[offset + DILATION_W_OFFSET];
        final int flags = records[offset + FLAGS_OFFSET];
        switch (op) {
            case OpCode.CONV:
            case OpCode.DEPTHWISE: {
                pair(sb, "k", kh, kw);
                if (sh != 1 || sw != 1) {
                    pair(sb, "s", sh, sw);
                }
                if (ph != (int) (((long) dh * (kh - 1)) >> 1) || pw != (int) (((long) dw * (kw - 1)) >> 1)) {
                    pair(sb, "p", ph, pw);
                }
                if (dh != 1 || dw != 1) {
                    pair(sb, "d", dh, dw);
                }
                if (op == OpCode.CONV) {
                    if (records[offset + GROUPS_OFFSET] != 1) {
                        sb.append("_g").append(records[offset + GROUPS_OFFSET]);
                    }
                    if (records[offset + COUT_OFFSET] != CHANNELS_FROM_INPUT) {
                        sb.append("_c").append(records[offset + COUT_OFFSET]);
                    }
                } else if (records[offset + CMULT_OFFSET] != 1) {
                    sb.append("_m").append(records[offset + CMULT_OFFSET]);
                }
                if ((flags & FLAG_BIAS) == 0) {
                    sb.append("_b0");
                }
                break;
            }
            case OpCode.MAX_POOL:
            case OpCode.AVG_POOL:
                pair(sb, "k", kh, kw);
                if (sh != kh || sw != kw) {
                    pair(sb, "s", sh, sw);
                }
                if (ph != 0 || pw != 0) {
                    pair(sb, "p", ph, pw);
                }
                if (dh != 1 || dw != 1) {
                    pair(sb, "d", dh, dw);
                }
                if ((flags & FLAG_CEIL) != 0) {
                    sb.append("_ceil1");
                }
                break;
            case OpCode.ADD:
            case OpCode.CONCAT:
            case OpCode.MUL:
                // joins have no token of their own: the grammar writes them as the ")add" closing a group
                sb.insert(0, ')');
                break;
            case OpCode.FC:
                sb.append("_c").append(records[offset + COUT_OFFSET]);
                if ((flags & FLAG_BIAS) == 0) {
                    sb.append("_b0");
                }
                break;
            default:
                break;
        }
        return sb.toString();
    }

    /** All layers {@code [from, to)} as one architecture string. */
    public static String format(int[] records, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(token(records, LayerRecord.offset(i)));
        }
        return sb.toString();
    }

    private static void pair(StringBuilder sb, String key, int h, int w) {
        sb.append('_').append(key).append(h);
        if (w != h) {
            sb.append('x').append(w);
        }
    }
}
