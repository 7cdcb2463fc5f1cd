package io.archmeter.model;

import java.util.List;
import java.util.Locale;

import static io.archmeter.model.KeyUse.Default.INPUT_CHANNELS;
import static io.archmeter.model.KeyUse.Default.KERNEL;
import static io.archmeter.model.KeyUse.Default.PER_CHANNEL;
import static io.archmeter.model.KeyUse.Default.SAME_PADDING;
import static io.archmeter.model.KeyUse.fixed;
import static io.archmeter.model.KeyUse.optional;
import static io.archmeter.model.KeyUse.required;

/**
 * Every layer operation archmeter knows, each described once, as data: its token, its
 * {@link OpCode}, its {@link Family}, whether it allocates its output ({@link Memory}), how it
 * changes the spatial size ({@link Spatial}), the channels ({@link Channels}) and the receptive
 * field ({@link Field}), and which keys it takes with their defaults ({@link KeyUse}).
 *
 * <p>Everything that is not a formula reads this description: the grammar (which keys a token
 * takes, which are required, the nearest name in an error), the formatter (which keys differ from
 * their default), the builder ({@code CandidateBuilder.layer(Op, Parts)} writes any op),
 * {@code LayerRecord.validate} (which record fields an op uses), the block expansion (the channel
 * rule) and the engine, whose scoring loop reads these traits as bits in {@code static final}
 * arrays indexed by op code. Only the cost formula of each op is code, in the engine's
 * {@code Scorer}. No trait is ever decided by where a code falls in a range.
 *
 * <h2>Worked example: the description of {@link #CONV}</h2>
 * <pre>
 *   CONV(OpCode.CONV, "conv", CONVOLUTION, ALLOCATES, WINDOW, C_OR_MULTIPLIER, WINDOW,
 *        required(K), optional(S, 1), optional(P, SAME_PADDING), optional(D, 1), optional(G, 1),
 *        optional(C, INPUT_CHANNELS), optional(B, 1))
 * </pre>
 * reads: {@code conv} is a convolution; it allocates its output; its output size follows the
 * sliding-window rule; its output channels are {@code c}; its receptive field grows by
 * (k−1)·d·S and its stride multiplies S. {@code conv_k3_s2_c32} leaves p, d, g and b to their
 * defaults, so p = floor(1·(3−1)/2) = 1, d = 1, g = 1, with a bias; the formatter writes the same
 * record back as {@code conv_k3_s2_c32}, because every other key equals its default.
 *
 * <p>Adding an op is adding its code to {@link OpCode}, its description here and its formula in
 * {@code Scorer} (see {@code docs/adding-an-op.md}); {@code OpDescriptionTest} fails for an op
 * whose traits are missing or disagree with what the engine computes.
 */
