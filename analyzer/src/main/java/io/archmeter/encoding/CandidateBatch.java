package io.archmeter.encoding;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import java.util.Arrays;

/**
 * A batch of candidate architectures as parallel primitive arrays plus a size, in the style of
 * RoaringBitmap's {@code RoaringArray}: no object per candidate and none per layer.
 *
 * <pre>
 *  records   [ L0 | L1 | L2 | L3 | L4 | L5 | L6 | ... ]   one {@link LayerRecord} ({@value LayerRecord#LENGTH} ints) per layer
 *  firstLayer [ 0,        3,             7, ... ]          candidate i owns layers [firstLayer[i], firstLayer[i+1])
 *  inputs    [ H0 W0 C0 | H1 W1 C1 | ... ]                 {@link #INPUT_LENGTH} ints per candidate
 *  shapes    [ CHAIN | GRAPH | ... ]                       {@link #SHAPE_CHAIN} or {@link #SHAPE_GRAPH} per candidate
 * </pre>
 *
 * <p>A candidate is a {@link #SHAPE_CHAIN chain} when every layer reads the previous one and none
 * is a view of part of its input ({@link Op.Memory#VIEW}: a slice, a crop, which keep their whole
 * input alive); the engine scores chains without any per-layer scratch state. {@link #end()} classifies the
 * candidate and checks that every input reference stays inside it.
 *
 * <p>Candidates are written with a {@link CandidateBuilder} ({@link #builder()} is the batch's
 * own), which the grammar and every search space use too; underneath it, {@link #begin(int, int, int)},
 * {@link #append(Op, Parts)} per layer and {@link #end()}; {@link #abort()} drops a candidate
 * whose parse failed half way. {@link #clear()} keeps the arrays, so a batch reused across chunks
 * or search iterations allocates only while it grows to its high-water mark.
 *
 * <h2>Limits and checks</h2>
 * A candidate may have at most {@link #maxLayers()} layers ({@value #DEFAULT_MAX_LAYERS} unless
 * set with {@link #maxLayers(int)} or, for every batch of a JVM, the system property
 * {@value #MAX_LAYERS_PROPERTY}): a block token such as {@code res_c64_r1000000} is refused
 * before it is expanded, and any layer past the limit is refused before the arrays grow, so one
 * row of a candidate file cannot exhaust the heap. Every index is checked against the current
 * {@link #size()} ({@link IndexOutOfBoundsException} naming the index and the size): a candidate
 * of a cleared batch cannot be read. Layers written by position ({@link #reserveLayer()}) are
 * validated when their candidate ends; values written straight into {@link #records()} are not
 * checked until {@link #validate(int)} is called.
 *
 * <p>Not thread-safe for writing; once filled, any number of threads may read it (the engine
 * scores disjoint candidates of one batch in parallel).
 */
public final class CandidateBatch {
    /** Ints per candidate in the inputs array: H, W, C. */
    public static final int INPUT_LENGTH = 3;
    public static final int INPUT_H_OFFSET = 0;
    public static final int INPUT_W_OFFSET = 1;
    public static final int INPUT_C_OFFSET = 2;

    /** Shape of a candidate whose every layer reads the previous one. */
    public static final int SHAPE_CHAIN = 0;
    /** Shape of a candidate with branches or joins. */
    public static final int SHAPE_GRAPH = 1;

    /**
     * The most layers one candidate may have unless {@link #maxLayers(int)} or the system property
     * {@value #MAX_LAYERS_PROPERTY} says otherwise: 1,000,000 (60 MB of layer records; the largest
     * network of the zoo has a few hundred).
     */
    public static final int DEFAULT_MAX_LAYERS = 1_000_000;

    /** System property that sets the layer limit of every batch created afterwards, e.g. {@code -Darchmeter.maxLayers=5000000}. */
    public static final String MAX_LAYERS_PROPERTY = "archmeter.maxLayers";

