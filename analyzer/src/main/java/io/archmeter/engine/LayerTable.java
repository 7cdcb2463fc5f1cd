package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;

import java.util.Arrays;

/**
 * One candidate scored layer by layer ({@link Engine#trace}): its layer records, a
 * {@link LayerMetricsRecord} per layer and the totals. Immutable once built.
 */
public final class LayerTable {
    private final int[] records;
    private final long[] layers;
    private final Metrics totals;
    private final InputShape input;
    private final Conventions conventions;
    private final int size;

    LayerTable(CandidateBatch batch, int i, long[] layers, Metrics totals, Conventions conventions) {
        int from = LayerRecord.offset(batch.firstLayer(i));
        int to = LayerRecord.offset(batch.endLayer(i));
        this.records = Arrays.copyOfRange(batch.records(), from, to);
        this.size = batch.layers(i);
        this.layers = layers;
        this.totals = totals;
        this.input = new InputShape(batch.inputHeight(i), batch.inputWidth(i), batch.inputChannels(i));
        this.conventions = conventions;
    }

    /** Number of layers. */
    public int size() {
        return size;
    }

    /** Field {@code field} (a {@link LayerMetricsRecord} offset) of layer {@code j} (0-based). */
    public long get(int j, int field) {
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("layer " + j + " of " + size);
        }
        return layers[LayerMetricsRecord.offset(j) + field];
    }

    /** True if layer {@code j} sees the whole input (global pooling, flatten, fc, and after them). */
    public boolean isGlobal(int j) {
        return get(j, LayerMetricsRecord.GLOBAL_OFFSET) != 0;
    }

    /**
     * The layer records of this candidate, {@link LayerRecord#LENGTH} ints per layer: a copy of all
     * of them, so O(layers). In a loop over the layers read {@link #record(int, int)} or
     * {@link #layerRecord(int)}; a copy per layer would make the loop quadratic.
     */
    public int[] records() {
        return records.clone();
    }

    /** A copy of layer {@code j}'s record alone, {@link LayerRecord#LENGTH} ints (for {@code ArchFormatter.token(r, 0)}). */
    public int[] layerRecord(int j) {
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("layer " + j + " of " + size);
        }
        final int o = LayerRecord.offset(j);
        return Arrays.copyOfRange(records, o, o + LayerRecord.LENGTH);
    }

    /** Field {@code field} (a {@link LayerRecord} offset) of layer {@code j}'s record. */
    public int record(int j, int field) {
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("layer " + j + " of " + size);
        }
        return records[LayerRecord.offset(j) + field];
    }

    public Metrics totals() {
        return totals;
    }

    public InputShape input() {
        return input;
    }

    public Conventions conventions() {
        return conventions;
    }
}
