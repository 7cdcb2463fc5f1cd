package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import java.util.List;

/**
 * Descriptor of the fixed-stride record that encodes one layer in an {@code int[]}, in the manner
 * of Agrona's {@code RecordDescriptor}: named field offsets, static offset helpers and a
 * {@link #validate(int[], int) validate} for the invariants. Every layer of every candidate is one
 * such record; a candidate is a run of consecutive records (see {@link CandidateBatch}).
 *
 * <pre>
 *   int offset
 *     0    1    2    3    4    5    6    7    8    9        10     11      12      13    14
 *   +----+----+----+----+----+----+----+----+----+--------+------+-------+-------+-----+-----+
 *   | op | kh | kw | sh | sw | ph | pw | dh | dw | groups | cout | cmult | flags | in0 | in1 |
 *   +----+----+----+----+----+----+----+----+----+--------+------+-------+-------+-----+-----+
 *     op      an OpCode
 *     kh kw   kernel                     sh sw   stride
 *     ph pw   padding                    dh dw   dilation
 *     groups  groups, or GROUPS_PER_CHANNEL (depthwise)
 *     cout    output channels, or CHANNELS_FROM_INPUT (C_in · cmult)
 *     cmult   channel multiplier (&ge; 1)
 *     flags   bit 0 bias, bit 1 ceil rounding, bit 2 fused join
 *     in0     input, layers back (1: the previous layer)
 *     in1     second input of a join, layers back (0: none)
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
 * resolved ("same" becomes floor(d·(k−1)/2) per axis, in {@link #samePadding}, the one place it is
 * computed).
 *
 * <p>Example: {@code conv_k3_s2_c32} is {@code [0, 3,3, 2,2, 1,1, 1,1, 1, 32, 1, 1, 1, 0]};
 * {@code dw_k3} is {@code [1, 3,3, 1,1, 1,1, 1,1, 0, 0, 1, 1, 1, 0]}.
 *
 * <h2>Keys and fields</h2>
 * Each key of the notation has one home in the record ({@link #fieldOf}): k, s, p, d the pairs
 * of fields above, g {@code groups}, c {@code cout}, m {@code cmult}, b and ceil a flag bit; a
 * channel slice's first channel {@code at} lives in {@code groups} and a crop's offset {@code o} in
 * {@code ph pw}, fields of keys those ops do not take ({@code slice_c16_at16} is
 * {@code [23, 1,1, 1,1, 0,0, 1,1, 16, 16, 1, 0, 1, 0]}, {@code crop_o1} {@code [24, 1,1, 1,1, 1,1, 1,1, 1, 0, 1, 0, 1, 0]}).
 * {@link #write} fills a record from an op's description ({@link Op#keys()}) and the keys given;
 * {@link #validate} reads the same description. The fields of the keys an op does not take hold
 * their neutral values.
 *
 * <h2>Room for new ops: why the record stays at 15 ints</h2>
 * The ops the search spaces brought fit the fields as they are: a channel slice takes {@code c}
 * and keeps its first channel in {@code groups}, which it does not otherwise use; a crop keeps its
 * offsets in the padding fields; TF's
 * asymmetric "SAME" padding depends on the input size, so it is a mode — a {@code flags} bit
 * (29 are free) that the engine resolves per axis — not stored pads. A key may share another
 * key's field when no op takes both: the static check of this class refuses an op whose keys
 * collide. A 16th int would make every layer of every candidate 6.7% larger, and the scoring
 * loop's cost follows memory traffic ({@code MemoryTouchBenchmark}); grow the record only for
 * an op whose values no unused field can hold.
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

    // ---- keys and fields: where each key of the notation is stored --------------------------

    /** Record field of each key's (first) value, by {@link Key#ordinal()}; {@code NO_FIELD} for flags and block keys. */
    private static final int[] FIELD_OF_KEY = new int[Key.COUNT];
    /** Flag bit of each flag key, by ordinal; 0 for the others. */
    private static final int[] FLAG_OF_KEY = new int[Key.COUNT];
    private static final int NO_FIELD = -1;
    /** Per op code: the mask of record fields (bit = field offset) its keys use, flags excluded. */
    private static final int[] USED_FIELDS = new int[OpCode.COUNT];
    /** Per op code: the flag bits its keys may set. */
    private static final int[] ALLOWED_FLAGS = new int[OpCode.COUNT];

    static {
        java.util.Arrays.fill(FIELD_OF_KEY, NO_FIELD);
        FIELD_OF_KEY[Key.K.ordinal()] = KERNEL_H_OFFSET;
        FIELD_OF_KEY[Key.S.ordinal()] = STRIDE_H_OFFSET;
        FIELD_OF_KEY[Key.P.ordinal()] = PAD_H_OFFSET;
        FIELD_OF_KEY[Key.D.ordinal()] = DILATION_H_OFFSET;
        FIELD_OF_KEY[Key.G.ordinal()] = GROUPS_OFFSET;
        FIELD_OF_KEY[Key.C.ordinal()] = COUT_OFFSET;
        FIELD_OF_KEY[Key.M.ordinal()] = CMULT_OFFSET;
        // a slice's first channel and a crop's offset share fields of keys those ops do not take
        FIELD_OF_KEY[Key.AT.ordinal()] = GROUPS_OFFSET;
        FIELD_OF_KEY[Key.O.ordinal()] = PAD_H_OFFSET;
        FLAG_OF_KEY[Key.B.ordinal()] = FLAG_BIAS;
        FLAG_OF_KEY[Key.CEIL.ordinal()] = FLAG_CEIL;
        for (Op op : Op.values()) {
            int used = 0;
            int flags = 0;
            for (KeyUse u : op.keys()) {
                final Key key = u.key();
                final int f = FIELD_OF_KEY[key.ordinal()];
                if (f == NO_FIELD && FLAG_OF_KEY[key.ordinal()] == 0) {
                    throw new AssertionError(op.token() + ": key " + key.token() + " has no field in a layer record");
                }
                final int bits = f == NO_FIELD ? 0 : key.isPair() ? 3 << f : 1 << f;
                if ((used & bits) != 0) {
                    throw new AssertionError(op.token() + ": two of its keys share the record field " + FIELD_NAMES[f]);
                }
                used |= bits;
                flags |= FLAG_OF_KEY[key.ordinal()];
            }
            USED_FIELDS[op.code()] = used;
            ALLOWED_FLAGS[op.code()] = flags;
        }
    }

    /** The record field holding {@code key}'s value (its height for a pair key), or -1 for a flag or a block key. */
    public static int fieldOf(Key key) {
        return FIELD_OF_KEY[key.ordinal()];
    }

    /** The {@code flags} bit of a flag key ({@link Key#B}, {@link Key#CEIL}), or 0. */
    public static int flagOf(Key key) {
        return FLAG_OF_KEY[key.ordinal()];
    }

    /** "Same" padding of a kernel k with dilation d: floor(d·(k−1)/2). The one place it is computed. */
    public static int samePadding(int k, int d) {
        return (int) (((long) d * (k - 1)) >> 1);
    }

    /**
     * Writes the record of {@code op} with the keys {@code parts} gives and the defaults of the op's
     * description for the others, at {@code offset}. The one writer of layer records from keys: the
     * grammar, the builder and every block and search space end here.
     *
     * <p>A record it writes is valid: given keys are checked against their range and the bounds
     * other keys set ({@link KeyUse.Bound}: {@code maxpool_k3_p5} is refused, as PyTorch refuses a
     * padding of more than half the window), defaults are valid by construction.
     *
     * @throws IllegalArgumentException if a key does not apply to the op, a required key is missing or a value is
     *         out of range; the message names the op and the field
     */
    public static void write(int[] records, int offset, Op op, Parts parts) {
        final int code = op.code();
        // the op's description compiled to a primitive program (WRITE_PROGRAMS): one entry per key
        final int[] program = WRITE_PROGRAMS[code];
        if (program.length == 0 && parts.given == 0) {
            // an op without keys (bn, the activations, gap, …: most tokens) is the neutral record; small enough to inline
            System.arraycopy(NEUTRAL, 0, records, offset, LENGTH);
            records[offset + OP_OFFSET] = code;
            return;
        }
        writeKeys(records, offset, op, parts, program);
    }

    private static void writeKeys(int[] records, int offset, Op op, Parts parts, int[] program) {
        final int given = parts.given;
        if ((given & ~op.keyMask()) != 0 || (op.requiredMask() & ~given) != 0) {
            throw keyError(op, given);
        }
        System.arraycopy(NEUTRAL, 0, records, offset, LENGTH);
        records[offset + OP_OFFSET] = op.code();
        boolean derived = false;
        for (int i = 0; i < program.length; i += W_STRIDE) {
            final int key = program[i + W_KEY];
            if ((given & (1 << key)) != 0) {
                final int h = parts.h[key];
                final int w = parts.w[key];
                if (h < program[i + W_MIN] || h > program[i + W_MAX] || w < program[i + W_MIN] || w > program[i + W_MAX]) {
                    throw rangeError(op, Key.ofOrdinal(key), h, w);
                }
                put(records, offset, program, i, h, w);
            } else if (program[i + W_RULE] == W_RULE_VALUE) {
                put(records, offset, program, i, program[i + W_VALUE], program[i + W_VALUE]);
            } else {
                derived = true;    // same padding or a kernel-sized stride: from other keys, after them
            }
        }
        if (derived) {
            writeDerived(records, offset, program, given);
        }
        if (BOUNDED[op.code()]) {
            checkBounds(records, offset, op);
        }
    }

    /** Per op code: whether a key of the op has a {@link KeyUse.Bound} (pooling padding), checked once its keys are written. */
    private static final boolean[] BOUNDED = new boolean[OpCode.COUNT];

    static {
        for (Op op : Op.values()) {
            for (KeyUse u : op.keys()) {
                if (u.bound() != KeyUse.Bound.NONE) {
                    if (FIELD_OF_KEY[u.key().ordinal()] == NO_FIELD || !u.key().isPair()) {
                        throw new AssertionError(op.token() + ": a bound applies per axis, to a pair key such as p");
                    }
                    BOUNDED[op.code()] = true;
                }
            }
        }
    }

    /**
     * The bounds of the op's keys that depend on its other keys (a pooling padding at most half its
     * window, as PyTorch checks it), per axis.
     */
    private static void checkBounds(int[] records, int offset, Op op) {
        for (KeyUse u : op.keys()) {
            final KeyUse.Bound bound = u.bound();
            if (bound == KeyUse.Bound.NONE) {
                continue;
            }
            for (int axis = 0; axis < 2; axis++) {
                final int v = read(records, offset, u.key(), axis);
                final int k = records[offset + KERNEL_H_OFFSET + axis];
                final int d = records[offset + DILATION_H_OFFSET + axis];
                final long max = bound.max(k, d);
                if (v > max) {
                    throw new IllegalArgumentException(op.token() + ": " + u.meaning() + " " + u.key().token() + " = " + v
                            + (axis == 0 ? " (along H)" : " (along W)") + " is more than " + bound.rule() + ": at most "
                            + bound.formula() + " = " + max + " for k = " + k + (op.use(Key.D) != null ? ", d = " + d : ""));
                }
            }
        }
    }

    /** The defaults computed from other keys (same padding, a kernel-sized stride), once those are written. */
    private static void writeDerived(int[] records, int offset, int[] program, int given) {
        for (int i = 0; i < program.length; i += W_STRIDE) {
            final int rule = program[i + W_RULE];
            if ((given & (1 << program[i + W_KEY])) == 0 && rule != W_RULE_VALUE) {
                final boolean same = rule == W_RULE_SAME_PADDING;
                put(records, offset, program, i,
                        same ? samePadding(records[offset + KERNEL_H_OFFSET], records[offset + DILATION_H_OFFSET])
                                : records[offset + KERNEL_H_OFFSET],
                        same ? samePadding(records[offset + KERNEL_W_OFFSET], records[offset + DILATION_W_OFFSET])
                                : records[offset + KERNEL_W_OFFSET]);
            }
        }
    }

    private static void put(int[] r, int o, int[] program, int i, int h, int w) {
        final int f = program[i + W_FIELD];
        if (f != NO_FIELD) {
            r[o + f] = h;
            if (program[i + W_PAIR] != 0) {
                r[o + f + 1] = w;
            }
        } else if (h != 0) {
            r[o + FLAGS_OFFSET] |= program[i + W_FLAG];
        }
    }

    private static IllegalArgumentException keyError(Op op, int given) {
        final int extra = given & ~op.keyMask();
        if (extra != 0) {
            return new IllegalArgumentException(op.token() + ": key " + Key.list(extra) + " does not apply (" + op.describeKeys() + ")");
        }
        return new IllegalArgumentException(op.token() + ": missing required key " + Key.list(op.requiredMask() & ~given));
    }

    private static IllegalArgumentException rangeError(Op op, Key key, int h, int w) {
        final boolean height = h < key.min() || h > key.max();
        final int f = FIELD_OF_KEY[key.ordinal()];
        final String name = f != NO_FIELD ? FIELD_NAMES[f + (key.isPair() && !height ? 1 : 0)] : key.token();
        return new IllegalArgumentException(op.token() + ": " + name + " = " + (height ? h : w)
                + (key.max() == 1 ? " must be 0 or 1" : " must be at least " + key.min()));
    }

    // ---- the writer's programs: each op's keys compiled, once, into primitive arrays ---------------

    private static final int W_KEY = 0;
    private static final int W_FIELD = 1;
    private static final int W_FLAG = 2;
    private static final int W_PAIR = 3;
    private static final int W_RULE = 4;
    private static final int W_VALUE = 5;
    private static final int W_MIN = 6;
    private static final int W_MAX = 7;
    private static final int W_STRIDE = 8;
    /** A constant default (sentinels included: input channels, one group per channel). */
    private static final int W_RULE_VALUE = 0;
    private static final int W_RULE_SAME_PADDING = 1;
    private static final int W_RULE_KERNEL = 2;
    private static final int W_RULE_REQUIRED = 3;

    /** Per op code, its keys in description order, {@link #W_STRIDE} ints each. */
    private static final int[][] WRITE_PROGRAMS = new int[OpCode.COUNT][];

    static {
        for (Op op : Op.values()) {
            final List<KeyUse> uses = op.keys();
            final int[] program = new int[uses.size() * W_STRIDE];
            for (int u = 0; u < uses.size(); u++) {
                final KeyUse use = uses.get(u);
                final Key key = use.key();
                final int i = u * W_STRIDE;
                program[i + W_KEY] = key.ordinal();
                program[i + W_FIELD] = FIELD_OF_KEY[key.ordinal()];
                program[i + W_FLAG] = FLAG_OF_KEY[key.ordinal()];
                program[i + W_PAIR] = key.isPair() ? 1 : 0;
                program[i + W_RULE] = switch (use.rule()) {
                    case SAME_PADDING -> W_RULE_SAME_PADDING;
                    case KERNEL -> W_RULE_KERNEL;
                    case REQUIRED -> W_RULE_REQUIRED;
                    case VALUE, INPUT_CHANNELS, PER_CHANNEL -> W_RULE_VALUE;
                    case DERIVED, ABSENT -> throw new AssertionError(op.token() + ": ops have no " + use.rule() + " default");
                };
                program[i + W_VALUE] = program[i + W_RULE] == W_RULE_VALUE ? resolvedDefault(null, 0, use, 0) : 0;
                program[i + W_MIN] = key.min();
                program[i + W_MAX] = key.max();
            }
            WRITE_PROGRAMS[op.code()] = program;
        }
    }

    /**
     * The value a key takes in the record at {@code offset} when it is not given, along axis 0 (H)
     * or 1 (W): the default of {@code use}, resolved against the record's other fields (same
     * padding from its kernel and dilation, a pooling stride from its kernel). A required key has
     * no default: {@link Integer#MIN_VALUE}.
     */
    public static int resolvedDefault(int[] records, int offset, KeyUse use, int axis) {
        return switch (use.rule()) {
            case VALUE -> use.value();
            case SAME_PADDING -> samePadding(records[offset + KERNEL_H_OFFSET + axis], records[offset + DILATION_H_OFFSET + axis]);
            case KERNEL -> records[offset + KERNEL_H_OFFSET + axis];
            case INPUT_CHANNELS -> CHANNELS_FROM_INPUT;
            case PER_CHANNEL -> GROUPS_PER_CHANNEL;
            case REQUIRED, DERIVED, ABSENT -> Integer.MIN_VALUE;
        };
    }

    /** The value of {@code key} in the record at {@code offset} along axis 0 (H) or 1 (W); 0 or 1 for a flag key. */
    public static int read(int[] records, int offset, Key key, int axis) {
        final int f = FIELD_OF_KEY[key.ordinal()];
        if (f != NO_FIELD) {
            return records[offset + f + (key.isPair() ? axis : 0)];
        }
        final int bit = FLAG_OF_KEY[key.ordinal()];
        if (bit == 0) {
            throw new IllegalArgumentException("key " + key.token() + " is not stored in a layer record");
        }
        return (records[offset + FLAGS_OFFSET] & bit) != 0 ? 1 : 0;
    }

    /**
     * Output channels of the record at {@code offset} given the channels of its inputs (cin1 is
     * ignored unless the op sums its inputs' channels); -1 where it depends on the spatial size
     * (flatten). Follows each op's {@link Op.Channels} rule; the engine's block expansion
     * ({@link CandidateBatch#openChannels}) and the scoring loop use it.
     */
    public static long outChannels(int[] records, int offset, long cin0, long cin1) {
        switch (CHANNEL_RULE[records[offset + OP_OFFSET]]) {
            case CH_KEEP:
                return cin0;
            case CH_C_OR_MULTIPLIER: {
                final int cout = records[offset + COUT_OFFSET];
                return cout == CHANNELS_FROM_INPUT ? Math.multiplyExact(cin0, records[offset + CMULT_OFFSET]) : cout;
            }
            case CH_C:
                return records[offset + COUT_OFFSET];
            case CH_SUM:
                return Math.addExact(cin0, cin1);
            default:
                return -1;
        }
    }

    private static final int CH_KEEP = 0;
    private static final int CH_C_OR_MULTIPLIER = 1;
    private static final int CH_C = 2;
    private static final int CH_SUM = 3;
    private static final int CH_FLATTEN = 4;
    /** Per op code, its {@link Op.Channels} rule as an int: the scoring loop calls {@link #outChannels}. */
    private static final int[] CHANNEL_RULE = new int[OpCode.COUNT];

    static {
        for (Op op : Op.values()) {
            CHANNEL_RULE[op.code()] = switch (op.channels()) {
                case KEEP -> CH_KEEP;
                case C_OR_MULTIPLIER -> CH_C_OR_MULTIPLIER;
                case C -> CH_C;
                case SUM -> CH_SUM;
                case FLATTEN -> CH_FLATTEN;
            };
        }
    }

    /**
     * Checks the invariants of the record at {@code offset}, all read from the op's description:
     * a known op; kernel, stride, dilation and channel multiplier at least 1, padding, groups and
     * cout not negative; only known flags, and only the flags of the op's keys; every key's value
     * in its range (or the sentinel of its default), the fields the op fixes at their value, and
     * neutral values in the fields it does not use; the bounds one key takes from others
     * ({@link KeyUse.Bound}: a pooling padding at most half its window, as PyTorch); in1 set
     * exactly for joins, and only joins fused. Whether in0 and in1 stay inside the candidate is
     * checked by {@link CandidateBatch}.
     *
     * <p>A record that holds (nearly all do) is told in a few nanoseconds from per-op tables of each
     * field's range compiled from the same description ({@link #holds}); only a record that does
     * not goes through the checks below, which find and name what is wrong.
     *
     * @throws IllegalArgumentException naming the op, the field and the value
     */
    public static void validate(int[] records, int offset) {
        if (!holds(records, offset)) {
            explain(records, offset);
        }
    }

    /** The checks of {@link #validate}, one by one, each with its message: the specification {@link #holds} is tested against. */
    static void explain(int[] records, int offset) {
        final int code = records[offset + OP_OFFSET];
        if (code < 0 || code >= OpCode.COUNT) {
            throw new IllegalArgumentException("layer record has unknown op code " + code);
        }
        final Op op = Op.ofCode(code);
        for (int f = KERNEL_H_OFFSET; f < LENGTH; f++) {
            final int v = records[offset + f];
            final int min = (f == PAD_H_OFFSET || f == PAD_W_OFFSET || f == GROUPS_OFFSET || f == COUT_OFFSET
                    || f == FLAGS_OFFSET || f == IN1_OFFSET) ? 0 : 1;
            if (v < min) {
                throw new IllegalArgumentException(op.token() + ": " + fieldName(f) + " = " + v + " must be at least " + min);
            }
        }
        final int flags = records[offset + FLAGS_OFFSET];
        if ((flags & ~(FLAG_BIAS | FLAG_CEIL | FLAG_FUSED)) != 0) {
            throw new IllegalArgumentException(op.token() + ": unknown flag bits " + Integer.toBinaryString(flags));
        }
        final int used = USED_FIELDS[code];
        for (int f = KERNEL_H_OFFSET; f <= CMULT_OFFSET; f++) {
            if ((used & (1 << f)) == 0) {
                requireNeutral(records, offset, op, f);
            }
        }
        for (KeyUse u : op.keys()) {
            validateKey(records, offset, op, u);
        }
        if (BOUNDED[code]) {
            checkBounds(records, offset, op);
        }
        final int keyFlags = flags & ~FLAG_FUSED;
        if ((keyFlags & ~ALLOWED_FLAGS[code]) != 0) {
            throw new IllegalArgumentException(op.token() + ": flag " + ((keyFlags & FLAG_BIAS) != 0 ? "bias (key b)" : "ceil (key ceil)")
                    + " does not apply (" + op.describeKeys() + ")");
        }
        if ((flags & FLAG_FUSED) != 0 && !op.isJoin()) {
            throw new IllegalArgumentException(op.token() + ": only joins (add, cat, mul) are fused");
        }
        if (op.isJoin() != (records[offset + IN1_OFFSET] != NO_INPUT)) {
            throw new IllegalArgumentException(op.token() + ": in1 = " + records[offset + IN1_OFFSET]
                    + (op.isJoin() ? ": a join needs a second input" : ": only joins have a second input"));
        }
    }

    // ---- the fast check: each op's description compiled into per-field ranges -------------------

    /** Per op code and field (kh … cmult, at {@code code * LENGTH + field}): the least and the most a valid record holds. */
    private static final int[] FIELD_MIN = new int[OpCode.COUNT * LENGTH];
    private static final int[] FIELD_MAX = new int[OpCode.COUNT * LENGTH];
    /** Per op code: the flags a valid record may have (its keys' flags, and fused for a join). */
    private static final int[] VALID_FLAGS = new int[OpCode.COUNT];
    /** Per op code: whether its records are checked by {@link #explain} alone (a key fixed by other fields). */
    private static final boolean[] SLOW = new boolean[OpCode.COUNT];

    static {
        for (Op op : Op.values()) {
            final int t = op.code() * LENGTH;
            for (int f = KERNEL_H_OFFSET; f <= CMULT_OFFSET; f++) {
                FIELD_MIN[t + f] = NEUTRAL[f];
                FIELD_MAX[t + f] = NEUTRAL[f];
            }
            for (KeyUse u : op.keys()) {
                final int f = FIELD_OF_KEY[u.key().ordinal()];
                if (f != NO_FIELD) {
                    for (int axis = 0; axis < (u.key().isPair() ? 2 : 1); axis++) {
                        range(op, u, f + axis);
                    }
                }
            }
            VALID_FLAGS[op.code()] = ALLOWED_FLAGS[op.code()] | (op.isJoin() ? FLAG_FUSED : 0);
        }
    }

    /** The range of field f of op's records: its key's range (or the sentinel of its default), never below the field's least. */
    private static void range(Op op, KeyUse u, int f) {
        final int t = op.code() * LENGTH + f;
        final int least = f == PAD_H_OFFSET || f == PAD_W_OFFSET || f == GROUPS_OFFSET || f == COUT_OFFSET ? 0 : 1;
        final Key key = u.key();
        if (!u.settable()) {
            final KeyUse.Default rule = u.rule();
            if (rule == KeyUse.Default.SAME_PADDING || rule == KeyUse.Default.KERNEL) {
                SLOW[op.code()] = true;           // fixed by other fields: explain() checks it
                return;
            }
            FIELD_MIN[t] = Math.max(least, resolvedDefault(null, 0, u, 0));
            FIELD_MAX[t] = resolvedDefault(null, 0, u, 0);
            return;
        }
        int min = key.min();
        if (u.rule() == KeyUse.Default.INPUT_CHANNELS) {
            if (key.min() > CHANNELS_FROM_INPUT + 1) {
                SLOW[op.code()] = true;           // the sentinel and the range are not one interval
            }
            min = Math.min(min, CHANNELS_FROM_INPUT);
        }
        FIELD_MIN[t] = Math.max(least, min);
        FIELD_MAX[t] = key.max();
    }

    /**
     * True if the record at {@code offset} holds every invariant {@link #validate} checks: a few
     * compares per field against {@link #FIELD_MIN}/{@link #FIELD_MAX} (which {@code LayerRecordFastCheckTest}
     * fuzzes against {@link #explain}). May say false for a valid record only of a {@link #SLOW} op.
     */
    static boolean holds(int[] records, int offset) {
        final int code = records[offset + OP_OFFSET];
        if (code < 0 || code >= OpCode.COUNT || SLOW[code]) {
            return false;
        }
        final int t = code * LENGTH;
        for (int f = KERNEL_H_OFFSET; f <= CMULT_OFFSET; f++) {
            final int v = records[offset + f];
            if (v < FIELD_MIN[t + f] || v > FIELD_MAX[t + f]) {
                return false;
            }
        }
        final int in1 = records[offset + IN1_OFFSET];
        if ((records[offset + FLAGS_OFFSET] & ~VALID_FLAGS[code]) != 0 || records[offset + IN0_OFFSET] < 1
                || ((VALID_FLAGS[code] & FLAG_FUSED) != 0 ? in1 < 1 : in1 != NO_INPUT)) {
            return false;
        }
        return !BOUNDED[code] || boundsHold(records, offset, Op.ofCode(code));
    }

    private static boolean boundsHold(int[] records, int offset, Op op) {
        final List<KeyUse> uses = op.keys();
        for (int i = 0; i < uses.size(); i++) {
            final KeyUse u = uses.get(i);
            if (u.bound() == KeyUse.Bound.NONE) {
                continue;
            }
            for (int axis = 0; axis < 2; axis++) {
                if (read(records, offset, u.key(), axis) > u.bound().max(records[offset + KERNEL_H_OFFSET + axis],
                        records[offset + DILATION_H_OFFSET + axis])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void validateKey(int[] records, int offset, Op op, KeyUse u) {
        final Key key = u.key();
        if (FIELD_OF_KEY[key.ordinal()] == NO_FIELD) {
            return;   // a flag: its bit is checked against the op's flags
        }
        for (int axis = 0; axis < (key.isPair() ? 2 : 1); axis++) {
            final int v = read(records, offset, key, axis);
            final int f = FIELD_OF_KEY[key.ordinal()] + axis;
            if (!u.settable()) {
                final int fixed = resolvedDefault(records, offset, u, axis);
                if (v != fixed) {
                    throw new IllegalArgumentException(op.token() + ": " + fieldName(f) + " = " + v + " must be " + fixed
                            + " (fixed by the operation: " + u.describe() + ")");
                }
            } else if ((v < key.min() || v > key.max()) && !(u.rule() == KeyUse.Default.INPUT_CHANNELS && v == CHANNELS_FROM_INPUT)) {
                throw new IllegalArgumentException(op.token() + ": " + fieldName(f) + " = " + v
                        + (key.max() == 1 ? " must be 0 or 1" : " must be at least " + key.min()));
            }
        }
    }

    private static void requireNeutral(int[] records, int offset, Op op, int field) {
        if (records[offset + field] != NEUTRAL[field]) {
            throw new IllegalArgumentException(op.token() + ": field " + fieldName(field) + " = " + records[offset + field]
                    + " must be " + NEUTRAL[field] + " (the operation does not use it)");
        }
    }
}