public enum Op implements Syntax {
    CONV(OpCode.CONV, "conv", Family.CONVOLUTION, Memory.ALLOCATES, Spatial.WINDOW, Channels.C_OR_MULTIPLIER, Field.WINDOW,
            "convolution with groups g (torch.nn.Conv2d)",
            required(Key.K), optional(Key.S, 1), optional(Key.P, SAME_PADDING), optional(Key.D, 1), optional(Key.G, 1),
            optional(Key.C, INPUT_CHANNELS), optional(Key.B, 1)),
    DEPTHWISE(OpCode.DEPTHWISE, "dw", Family.CONVOLUTION, Memory.ALLOCATES, Spatial.WINDOW, Channels.C_OR_MULTIPLIER,
            Field.WINDOW, "depthwise convolution: groups = C_in, C_out = C_in·m (Conv2d with groups=in_channels)",
            required(Key.K), optional(Key.S, 1), optional(Key.P, SAME_PADDING), optional(Key.D, 1), fixed(Key.G, PER_CHANNEL),
            optional(Key.M, 1), optional(Key.B, 1)),
    MAX_POOL(OpCode.MAX_POOL, "maxpool", Family.POOLING, Memory.ALLOCATES, Spatial.WINDOW, Channels.KEEP, Field.WINDOW,
            "max pooling (torch.nn.MaxPool2d)",
            required(Key.K), optional(Key.S, KERNEL), optional(Key.P, 0).bounded(KeyUse.Bound.HALF_EFFECTIVE_KERNEL), optional(Key.D, 1),
            optional(Key.CEIL, 0)),
    AVG_POOL(OpCode.AVG_POOL, "avgpool", Family.POOLING, Memory.ALLOCATES, Spatial.WINDOW, Channels.KEEP, Field.WINDOW,
            "average pooling (torch.nn.AvgPool2d; no dilation)",
            required(Key.K), optional(Key.S, KERNEL), optional(Key.P, 0).bounded(KeyUse.Bound.HALF_KERNEL), optional(Key.CEIL, 0)),
    GLOBAL_AVG_POOL(OpCode.GLOBAL_AVG_POOL, "gap", Family.GLOBAL_POOLING, Memory.ALLOCATES, Spatial.TO_ONE, Channels.KEEP,
            Field.WHOLE, "global average pooling to 1x1xC (AdaptiveAvgPool2d(1))"),
    FC(OpCode.FC, "fc", Family.FULLY_CONNECTED, Memory.ALLOCATES, Spatial.TO_ONE, Channels.C, Field.WHOLE,
            "fully connected on the flattened input (torch.nn.Linear)",
            required(Key.C).described("output features", 1000), optional(Key.B, 1)),
    BATCH_NORM(OpCode.BATCH_NORM, "bn", Family.NORMALIZATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "batch normalisation, gamma and beta per channel (BatchNorm2d)"),
    RELU(OpCode.RELU, "relu", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "ReLU"),
    RELU6(OpCode.RELU6, "relu6", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "ReLU6"),
    SIGMOID(OpCode.SIGMOID, "sigmoid", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "sigmoid"),
    SWISH(OpCode.SWISH, "swish", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "swish / SiLU"),
    HSWISH(OpCode.HSWISH, "hswish", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "hard swish"),
    HSIGMOID(OpCode.HSIGMOID, "hsigmoid", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "hard sigmoid"),
    TANH(OpCode.TANH, "tanh", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "tanh"),
    GELU(OpCode.GELU, "gelu", Family.ACTIVATION, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP, "GELU"),
    LRN(OpCode.LRN, "lrn", Family.NORMALIZATION, Memory.ALLOCATES, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "local response normalisation across 5 channels (AlexNet; LocalResponseNorm)"),
    DROPOUT(OpCode.DROPOUT, "dropout", Family.PASS_THROUGH, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "dropout: the identity at inference"),
    FLATTEN(OpCode.FLATTEN, "flatten", Family.RESHAPE, Memory.IN_PLACE, Spatial.TO_ONE, Channels.FLATTEN, Field.WHOLE,
            "flatten to 1x1x(H·W·C), a view"),
    IDENTITY(OpCode.IDENTITY, "id", Family.PASS_THROUGH, Memory.IN_PLACE, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "identity"),
    ADD(OpCode.ADD, "add", Family.JOIN, Memory.ALLOCATES, Spatial.FROM_INPUTS, Channels.KEEP, Field.UNION,
            "join: element-wise sum of tensors of one shape (a residual connection)"),
    CONCAT(OpCode.CONCAT, "cat", Family.JOIN, Memory.ALLOCATES, Spatial.FROM_INPUTS, Channels.SUM, Field.UNION,
            "join: concatenation along the channels (torch.cat(dim=1))"),
    MUL(OpCode.MUL, "mul", Family.JOIN, Memory.ALLOCATES, Spatial.FROM_INPUTS, Channels.KEEP, Field.UNION,
            "join: element-wise product, the second 1x1xC broadcast (squeeze-excite gating) or of the same shape"),
    SHUFFLE(OpCode.SHUFFLE, "shuffle", Family.CHANNEL_ORDER, Memory.ALLOCATES, Spatial.KEEP, Channels.KEEP, Field.KEEP,
            "channel shuffle in g groups (ShuffleNet's channel_shuffle: view, transpose, contiguous: a copy); g divides C",
            required(Key.G)),
    SLICE(OpCode.SLICE, "slice", Family.CHANNEL_ORDER, Memory.VIEW, Spatial.KEEP, Channels.C, Field.KEEP,
            "channels [at, at + c) of the input (x[:, at:at+c], a view; NAS-Bench-101's truncation, ShuffleNetV2's split)",
            required(Key.C).described("channels kept", 16), optional(Key.AT, 0)),
    CROP(OpCode.CROP, "crop", Family.CROPPING, Memory.VIEW, Spatial.CROP, Channels.KEEP, Field.SHIFT,
            "the input without its first o rows and columns (x[:, :, o:, o:], a view; DARTS's FactorizedReduce shift)",
            required(Key.O));