    /** Most ints an array may hold (the JVM's limit, with the usual headroom). */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** No layer of the open candidate was written by position. */
    private static final int NONE = -1;

    private int[] records;
    private int[] firstLayer;
    private int[] inputs;
    private int[] shapes;
    /** Output channels per layer of the open candidate, computed on demand for block expansion. */
    private long[] channels = new long[32];
    private int channelsKnown;
    private int size;
    private int layerCount;
    private boolean open;
    private CandidateBuilder builder;
    private int maxLayers = LayerLimit.DEFAULT.value();
    /** layerCount may not reach this while the open candidate is written: its first layer + maxLayers. */
    private int layerLimit;
    /** The first layer of the open candidate written by position ({@link #reserveLayer()}), validated at end(); NONE if none. */
    private int rawFrom = NONE;
    /**
     * True while every layer of the open candidate was appended by a writer that makes it read the
     * previous layer, as no view and no join: then {@link #end()} knows it is a chain without
     * reading its records again. Any other write (a join, a view, {@link #setInput}, a raw
     * {@link #reserveLayer}) clears it, and end() classifies the layers one by one.
     */
    private boolean plainChain;

    public CandidateBatch() {
        this(16, 16 * 20);
    }

    /** A batch with room for {@code candidates} candidates of {@code layers} layers in all before it grows. */
    public CandidateBatch(int candidates, int layers) {
        LayerLimit.DEFAULT.check();
        records = new int[Math.max(1, layers) * LayerRecord.LENGTH];
        firstLayer = new int[Math.max(1, candidates) + 1];
        inputs = new int[Math.max(1, candidates) * INPUT_LENGTH];
        shapes = new int[Math.max(1, candidates) + 1];
    }

    /**
     * The batch's own builder, created on first use: the grammar's parser and the search spaces
     * write through it, so parsing into a reused batch allocates no builder per candidate.
     */
    public CandidateBuilder builder() {
        if (builder == null) {
            builder = new CandidateBuilder(this);
        }
        return builder;
    }

    /** Forgets every candidate; keeps the arrays. */
    public CandidateBatch clear() {
        size = 0;
        layerCount = 0;
        open = false;
        rawFrom = NONE;
        return this;
    }

    /** The most layers one candidate of this batch may have. */
    public int maxLayers() {
        return maxLayers;
    }

