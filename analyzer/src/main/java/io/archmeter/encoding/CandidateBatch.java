package io.archmeter.encoding;

import java.util.Arrays;

/**
 * A batch of candidate architectures as parallel primitive arrays plus a size, in the style of
 * RoaringBitmap's {@code RoaringArray}: no object per candidate and none per layer.
 *
 * <pre>
 *  records   [ L0 | L1 | L2 | L3 | L4 | L5 | L6 | ... ]   one {@link LayerRecord} (13 ints) per layer
 *  firstLayer [ 0,        3,             7, ... ]          candidate i owns layers [firstLayer[i], firstLayer[i+1])
 *  inputs    [ H0 W0 C0 | H1 W1 C1 | ... ]                 {@link #INPUT_LENGTH} ints per candidate
 * </pre>
 *
 * <p>Candidates are appended with {@link #begin(int, int, int)}, any number of
 * {@link #appendLayer appendLayer} calls, and {@link #end()}; {@link #abort()} drops a candidate
 * whose parse failed half way. {@link #clear()} keeps the arrays, so a batch reused across chunks
 * or search iterations allocates only while it grows to its high-water mark.
 *
 * <p>Not thread-safe for writing; once filled, any number of threads may read it (the engine
 * scores disjoint candidates of one batch in parallel).
 */
public final class CandidateBatch {
    /** Ints per candidate in {@link #inputs()}: H, W, C. */
    public static final int INPUT_LENGTH = 3;
    public static final int INPUT_H_OFFSET = 0;
    public static final int INPUT_W_OFFSET = 1;
    public static final int INPUT_C_OFFSET = 2;

    private int[] records;
    private int[] firstLayer;
    private int[] inputs;
    private int size;
    private int layerCount;
    private boolean open;

    public CandidateBatch() {
        this(16, 16 * 20);
    }

    /** A batch with room for {@code candidates} candidates of {@code layers} layers in all before it grows. */
    public CandidateBatch(int candidates, int layers) {
        records = new int[Math.max(1, layers) * LayerRecord.LENGTH];
        firstLayer = new int[Math.max(1, candidates) + 1];
        inputs = new int[Math.max(1, candidates) * INPUT_LENGTH];
    }

    /** Forgets every candidate; keeps the arrays. */
    public CandidateBatch clear() {
        size = 0;
        layerCount = 0;
        open = false;
        return this;
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
        }
        int in = size * INPUT_LENGTH;
        inputs[in + INPUT_H_OFFSET] = h;
        inputs[in + INPUT_W_OFFSET] = w;
        inputs[in + INPUT_C_OFFSET] = c;
        firstLayer[size] = layerCount;
        open = true;
        return this;
    }

    /** Ends the candidate begun last; it becomes candidate {@code size() - 1}. */
    public CandidateBatch end() {
        requireOpen();
        open = false;
        size++;
        firstLayer[size] = layerCount;
        return this;
    }

    /** Drops the candidate begun last, with the layers appended to it so far. */
    public CandidateBatch abort() {
        if (open) {
            layerCount = firstLayer[size];
            open = false;
        }
        return this;
    }

    /**
     * Reserves the next layer record of the open candidate and returns its offset in
     * {@link #records()}; the caller fills it (e.g. with {@link LayerRecord#put}). Re-read
     * {@link #records()} after this call: the array may have grown.
     */
    public int reserveLayer() {
        requireOpen();
        int offset = layerCount * LayerRecord.LENGTH;
        if (offset + LayerRecord.LENGTH > records.length) {
            records = Arrays.copyOf(records, Math.max(offset + LayerRecord.LENGTH, records.length * 2));
        }
        layerCount++;
        return offset;
    }

    /** Appends one layer to the open candidate, validated by {@link LayerRecord#validate}. */
    public CandidateBatch appendLayer(int op, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                      int groups, int cout, int cmult, int flags) {
        int offset = reserveLayer();
        LayerRecord.put(records, offset, op, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, cmult, flags);
        validateLast(offset);
        return this;
    }

    /** Appends a layer without parameters (bn, an activation, gap, lrn, dropout, flatten, id). */
    public CandidateBatch appendSimple(int op) {
        int offset = reserveLayer();
        LayerRecord.putSimple(records, offset, op);
        validateLast(offset);
        return this;
    }

    private void validateLast(int offset) {
        try {
            LayerRecord.validate(records, offset);
        } catch (IllegalArgumentException e) {
            layerCount--;
            throw new IllegalArgumentException("layer " + (layerCount - firstLayer[size] + 1) + " of candidate " + size + ": " + e.getMessage(), e);
        }
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

    /** The layer records; candidate i's layer j is at {@code LayerRecord.offset(firstLayer(i) + j)}. */
    public int[] records() {
        return records;
    }

    /** Index of candidate {@code i}'s first layer. */
    public int firstLayer(int i) {
        return firstLayer[i];
    }

    /** One past the index of candidate {@code i}'s last layer. */
    public int endLayer(int i) {
        return firstLayer[i + 1];
    }

    /** Number of layers of candidate {@code i}. */
    public int layers(int i) {
        return firstLayer[i + 1] - firstLayer[i];
    }

    public int inputHeight(int i) {
        return inputs[i * INPUT_LENGTH + INPUT_H_OFFSET];
    }

    public int inputWidth(int i) {
        return inputs[i * INPUT_LENGTH + INPUT_W_OFFSET];
    }

    public int inputChannels(int i) {
        return inputs[i * INPUT_LENGTH + INPUT_C_OFFSET];
    }

    /** Raw per-candidate input shapes, {@link #INPUT_LENGTH} ints each. */
    public int[] inputs() {
        return inputs;
    }

    /** Raw {@code firstLayer} offsets, {@code size() + 1} valid entries. */
    public int[] firstLayers() {
        return firstLayer;
    }
}
