package io.archmeter.grammar;

import io.archmeter.encoding.Blocks;
import io.archmeter.encoding.BranchStack;
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

    /** The classes of a NAS-Bench-201 / NATS-Bench network when none are given: CIFAR-10's. */
    public static final int DEFAULT_CELL_CLASSES = 10;

    /**
     * Appends {@code arch} on an h×w×c input as the next candidate of {@code batch}. On a syntax
     * error the batch is left as it was and the exception is thrown.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, CandidateBatch batch) {
        parseCandidate(arch, h, w, c, DEFAULT_CELL_CLASSES, batch);
    }

    /**
     * As {@link #parseCandidate(CharSequence, int, int, int, CandidateBatch)}; also takes a
     * NAS-Bench-201 cell string ({@code |nor_conv_3x3~0|+|…|}) or a NATS-Bench size string
     * ({@code 8:16:32:48:64}), expanded by {@link NasBench201} with a classifier of
     * {@code cellClasses} outputs.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, int cellClasses, CandidateBatch batch) {
        parseCandidate(arch, h, w, c, cellClasses, batch, null);
    }

    /**
     * As {@link #parseCandidate(CharSequence, int, int, int, int, CandidateBatch)}, appending tokens
     * seen before from {@code cache} (one per thread; null for none). Same records, same errors.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, int cellClasses, CandidateBatch batch,
                                      TokenCache cache) {
        batch.begin(h, w, c);
        try {
            if (NasBench201.isCellString(arch)) {
                NasBench201.appendTopologyNetwork(arch, cellClasses, batch);
            } else if (arch.length() > 0 && arch.charAt(0) >= '0' && arch.charAt(0) <= '9' && NasBench201.isSizeString(arch)) {
                NasBench201.appendSizeNetwork(arch, cellClasses, batch);
            } else {
                parseLayers(arch, batch, cache);
            }
            batch.end();
        } catch (RuntimeException e) {
            batch.abort();
            throw e;
        }
    }

    /** Appends the layers of {@code arch} to the candidate open in {@code batch}. */
    public static void parseLayers(CharSequence arch, CandidateBatch batch) {
        parseLayers(arch, batch, null);
    }

    private static void parseLayers(CharSequence arch, CandidateBatch batch, TokenCache cache) {
        final int n = arch.length();
        int pos = 0;
        int position = 0;
        BranchStack branches = null;     // created at the first group or block: chains never need one
        while (true) {
            while (pos < n && isSpace(arch.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                break;
            }
            int end = pos;
            int hash = 0;
            char ch;
            while (end < n && !isSpace(ch = arch.charAt(end))) {
                hash = 31 * hash + ch;
                end++;
            }
            position++;
            final char first = arch.charAt(pos);
            if (first == '(' || first == '|' || first == ')') {
                branches = structure(arch, pos, end, position, batch, branches);
            } else if (cache == null) {
                branches = parseToken(arch, pos, end, position, batch, branches);
            } else {
                final int cached = cache.find(arch, pos, end, hash);
                if (cached >= 0) {
                    // a token seen before: copy its record (reserve first: it may grow the records array)
                    final int offset = batch.reserveLayer();
                    System.arraycopy(cache.recordsArray(), cached, batch.records(), offset, LayerRecord.LENGTH);
                    if (branches != null) {
                        branches.afterLayer(batch);
                    }
                } else {
                    final int before = batch.layerCount();
                    branches = parseToken(arch, pos, end, position, batch, branches);
                    if (batch.layerCount() == before + 1) {
                        cache.put(arch, pos, end, hash, batch.records(), LayerRecord.offset(before));
                    }
                }
            }
            pos = end;
        }
        if (position == 0) {
            throw new ArchSyntaxException(0, "", "empty architecture: expected layer tokens separated by spaces,"
                    + " e.g. 'conv_k3_c16 relu gap fc_c10'");
        }
        if (branches != null && branches.depth() > 0) {
            throw new ArchSyntaxException(0, "", "end of architecture: " + branches.depth() + " branch group"
                    + (branches.depth() == 1 ? " is" : "s are") + " not closed: expected ')add', ')cat' or ')mul'");
        }
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t';
    }

    /** The group tokens: {@code (} opens, {@code |} separates branches, {@code )add}, {@code )cat}, {@code )mul} join. */
    private static BranchStack structure(CharSequence s, int start, int end, int position, CandidateBatch batch,
                                         BranchStack branches) {
        final BranchStack b = branches != null ? branches : new BranchStack();
        final String token = s.subSequence(start, end).toString();
        try {
            switch (token) {
                case "(" -> b.open(batch);
                case "|" -> b.nextBranch(batch);
                case ")add" -> b.close(batch, Op.ADD);
                case ")cat" -> b.close(batch, Op.CONCAT);
                case ")mul" -> b.close(batch, Op.MUL);
                default -> throw error(s, start, end, position, token.charAt(0) == ')'
                        ? "a group closes with ')add', ')cat' or ')mul'"
                        : "'" + token.charAt(0) + "' stands alone, separated by spaces: '(' opens a group, '|' separates its branches");
            }
        } catch (IllegalStateException e) {
            throw error(s, start, end, position, e.getMessage());
        }
        return b;
    }

    private static BranchStack parseToken(CharSequence s, int start, int end, int position, CandidateBatch batch,
                                          BranchStack branches) {
        int opEnd = start;
        while (opEnd < end && s.charAt(opEnd) != '_') {
            opEnd++;
        }
        int op = lookupOp(s, start, opEnd);
        if (op < 0) {
            op = lookupBlock(s, start, opEnd);
            if (op < 0) {
                throw unknownOp(s, start, end, opEnd, position);
            }
        } else if (LayerRecord.isJoin(op)) {
            throw error(s, start, end, position, "'" + Op.ofCode(op).token() + "' joins a branch group: write ( a | b )"
                    + Op.ofCode(op).token());
        }
        final int allowed = OpSyntax.allowed(op);
        // parsed values; 0 or -1 where the default depends on other keys
        int kh = 0, kw = 0, sh = 0, sw = 0, ph = -1, pw = -1, dh = 1, dw = 1, g = 1, c = CHANNELS_FROM_INPUT, m = 1;
        int bias = 1, ceil = 0, expand = 1000, se = 0, seh = 0, repeats = 1, squeeze = 0, width = 0;
        boolean noskip = false;
        Op act = null;
        int seen = 0;
        int part = opEnd + 1;
        while (opEnd < end && part <= end) {
            int partEnd = part;
            while (partEnd < end && s.charAt(partEnd) != '_') {
                partEnd++;
            }
            if (partEnd == part) {
                throw error(s, start, end, position, "empty part between '_' separators: expected a key and a value, e.g. k3");
            }
            if (OpSyntax.takesFlags(op)) {
                // blocks also take bare parts: an activation name, or noskip
                final Op flag = lookupFlag(s, part, partEnd);
                if (flag != null || regionIs(s, part, partEnd, "noskip")) {
                    if (flag == null) {
                        noskip = true;
                    } else if (act != null) {
                        throw error(s, start, end, position, "two activations given: " + act.token() + " and " + flag.token());
                    } else {
                        act = flag;
                    }
                    part = partEnd + 1;
                    continue;
                }
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
                        + (key.pair ? " as an integer or HxW, e.g. " + key.name + "3"
                        : key.decimal() ? " as a decimal, e.g. " + key.name + "0.25" : " as an integer, e.g. " + key.name + "1"));
            }
            if (key.decimal()) {
                final int milli = decimal(s, start, end, position, key, keyEnd, partEnd);
                switch (key) {
                    case E: expand = milli; break;
                    case SE: se = milli; break;
                    default: seh = milli; break;
                }
                part = partEnd + 1;
                continue;
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
                case R: repeats = a; break;
                case Q: squeeze = a; break;
                case W: width = a; break;
                default: ceil = a; break;
            }
            part = partEnd + 1;
        }
        final int missing = OpSyntax.required(op) & ~seen;
        if (missing != 0) {
            throw error(s, start, end, position, "missing required key " + OpSyntax.list(missing)
                    + (missing == Key.K.bit() ? " (kernel size, e.g. " + OpSyntax.name(op) + "_k3)"
                    : missing == Key.C.bit() && op == OpCode.FC ? " (output features, e.g. fc_c1000)" : ""));
        }
        if (OpSyntax.isBlock(op)) {
            if (se != 0 && seh != 0) {
                throw error(s, start, end, position, "se and seh are two flavours of squeeze-excite: give one");
            }
            if (kh != kw || sh != sw) {
                throw error(s, start, end, position, "blocks take square kernels and strides");
            }
            final BranchStack b = branches != null ? branches : new BranchStack();
            try {
                expandBlock(op, batch, b, kh, sh == 0 ? 1 : sh, c, g, expand, se, seh, repeats, squeeze, width, noskip,
                        act == null ? Op.RELU : act);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw error(s, start, end, position, e.getMessage());
            }
            return b;
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
        if (branches != null) {
            branches.afterLayer(batch);
        }
        return branches;
    }

    private static void expandBlock(int op, CandidateBatch batch, BranchStack b, int k, int s, int c, int g, int expand,
                                    int se, int seh, int repeats, int squeeze, int width, boolean noskip, Op act) {
        final int seKind = se != 0 ? Blocks.SE_SIGMOID : seh != 0 ? Blocks.SE_HARD : Blocks.SE_NONE;
        final int seMilli = se != 0 ? se : seh;
        switch (op) {
            case OpSyntax.BLOCK_CN -> Blocks.convBnAct(batch, b, k, s, c, act, repeats);
            case OpSyntax.BLOCK_IR -> Blocks.invertedResidual(batch, b, k, s, expand, c, repeats, seKind, seMilli, noskip, act);
            case OpSyntax.BLOCK_DS -> Blocks.depthwiseSeparable(batch, b, k, s, c, repeats, seKind, seMilli, noskip, false, act);
            case OpSyntax.BLOCK_DSA -> Blocks.depthwiseSeparable(batch, b, k, s, c, repeats, seKind, seMilli, noskip, true, act);
            case OpSyntax.BLOCK_RES -> Blocks.basicBlock(batch, b, s, c, repeats);
            case OpSyntax.BLOCK_BOT -> Blocks.bottleneck(batch, b, s, c, width, g, repeats);
            default -> Blocks.fire(batch, b, squeeze, c);
        }
    }

    private static int lookupBlock(CharSequence s, int from, int to) {
        for (int i = 0; i < OpSyntax.BLOCK_NAMES.length; i++) {
            if (regionIs(s, from, to, OpSyntax.BLOCK_NAMES[i])) {
                return OpSyntax.BLOCK_CN + i;
            }
        }
        return -1;
    }

    private static Op lookupFlag(CharSequence s, int from, int to) {
        for (Op op : OPS) {
            if (op.isActivation() && regionIs(s, from, to, op.token())) {
                return op;
            }
        }
        return null;
    }

    private static boolean regionIs(CharSequence s, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(from + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A decimal with at most three places, in thousandths: {@code 0.25} is 250, {@code 6} is 6000. */
    private static int decimal(CharSequence s, int start, int end, int position, Key key, int from, int to) {
        int dot = digitsEnd(s, from, to);
        int fracEnd = dot;
        if (dot < to && s.charAt(dot) == '.') {
            fracEnd = digitsEnd(s, dot + 1, to);
            if (fracEnd == dot + 1) {
                fracEnd = -1;
            }
        }
        if (dot == from || fracEnd != to || fracEnd - dot > 4) {
            throw error(s, start, end, position, "value '" + s.subSequence(from, to) + "' of key '" + key.name
                    + "' is not a decimal with at most 3 places (e.g. " + key.name + (key == Key.E ? "6 or e3.67)" : "0.25)"));
        }
        long milli = 0;
        for (int i = from; i < dot; i++) {
            milli = milli * 10 + (s.charAt(i) - '0');
            if (milli > 1_000_000) {
                throw error(s, start, end, position, key.meaning + " '" + key.name + "' is too large: at most 1000");
            }
        }
        milli *= 1000;
        int scale = 100;
        for (int i = dot + 1; i < fracEnd; i++) {
            milli += (long) (s.charAt(i) - '0') * scale;
            scale /= 10;
        }
        if (milli < 1) {
            throw error(s, start, end, position, key.meaning + " '" + key.name + "' is 0: expected more than 0");
        }
        return (int) milli;
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
                case 'e': return Key.E;
                case 'r': return Key.R;
                case 'q': return Key.Q;
                case 'w': return Key.W;
                default: return null;
            }
        }
        for (Key key : Key.ALL) {
            if (key.name.length() > 1 && regionIs(s, from, to, key.name)) {
                return key;
            }
        }
        return null;
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
        java.util.List<String> list = new java.util.ArrayList<>();
        for (Op op : OPS) {
            if (!op.isJoin()) {
                list.add(op.token());
            }
        }
        list.addAll(java.util.Arrays.asList(OpSyntax.BLOCK_NAMES));
        String[] names = list.toArray(new String[0]);
        String near = Suggest.nearest(name, names);
        String problem = (name.isEmpty() ? "missing op before '_'" : "unknown op '" + name + "'")
                + (near != null ? " (did you mean '" + near + "'?)" : "")
                + "; expected one of " + String.join(", ", names);
        return error(s, start, end, position, problem);
    }

    private static ArchSyntaxException badKey(CharSequence s, int start, int end, int position, int op, int from, int to, Key key) {
        String name = s.subSequence(from, to).toString();
        String opName = OpSyntax.name(op);
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