    /** What kind of layer an op is; the traits that matter to the engine are the other descriptions. */
    public enum Family {
        /** Costs MACs over a sliding window, owns weights. */
        CONVOLUTION,
        /** A sliding window without weights. */
        POOLING,
        /** Reduces H×W to 1×1. */
        GLOBAL_POOLING,
        /** Dense layer on the flattened input. */
        FULLY_CONNECTED,
        /** Batch or local response normalisation. */
        NORMALIZATION,
        /** An element-wise activation function: the only ops a block takes as its activation part. */
        ACTIVATION,
        /** No effect on the tensor at inference (dropout, identity). */
        PASS_THROUGH,
        /** Changes the layout, not the values (flatten). */
        RESHAPE,
        /** Reorders or selects channels (channel shuffle, a channel slice). */
        CHANNEL_ORDER,
        /** Selects rows and columns (a crop). */
        CROPPING,
        /** Two inputs: written as the {@code )add}, {@code )cat} or {@code )mul} that closes a branch group. */
        JOIN
    }

    /** Whether an op's output is a new tensor. */
    public enum Memory {
        /** Allocates its output (counted in the activation total and peak). */
        ALLOCATES,
        /** Its output is its input's memory (an in-place operation, or a view of all of it such as flatten): allocates nothing. */
        IN_PLACE,
        /**
         * A view of part of its input (a channel slice, a crop): allocates nothing, and the whole
         * input stays alive while the view is read. A candidate with a view is scored as a graph,
         * whose memory bookkeeping follows which tensor each output belongs to.
         */
        VIEW
    }

    /** How an op changes the spatial size H×W. */
    public enum Spatial {
        /**
         * The sliding-window rule: floor((n + 2p − d·(k−1) − 1)/s) + 1 per axis; with the ceil flag,
         * PyTorch's ceil_mode rule, whose last window may overhang the input (the engine's {@code Scorer.outSize}).
         */
        WINDOW,
        /** Unchanged. */
        KEEP,
        /** 1×1. */
        TO_ONE,
        /** The joined inputs' (which must agree). */
        FROM_INPUTS,
        /** Less the offset: H − o_h, W − o_w (a crop drops rows at the top and columns at the left). */
        CROP
    }

    /** How an op sets its output channels. */
    public enum Channels {
        /** The input's (the first input's, for a join). */
        KEEP,
        /** {@code c}, or C_in·m when c is not given. */
        C_OR_MULTIPLIER,
        /** {@code c}, always given. */
        C,
        /** The sum of the joined inputs' (concatenation). */
        SUM,
        /** H·W·C of the input (flatten). */
        FLATTEN
    }

