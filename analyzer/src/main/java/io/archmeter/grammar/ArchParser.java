package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.FLAG_CEIL;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;

/**
 * Parses architecture strings straight into the primitive encoding of a {@link CandidateBatch}.
 *
 * <h2>The grammar</h2>
 * An architecture is layer tokens separated by spaces. A token is an op followed by
 * {@code _}-separated parts, in any order; a part is a key (lowercase letters) and its value, an
 * unsigned integer or, for k, s, p and d, {@code AxB} (height × width):
 * <pre>
 *   conv_k3_s2_c32      3×3 convolution, stride 2, "same" padding 1, 32 channels, bias
 *   conv_k1x7_p0x3_c64  1×7 kernel, padding 0 along H and 3 along W
 *   dw_k5_s2_m1         depthwise 5×5, stride 2, channel multiplier 1
 *   maxpool_k3_s2_ceil1 3×3 max pooling, stride 2, rounding up (Caffe)
 *   gap fc_c1000        global average pooling, then fully connected to 1000
 * </pre>
 * <table>
 *   <caption>Ops and keys (defaults in brackets)</caption>
 *   <tr><th>op</th><th>keys</th></tr>
 *   <tr><td>conv</td><td>k (required), s [1], p ["same": floor(d·(k−1)/2) per axis], d [1], g [1], c [input channels], b [1]</td></tr>
 *   <tr><td>dw</td><td>k (required), s [1], p ["same"], d [1], m [1], b [1]</td></tr>
 *   <tr><td>maxpool</td><td>k (required), s [k], p [0], d [1], ceil [0]</td></tr>
 *   <tr><td>avgpool</td><td>k (required), s [k], p [0], ceil [0]</td></tr>
 *   <tr><td>fc</td><td>c (required), b [1]</td></tr>
 *   <tr><td>gap, bn, relu, relu6, sigmoid, swish, hswish, hsigmoid, tanh, gelu, lrn, dropout, flatten, id</td><td>none</td></tr>
 * </table>
 * An unknown op or key, a key the op does not take, a repeated key, a missing required key, a
 * malformed or out-of-range number: each is an {@link ArchSyntaxException} that names the token,
 * its position and what was expected, with the nearest valid name when one is close. Nothing is
 * ignored.
 *
 * <p>Stateless and thread-safe. On success it allocates nothing: it scans the characters once
 * and writes {@link LayerRecord}s.
 */
public final class ArchParser {
    private static final Op[] OPS = Op.values();

    private ArchParser() {
    }

    /** Parses {@code arch} on {@code input} into a new batch of one candidate. */
    public static CandidateBatch parse(CharSequence arch, InputShape input) {
        CandidateBatch batch = new CandidateBatch(1, 32);
        parseCandidate(arch, input.height(), input.width(), input.channels(), batch);
        return batch;
    }