    /**
     * Sets the most layers one candidate may have (from the next candidate begun). Appending a
     * layer beyond it, or a block whose repeats would go beyond it, throws
     * {@link IllegalArgumentException}; the arrays never grow past it for one candidate.
     *
     * @throws IllegalArgumentException if {@code layers} is below 1
     */
    public CandidateBatch maxLayers(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("a candidate may have at most " + layers + " layers: must be at least 1");
        }
        maxLayers = layers;
        return this;
    }

    /**
     * Layers the open candidate may still take before it reaches {@link #maxLayers()}: what a block
     * checks before it expands its repeats.
     */
    public int remainingLayers() {
        requireOpen();
        return layerLimit - layerCount;
    }

    /** Starts candidate number {@link #size()} on an input of H×W×C. */
    public CandidateBatch begin(int h, int w, int c) {
        if (open) {
            throw new IllegalStateException("candidate " + size + " was begun but not ended");
        }
        if (h < 1 || w < 1 || c < 1) {
            throw new IllegalArgumentException("input shape " + h + "x" + w + "x" + c + ": every dimension must be at least 1");
        }
        if (size + 2 > firstLayer.length) {
            int n = Math.max(size + 2, firstLayer.length * 2);
            firstLayer = Arrays.copyOf(firstLayer, n);
            inputs = Arrays.copyOf(inputs, n * INPUT_LENGTH);
            shapes = Arrays.copyOf(shapes, n);
        }
        int in = size * INPUT_LENGTH;
        inputs[in + INPUT_H_OFFSET] = h;
        inputs[in + INPUT_W_OFFSET] = w;
        inputs[in + INPUT_C_OFFSET] = c;
        firstLayer[size] = layerCount;
        layerLimit = (int) Math.min(MAX_ARRAY / LayerRecord.LENGTH, (long) layerCount + maxLayers);
        channelsKnown = 0;
        rawFrom = NONE;
        plainChain = true;
        open = true;
        return this;
    }

    /**
     * Ends the candidate begun last; it becomes candidate {@code size() - 1}. Classifies it as a
     * chain or a graph and checks its input references.
     *
     * @throws IllegalArgumentException if a layer reads before the network input, or a fused join
     *         is not followed by a join of the same op that reads it, or a layer written by position
     *         ({@link #reserveLayer()}) breaks a {@link LayerRecord#validate record invariant}; the
     *         candidate stays open
     */
    public CandidateBatch end() {
        requireOpen();
        int shape = SHAPE_CHAIN;
        final int first = firstLayer[size];
        if (rawFrom != NONE) {
            validateLayers(rawFrom, layerCount, first, size);
            rawFrom = NONE;
        }
        if (!plainChain) {
            // a chain appended layer by layer needs no pass: its writers said so (plainChain)
            for (int l = first; l < layerCount; l++) {
                final int r = l * LayerRecord.LENGTH;
                final int in0 = records[r + LayerRecord.IN0_OFFSET];
                final int in1 = records[r + LayerRecord.IN1_OFFSET];
                if (in0 != LayerRecord.PREVIOUS || in1 != LayerRecord.NO_INPUT) {
                    shape = SHAPE_GRAPH;
                    checkReferences(l - first, r, in0, in1, layerCount, size);
                } else if (shape == SHAPE_CHAIN && isView(records[r + LayerRecord.OP_OFFSET])) {
                    // a view of part of its input keeps all of it alive: the graph bookkeeping follows tensors
                    shape = SHAPE_GRAPH;
                }
            }
        }
        shapes[size] = shape;
        open = false;
        size++;
        firstLayer[size] = layerCount;
        return this;
    }

    /** Per op code, whether the op is a view of part of its input ({@link Op.Memory#VIEW}). */
    private static final boolean[] VIEWS = new boolean[OpCode.COUNT];

    static {
        for (Op op : Op.values()) {
            VIEWS[op.code()] = op.memory() == Op.Memory.VIEW;
        }
    }

    private static boolean isView(int op) {
        return op >= 0 && op < VIEWS.length && VIEWS[op];
    }

    /** Layer j (0-based) of candidate {@code candidate}, at offset r; its candidate's layers end at layer {@code end}. */
    private void checkReferences(int j, int r, int in0, int in1, int end, int candidate) {
        if (in0 > j + 1 || in1 > j + 1) {
            throw new IllegalArgumentException("layer " + (j + 1) + " of candidate " + candidate + " reads "
                    + Math.max(in0, in1) + " layers back, before the network input (at most " + (j + 1) + ")");
        }
        if ((records[r + LayerRecord.FLAGS_OFFSET] & LayerRecord.FLAG_FUSED) != 0) {
            int next = r + LayerRecord.LENGTH;
            if (next >= end * LayerRecord.LENGTH || records[next + LayerRecord.OP_OFFSET] != records[r + LayerRecord.OP_OFFSET]
                    || records[next + LayerRecord.IN0_OFFSET] != LayerRecord.PREVIOUS) {
                throw new IllegalArgumentException("layer " + (j + 1) + " of candidate " + candidate
                        + " is a fused join, but the next layer is not a join of the same op reading it");
            }
        }
    }

    /** Drops the candidate begun last, with the layers appended to it so far. */
    public CandidateBatch abort() {
        if (open) {
            layerCount = firstLayer[size];
            channelsKnown = 0;
            rawFrom = NONE;
            open = false;
        }
        return this;
    }

    /**
     * Checks candidate {@code i} as the batch's writers do: every layer record's invariants
     * ({@link LayerRecord#validate}) and every input reference inside the candidate. Call it after
     * writing into {@link #records()} directly; the engine does not re-check a record it scores.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not a candidate of the batch
     * @throws IllegalArgumentException naming the layer and the field that is wrong
     */
    public CandidateBatch validate(int i) {
        java.util.Objects.checkIndex(i, size);
        validateLayers(firstLayer[i], firstLayer[i + 1], firstLayer[i], i);
        boolean graph = false;
        for (int l = firstLayer[i]; l < firstLayer[i + 1]; l++) {
            final int r = l * LayerRecord.LENGTH;
            final int in0 = records[r + LayerRecord.IN0_OFFSET];
            final int in1 = records[r + LayerRecord.IN1_OFFSET];
            if (in0 != LayerRecord.PREVIOUS || in1 != LayerRecord.NO_INPUT) {
                graph = true;
                checkReferences(l - firstLayer[i], r, in0, in1, firstLayer[i + 1], i);
            } else if (isView(records[r + LayerRecord.OP_OFFSET])) {
                graph = true;
            }
        }
        if (graph != isGraph(i)) {
            throw new IllegalArgumentException("candidate " + i + " is marked a " + (graph ? "chain" : "graph")
                    + " but its records are a " + (graph ? "graph" : "chain") + ": written past end()");
        }
        return this;
    }

    /** {@link #validate(int)} for every candidate. */
    public CandidateBatch validate() {
        for (int i = 0; i < size; i++) {
            validate(i);
        }
        return this;
    }

    private void validateLayers(int from, int to, int first, int candidate) {
        for (int l = from; l < to; l++) {
            try {
                LayerRecord.validate(records, l * LayerRecord.LENGTH);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + (l - first + 1) + " of candidate " + candidate + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Appends every candidate of {@code other} after this batch's, as they are: how batches parsed
     * by several threads (or on several machines) become one to score.
     *
     * @throws IllegalStateException if either batch has a candidate open
     */
    public CandidateBatch appendAll(CandidateBatch other) {
        if (open || other.open) {
            throw new IllegalStateException("a candidate is open: end it before appending batches");
        }
        final int n = other.size;
        final int layers = other.layerCount;
        if (size + n + 1 > firstLayer.length) {
            int cap = Math.max(size + n + 1, firstLayer.length * 2);
            firstLayer = Arrays.copyOf(firstLayer, cap);
            inputs = Arrays.copyOf(inputs, cap * INPUT_LENGTH);
            shapes = Arrays.copyOf(shapes, cap);
        }
        final long need = ((long) layerCount + layers) * LayerRecord.LENGTH;
        if (need > MAX_ARRAY) {
            throw new IllegalStateException("the batch would hold " + ((long) layerCount + layers) + " layers, more than an array can");
        }
        if (need > records.length) {
            records = Arrays.copyOf(records, (int) Math.min(MAX_ARRAY, Math.max(need, 2L * records.length)));
        }
        System.arraycopy(other.records, 0, records, layerCount * LayerRecord.LENGTH, layers * LayerRecord.LENGTH);
        System.arraycopy(other.inputs, 0, inputs, size * INPUT_LENGTH, n * INPUT_LENGTH);
        System.arraycopy(other.shapes, 0, shapes, size, n);
        for (int i = 0; i <= n; i++) {
            firstLayer[size + i] = layerCount + other.firstLayer[i];
        }
        size += n;
        layerCount += layers;
        return this;
    }

    /**
     * Sets the open candidate's input to H×W×C before its first layer: for a notation that carries
     * its own input size (an Once-for-All config's resolution {@code r}).
     *
     * @throws IllegalStateException if no candidate is open or it has layers already
     * @throws IllegalArgumentException if a dimension is below 1
     */
    public CandidateBatch setOpenInput(int h, int w, int c) {
        requireOpen();
        if (layerCount != firstLayer[size]) {
            throw new IllegalStateException("the input of candidate " + size + " is set before its first layer, not after "
                    + (layerCount - firstLayer[size]));
        }
        if (h < 1 || w < 1 || c < 1) {
            throw new IllegalArgumentException("input shape " + h + "x" + w + "x" + c + ": every dimension must be at least 1");
        }
        final int in = size * INPUT_LENGTH;
        inputs[in + INPUT_H_OFFSET] = h;
        inputs[in + INPUT_W_OFFSET] = w;
        inputs[in + INPUT_C_OFFSET] = c;
        return this;
    }

    /** Height of the open candidate's input. */
    public int openInputHeight() {
        requireOpen();
        return inputs[size * INPUT_LENGTH + INPUT_H_OFFSET];
    }

    /** Width of the open candidate's input. */
    public int openInputWidth() {
        requireOpen();
        return inputs[size * INPUT_LENGTH + INPUT_W_OFFSET];
    }

    /** Number of layers appended so far to the open candidate. */
    public int openLayers() {
        requireOpen();
        return layerCount - firstLayer[size];
    }

    /**
     * Output channels of layer {@code j} (0-based) of the open candidate, or of its input for
     * {@code j = -1}; -1 where they depend on a spatial size (after flatten). For block expansion,
     * which must know a block's input channels to size its layers.
     */
    public long openChannels(int j) {
        requireOpen();
        final int first = firstLayer[size];
        if (j < 0) {
            return inputs[size * INPUT_LENGTH + INPUT_C_OFFSET];
        }
        if (j >= layerCount - first) {
            throw new IndexOutOfBoundsException("layer " + j + " of an open candidate of " + (layerCount - first));
        }
        if (channels.length < layerCount - first) {
            channels = Arrays.copyOf(channels, Math.max(layerCount - first, channels.length * 2));
        }
        for (int l = channelsKnown; l <= j; l++) {
            final int r = (first + l) * LayerRecord.LENGTH;
            final long c0 = channelsBefore(l, records[r + LayerRecord.IN0_OFFSET]);
            final long c1 = records[r + LayerRecord.IN1_OFFSET] == LayerRecord.NO_INPUT ? 0
                    : channelsBefore(l, records[r + LayerRecord.IN1_OFFSET]);
            channels[l] = c0 < 0 || c1 < 0 ? -1 : LayerRecord.outChannels(records, r, c0, c1);
        }
        channelsKnown = Math.max(channelsKnown, j + 1);
        return channels[j];
    }

    private long channelsBefore(int l, int back) {
        int src = l - back;
        return src < 0 ? inputs[size * INPUT_LENGTH + INPUT_C_OFFSET] : channels[src];
    }

    /**
     * Reserves the next layer record of the open candidate and returns its offset in
     * {@link #records()}; the caller fills it (e.g. with {@link LayerRecord#put}) before the
     * candidate ends. Re-read {@link #records()} after this call: the array may have grown.
     * Records written this way are checked by {@link #end()} ({@link LayerRecord#validate}: a
     * negative kernel, stride 0 or an unknown op code is refused there, never scored; about 10 ns
     * a layer, the validator's table check, measured on the shared 2-core machine).
     *
     * @throws IllegalArgumentException if the candidate already has {@link #maxLayers()} layers
     */
    public int reserveLayer() {
        final int offset = reserve();
        plainChain = false;
        if (rawFrom == NONE) {
            rawFrom = layerCount - 1;
        }
        return offset;
    }

    /** {@link #reserveLayer()} for the batch's own writers, whose records are valid by construction. */
    int reserve() {
        requireOpen();
        if (layerCount >= layerLimit) {
            throw tooManyLayers();
        }
        final int offset = layerCount * LayerRecord.LENGTH;
        if (offset + LayerRecord.LENGTH > records.length) {
            grow(offset + LayerRecord.LENGTH);
        }
        layerCount++;
        return offset;
    }

    /** Doubles the records array, to at least {@code need} ints and never past the open candidate's limit. */
    private void grow(int need) {
        final long cap = Math.min((long) layerLimit * LayerRecord.LENGTH, Math.max(need, 2L * records.length));
        records = Arrays.copyOf(records, (int) cap);
    }

    private IllegalArgumentException tooManyLayers() {
        return new IllegalArgumentException("candidate " + size + " has more than " + String.format(java.util.Locale.ROOT, "%,d", maxLayers)
                + " layers, the limit of one candidate (CandidateBatch.maxLayers, or -D" + MAX_LAYERS_PROPERTY + "=N)");
    }

    /**
     * Appends one layer of {@code op} to the open candidate, from the keys of {@code parts} and the
     * defaults of the op's description ({@link LayerRecord#write}).
     *
     * @throws IllegalArgumentException naming the layer and the key, if a key does not apply, a required key is
     *         missing or a value is out of range, or if {@code op} is a join; the layer is not kept
     */
    public CandidateBatch append(Op op, Parts parts) {
        if (op.isJoin()) {
            throw new IllegalArgumentException(op.token() + " is a join: append it with appendJoin");
        }
        final int offset = reserve();
        try {
            LayerRecord.write(records, offset, op, parts);
            notePlain(offset);
        } catch (IllegalArgumentException e) {
            layerCount--;
            throw new IllegalArgumentException(layerPrefix() + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Appends one layer to the open candidate, every field given by position, validated by
     * {@link LayerRecord#validate}. Low level: {@link CandidateBuilder} writes layers by their keys.
     */
    public CandidateBatch appendLayer(int op, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                      int groups, int cout, int cmult, int flags) {
        int offset = reserve();
        LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, cmult, flags);
        validateLast(offset);
        notePlain(offset);
        return this;
    }

    /** Appends a layer without parameters (bn, an activation, gap, lrn, dropout, flatten, id), validated. */
    public CandidateBatch appendSimple(int op) {
        int offset = reserve();
        LayerRecord.putSimple(records, offset, op);
        validateLast(offset);
        notePlain(offset);
        return this;
    }

    /** Appends a join of the tensors {@code in0} and {@code in1} layers back (1 = the previous layer). */
    public CandidateBatch appendJoin(int op, int in0, int in1, boolean fused) {
        int offset = reserve();
        LayerRecord.putJoin(records, offset, op, in0, in1, fused);
        plainChain = false;
        // a join's record is neutral but for its op, inputs and fused flag: those are all validate() would find wrong
        // (search spaces write a join or two per block: the full validation was a fifth of their writing time)
        if (!LayerRecord.isJoinCode(op) || in0 < 1 || in1 < 1) {
            validateLast(offset);
        }
        return this;
    }

    /**
     * Appends a convolution ({@link Op#CONV} or {@link Op#DEPTHWISE}) with every key given by position,
     * through {@link LayerRecord#writeConvolution}: the record {@link #append(Op, Parts)} writes for
     * the same keys, without going through a {@link Parts}.
     *
     * @throws IllegalArgumentException naming the layer and the field, as {@link #append(Op, Parts)}; the layer is not kept
     */
    public CandidateBatch appendConvolution(Op op, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                            int groups, int cout, int cmult, boolean bias) {
        final int offset = reserve();
        try {
            LayerRecord.writeConvolution(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, cmult, bias);
            // writeConvolution checks the fields' lower bounds; the descriptions' upper bounds are checked here, for this
            // record alone. Why not reserveLayer: end() would then check every layer after it again (the OFA spaces'
            // builds spent a fifth of their time there, JFR 2026-12-01)
            LayerRecord.validate(records, offset);
        } catch (IllegalArgumentException e) {
            layerCount--;
            throw new IllegalArgumentException(layerPrefix() + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Appends a join written by {@link BranchStack}, which has checked the op and the positions:
     * {@link LayerRecord#putJoin} writes a valid record by construction, so the hot path of cell
     * spaces (hundreds of joins per candidate) skips {@link LayerRecord#validate}.
     */
    void appendCheckedJoin(int op, int in0, int in1, boolean fused) {
        final int offset = reserve();          // first: it may grow the records array
        LayerRecord.putJoin(records, offset, op, in0, in1, fused);
        plainChain = false;
    }

    /** Sets the input of the layer appended last to the tensor {@code back} layers before it. */
    public CandidateBatch setLastInput(int back) {
        requireOpen();
        return setInput(layerCount - 1 - firstLayer[size], back);
    }

    /** Sets the input of layer {@code j} (0-based) of the open candidate to the tensor {@code back} layers before it. */
    public CandidateBatch setInput(int j, int back) {
        requireOpen();
        if (j < 0 || j >= layerCount - firstLayer[size]) {
            throw new IllegalStateException("layer " + j + " is not appended yet");
        }
        if (back < 1 || back > j + 1) {
            throw new IllegalArgumentException("layer " + (j + 1) + " must read 1 to " + (j + 1) + " layers back, not " + back);
        }
        records[(firstLayer[size] + j) * LayerRecord.LENGTH + LayerRecord.IN0_OFFSET] = back;
        plainChain = false;
        channelsKnown = Math.min(channelsKnown, j);
        return this;
    }

    /**
     * Keeps {@link #plainChain} true only if the record at {@code offset} reads the previous layer
     * and nothing else, and is no view. For writers whose records may be anything valid.
     */
    void notePlain(int offset) {
        if (records[offset + LayerRecord.IN0_OFFSET] != LayerRecord.PREVIOUS
                || records[offset + LayerRecord.IN1_OFFSET] != LayerRecord.NO_INPUT || isView(records[offset + LayerRecord.OP_OFFSET])) {
            plainChain = false;
        }
    }

    private void validateLast(int offset) {
        try {
            LayerRecord.validate(records, offset);
        } catch (IllegalArgumentException e) {
            layerCount--;
            throw new IllegalArgumentException(layerPrefix() + e.getMessage(), e);
        }
    }

    /** "layer 3 of candidate 0: " for the layer being appended (after layerCount was rolled back). */
    private String layerPrefix() {
        return "layer " + (layerCount - firstLayer[size] + 1) + " of candidate " + size + ": ";
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("no candidate is open: call begin(h, w, c) first");
        }
    }

    /** Number of complete candidates. */
    public int size() {
        return size;
    }

    /** Layers in all complete candidates (and the open one). */
    public int layerCount() {
        return layerCount;
    }

    /**
     * The layer records; candidate i's layer j is at {@code LayerRecord.offset(firstLayer(i) + j)}.
     * For reading: a value written here is not checked (the engine trusts records, and scores a
     * negative kernel into negative MACs); after writing into it, call {@link #validate(int)}.
     */
    public int[] records() {
        return records;
    }

    /** Index of candidate {@code i}'s first layer. */
    public int firstLayer(int i) {
        return firstLayer[java.util.Objects.checkIndex(i, size)];
    }

    /** One past the index of candidate {@code i}'s last layer. */
    public int endLayer(int i) {
        return firstLayer[java.util.Objects.checkIndex(i, size) + 1];
    }

    /** Number of layers of candidate {@code i}. */
    public int layers(int i) {
        java.util.Objects.checkIndex(i, size);
        return firstLayer[i + 1] - firstLayer[i];
    }

    public int inputHeight(int i) {
        return inputs[java.util.Objects.checkIndex(i, size) * INPUT_LENGTH + INPUT_H_OFFSET];
    }

    public int inputWidth(int i) {
        return inputs[java.util.Objects.checkIndex(i, size) * INPUT_LENGTH + INPUT_W_OFFSET];
    }

    public int inputChannels(int i) {
        return inputs[java.util.Objects.checkIndex(i, size) * INPUT_LENGTH + INPUT_C_OFFSET];
    }

    /** True if candidate {@code i} has branches or joins. */
    public boolean isGraph(int i) {
        return shapes[java.util.Objects.checkIndex(i, size)] == SHAPE_GRAPH;
    }
}