    /** How an op changes the receptive field r, effective stride S and padding P. */
    public enum Field {
        /** r += (k−1)·d·S; P += p·S; S ·= s, per axis. */
        WINDOW,
        /** Unchanged. */
        KEEP,
        /** Sees the whole input: r, S, P stay those of the last spatial map. */
        WHOLE,
        /** The union of the joined inputs' fields. */
        UNION,
        /**
         * Shifted by the offset o: P −= o·S per axis, r and S unchanged (output pixel i is input
         * pixel i + o, so the first output's field starts o·S further in; P may become negative).
         */
        SHIFT
    }

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
    private final Family family;
    private final Memory memory;
    private final Spatial spatial;
    private final Channels channels;
    private final Field field;
    private final String description;
    private final List<KeyUse> keys;
    private final int keyMask;
    private final int requiredMask;

    Op(int code, String token, Family family, Memory memory, Spatial spatial, Channels channels, Field field,
       String description, KeyUse... keys) {
        this.code = code;
        this.token = token;
        this.family = java.util.Objects.requireNonNull(family);
        this.memory = java.util.Objects.requireNonNull(memory);
        this.spatial = java.util.Objects.requireNonNull(spatial);
        this.channels = java.util.Objects.requireNonNull(channels);
        this.field = java.util.Objects.requireNonNull(field);
        this.description = java.util.Objects.requireNonNull(description);
        this.keys = List.of(keys);
        int settable = 0;
        int required = 0;
        int seen = 0;
        for (KeyUse u : keys) {
            if ((seen & u.key().bit()) != 0) {
                throw new AssertionError(token + ": key " + u.key().token() + " described twice");
            }
            seen |= u.key().bit();
            if (u.settable()) {
                settable |= u.key().bit();
            }
            if (u.rule() == KeyUse.Default.REQUIRED) {
                required |= u.key().bit();
            }
        }
        this.keyMask = settable;
        this.requiredMask = required;
        if ((family == Family.JOIN) != (field == Field.UNION) || (field == Field.UNION) != (spatial == Spatial.FROM_INPUTS)) {
            throw new AssertionError(token + ": joins, and only joins, take their shape and field from their inputs");
        }
        if (field == Field.WINDOW && (seen & Key.K.bit()) == 0) {
            throw new AssertionError(token + ": a window op needs a kernel key");
        }
        if ((field == Field.SHIFT || spatial == Spatial.CROP) && (seen & Key.O.bit()) == 0) {
            throw new AssertionError(token + ": a shift or a crop needs an offset key");
        }
    }

    /** The integer stored in a layer record. */
    public int code() {
        return code;
    }

    /** The name of the operation in an architecture string, e.g. {@code "maxpool"}. */
    @Override
    public String token() {
        return token;
    }

    public Family family() {
        return family;
    }

    public Memory memory() {
        return memory;
    }

    /** True if the op allocates its output; false for in-place ops and views ({@link Memory#IN_PLACE}, {@link Memory#VIEW}). */
    public boolean allocates() {
        return memory == Memory.ALLOCATES;
    }

    public Spatial spatial() {
        return spatial;
    }

    public Channels channels() {
        return channels;
    }

    public Field field() {
        return field;
    }

    /** One line on what the op is, with its PyTorch counterpart. */
    public String description() {
        return description;
    }

    @Override
    public List<KeyUse> keys() {
        return keys;
    }

    @Override
    public int keyMask() {
        return keyMask;
    }

    @Override
    public int requiredMask() {
        return requiredMask;
    }

    /** Ops take no bare parts: only blocks do. */
    @Override
    public boolean takesBareParts() {
        return false;
    }

    /** The operation stored as {@code code}. */
    public static Op ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no operation has code " + code + " (codes are 0.." + (BY_CODE.length - 1) + ")");
        }
        return BY_CODE[code];
    }

    /** True for the element-wise activation functions: the {@link Family#ACTIVATION} family. */
    public boolean isActivation() {
        return family == Family.ACTIVATION;
    }

    /** True for the ops with two inputs (add, cat, mul): the {@link Family#JOIN} family. */
    public boolean isJoin() {
        return family == Family.JOIN;
    }

    @Override
    public String toString() {
        return token.toUpperCase(Locale.ROOT).equals(name()) ? token : token + " (" + name().toLowerCase(Locale.ROOT) + ")";
    }
}