    /**
     * Appends {@code arch} on an h×w×c input as the next candidate of {@code batch}. On a syntax
     * error the batch is left as it was and the exception is thrown.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, CandidateBatch batch) {
        batch.begin(h, w, c);
        try {
            parseLayers(arch, batch);
        } catch (RuntimeException e) {
            batch.abort();
            throw e;
        }
        batch.end();
    }

    /** Appends the layers of {@code arch} to the candidate open in {@code batch}. */
    public static void parseLayers(CharSequence arch, CandidateBatch batch) {
        final int n = arch.length();
        int pos = 0;
        int position = 0;
        while (true) {
            while (pos < n && isSpace(arch.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                break;
            }
            int end = pos;
            while (end < n && !isSpace(arch.charAt(end))) {
                end++;
            }
            position++;
            parseToken(arch, pos, end, position, batch);
            pos = end;
        }
        if (position == 0) {
            throw new ArchSyntaxException(0, "", "empty architecture: expected layer tokens separated by spaces,"
                    + " e.g. 'conv_k3_c16 relu gap fc_c10'");
        }
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t';
    }

    private static void parseToken(CharSequence s, int start, int end, int position, CandidateBatch batch) {
        int opEnd = start;
        while (opEnd < end && s.charAt(opEnd) != '_') {
            opEnd++;
        }
        final int op = lookupOp(s, start, opEnd);
        if (op < 0) {
            throw unknownOp(s, start, end, opEnd, position);
        }
        final int allowed = OpSyntax.allowed(op);
        // parsed values; 0 where the default depends on other keys
        int kh = 0, kw = 0, sh = 0, sw = 0, ph = -1, pw = -1, dh = 1, dw = 1, g = 1, c = CHANNELS_FROM_INPUT, m = 1;
        int bias = 1, ceil = 0;
        int seen = 0;
        int part = opEnd + 1;
        while (part <= end) {
            if (opEnd == end) {
                break;
            }
            int partEnd = part;
            while (partEnd < end && s.charAt(partEnd) != '_') {
                partEnd++;
            }
            if (partEnd == part) {
                throw error(s, start, end, position, "empty part between '_' separators: expected a key and a value, e.g. k3");
            }
            int keyEnd = part;
            while (keyEnd < partEnd && s.charAt(keyEnd) >= 'a' && s.charAt(keyEnd) <= 'z') {
                keyEnd++;
            }
            if (keyEnd == part) {
                throw error(s, start, end, position, "part '" + s.subSequence(part, partEnd)
                        + "' does not start with a key (lowercase letters): expected e.g. k3; " + OpSyntax.describe(op));
            }
            final Key key = lookupKey(s, part, keyEnd);
            if (key == null || (allowed & key.bit()) == 0) {
                throw badKey(s, start, end, position, op, part, keyEnd, key);
            }
            if ((seen & key.bit()) != 0) {
                throw error(s, start, end, position, "key '" + key.name + "' is given twice");
            }
            seen |= key.bit();
            if (keyEnd == partEnd) {
                throw error(s, start, end, position, "key '" + key.name + "' has no value: expected " + key.meaning
                        + (key.pair ? " as an integer or HxW, e.g. " + key.name + "3" : " as an integer, e.g. " + key.name + "1"));
            }
            // value: digits, or digits 'x' digits for pair keys
            int v1End = digitsEnd(s, keyEnd, partEnd);
            final int a = number(s, start, end, position, key, keyEnd, v1End, keyEnd, partEnd);
            int b = a;
            if (v1End < partEnd) {
                if (s.charAt(v1End) == 'x' && key.pair) {
                    int v2End = digitsEnd(s, v1End + 1, partEnd);
                    if (v2End != partEnd) {
                        throw malformed(s, start, end, position, key, keyEnd, partEnd);
                    }
                    b = number(s, start, end, position, key, v1End + 1, v2End, keyEnd, partEnd);
                } else {
                    throw malformed(s, start, end, position, key, keyEnd, partEnd);
                }
            }
            switch (key) {
                case K: kh = a; kw = b; break;
                case S: sh = a; sw = b; break;
                case P: ph = a; pw = b; break;
                case D: dh = a; dw = b; break;
                case G: g = a; break;
                case C: c = a; break;
                case M: m = a; break;
                case B: bias = a; break;
                default: ceil = a; break;
            }
            part = partEnd + 1;
        }
        final int missing = OpSyntax.required(op) & ~seen;
        if (missing != 0) {
            throw error(s, start, end, position, "missing required key " + OpSyntax.list(missing) + " ("
                    + (missing == Key.K.bit() ? "kernel size, e.g. " + Op.ofCode(op).token() + "_k3" : "output features, e.g. fc_c1000")
                    + ")");
        }
        final int offset = batch.reserveLayer();
        final int[] records = batch.records();
        switch (op) {
            case OpCode.CONV:
            case OpCode.DEPTHWISE:
                if (sh == 0) {
                    sh = 1;
                    sw = 1;
                }
                if (ph < 0) {
                    // "same" padding: floor(d·(k−1)/2) per axis
                    ph = (int) (((long) dh * (kh - 1)) >> 1);
                    pw = (int) (((long) dw * (kw - 1)) >> 1);
                }
                if (op == OpCode.CONV) {
                    LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, g, c, 1, bias != 0 ? FLAG_BIAS : 0);
                } else {
                    LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, GROUPS_PER_CHANNEL,
                            CHANNELS_FROM_INPUT, m, bias != 0 ? FLAG_BIAS : 0);
                }
                break;
            case OpCode.MAX_POOL:
            case OpCode.AVG_POOL:
                if (sh == 0) {
                    // pooling strides default to the kernel size, as in PyTorch
                    sh = kh;
                    sw = kw;
                }
                if (ph < 0) {
                    ph = 0;
                    pw = 0;
                }
                LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, 1, CHANNELS_FROM_INPUT, 1,
                        ceil != 0 ? FLAG_CEIL : 0);
                break;
            case OpCode.FC:
                LayerRecord.put(records, offset, op, 1, 1, 1, 1, 0, 0, 1, 1, 1, c, 1, bias != 0 ? FLAG_BIAS : 0);
                break;
            default:
                LayerRecord.putSimple(records, offset, op);
                break;
        }
    }

    private static int lookupOp(CharSequence s, int from, int to) {
        final int len = to - from;
        outer:
        for (Op op : OPS) {
            String t = op.token();
            if (t.length() != len) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                if (s.charAt(from + i) != t.charAt(i)) {
                    continue outer;
                }
            }
            return op.code();
        }
        return -1;
    }

    private static Key lookupKey(CharSequence s, int from, int to) {
        if (to - from == 1) {
            switch (s.charAt(from)) {
                case 'k': return Key.K;
                case 's': return Key.S;
                case 'p': return Key.P;
                case 'd': return Key.D;
                case 'g': return Key.G;
                case 'c': return Key.C;
                case 'm': return Key.M;
                case 'b': return Key.B;
                default: return null;
            }
        }
        return to - from == 4 && s.charAt(from) == 'c' && s.charAt(from + 1) == 'e' && s.charAt(from + 2) == 'i'
                && s.charAt(from + 3) == 'l' ? Key.CEIL : null;
    }

    private static int digitsEnd(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int number(CharSequence s, int start, int end, int position, Key key, int from, int to,
                              int valueStart, int partEnd) {
        if (from == to) {
            throw malformed(s, start, end, position, key, valueStart, partEnd);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw error(s, start, end, position, "value of '" + key.name + "' is too large: at most " + Integer.MAX_VALUE);
            }
        }
        if (v < key.min || v > key.max()) {
            throw error(s, start, end, position, key.meaning + " '" + key.name + "' is " + v + ": expected "
                    + (key.max() == 1 ? "0 or 1" : "at least " + key.min));
        }
        return (int) v;
    }

    // ---- slow paths: messages ---------------------------------------------------------------

    private static ArchSyntaxException error(CharSequence s, int start, int end, int position, String problem) {
        return new ArchSyntaxException(position, s.subSequence(start, end).toString(), problem);
    }

    private static ArchSyntaxException malformed(CharSequence s, int start, int end, int position, Key key, int from, int partEnd) {
        String value = s.subSequence(from, partEnd).toString();
        String expected = key.pair ? "an unsigned integer or HxW (e.g. " + key.name + "3 or " + key.name + "1x7)"
                : "an unsigned integer (e.g. " + key.name + (key.max() == 1 ? "0" : "2") + ")";
        String hint = value.indexOf('.') >= 0 ? "; '" + key.name + "' takes no decimal" : "";
        return error(s, start, end, position, "value '" + value + "' of key '" + key.name + "' is not " + expected + hint);
    }

    private static ArchSyntaxException unknownOp(CharSequence s, int start, int end, int opEnd, int position) {
        String name = s.subSequence(start, opEnd).toString();
        String[] names = new String[OPS.length];
        for (int i = 0; i < OPS.length; i++) {
            names[i] = OPS[i].token();
        }
        String near = Suggest.nearest(name, names);
        String problem = (name.isEmpty() ? "missing op before '_'" : "unknown op '" + name + "'")
                + (near != null ? " (did you mean '" + near + "'?)" : "")
                + "; expected one of " + String.join(", ", names);
        return error(s, start, end, position, problem);
    }

    private static ArchSyntaxException badKey(CharSequence s, int start, int end, int position, int op, int from, int to, Key key) {
        String name = s.subSequence(from, to).toString();
        String opName = Op.ofCode(op).token();
        int allowed = OpSyntax.allowed(op);
        if (allowed == 0) {
            return error(s, start, end, position, opName + " takes no keys, but '" + name + "' was given");
        }
        String what = key == null ? "unknown key '" + name + "' for " + opName : "key '" + name + "' does not apply to " + opName;
        String[] names = OpSyntax.list(allowed).split(", ");
        String near = key == null ? Suggest.nearest(name, names) : null;
        return error(s, start, end, position, what + (near != null ? " (did you mean '" + near + "'?)" : "")
                + " (expected one of " + OpSyntax.list(allowed) + ")");
    }
}
