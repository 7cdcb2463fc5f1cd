package io.archmeter.stats;

import java.util.Arrays;

/**
 * A uniform random sample of at most {@link #capacity()} rows of a stream, without replacement,
 * in fixed memory; the rows' values are kept as {@link Keys}, one per column. It feeds the scatter
 * plot and the rank correlations.
 *
 * <h2>How: bottom-k by a hash of the row number</h2>
 * Each row's sequence number (its 0-based position in the input) is hashed with the seed
 * ({@link #hash}: SplittableRandom's 64-bit mixer); the sample is the {@code capacity} rows of
 * smallest {@code (hash, seq)}. Every set of k rows is equally likely, the same input gives the
 * same sample, and two samples {@link #merge} into exactly the sample of both streams, however
 * they were split, as long as the rows keep their global sequence numbers (Spark: a partition's
 * offset plus the row's index).
 *
 * <p>The rows in the sample are a max-heap on {@code (hash, seq)}: a row enters only if it hashes
 * below the largest kept, about {@code k·ln(n/k)} times in a stream of n rows (about 124,000
 * times for 20,000 rows out of 10 M), so {@link #wants(long)}, one hash and one comparison, is
 * the only per-row cost.
 *
 * <pre>{@code
 * RowSample sample = new RowSample(20_000, 3, 42);
 * for (long seq = 0; seq < rows; seq++) {
 *     if (sample.wants(seq)) sample.add(seq, keysOf(seq));    // keysOf: the row's 3 values as Keys
 * }
 * int[] order = sample.inInputOrder();
 * long firstMacs = sample.value(order[0], 0);
 * }</pre>
 */
public final class RowSample {
    /** Rows sampled by default: enough for a scatter plot and a rank correlation within about ±0.01. */
    public static final int DEFAULT_CAPACITY = 20_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 0x5EED;

    private final int capacity;
    private final int columns;
    private final long seed;
    private final long[] hashes;
    private final long[] seqs;
    private final long[] values;
    /** Slots as a max-heap on (hash, seq); heap[0] is the row to evict next. */
    private final int[] heap;
    private int size;

    /**
     * @param capacity rows kept at most (≥ 1)
     * @param columns  values per row
     * @param seed     the hash seed: other seeds give other samples
     */
    public RowSample(int capacity, int columns, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("sample size must be at least 1, not " + capacity);
        }
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be at least 0, not " + columns);
        }
        this.capacity = capacity;
        this.columns = columns;
        this.seed = seed;
        this.hashes = new long[capacity];
        this.seqs = new long[capacity];
        if ((long) capacity * columns > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a sample of " + capacity + " rows of " + columns + " columns is too large");
        }
        this.values = new long[capacity * columns];
        this.heap = new int[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int columns() {
        return columns;
    }

    public long seed() {
        return seed;
    }

    /** Rows in the sample. */
    public int size() {
        return size;
    }

    /** The hash of row {@code seq} under {@code seed}: SplittableRandom's mix64 of seq·φ + seed. */
    public static long hash(long seq, long seed) {
        long z = seq * 0x9E3779B97F4A7C15L + seed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** True if row {@code seq} belongs in the sample so far (then call {@link #add}). */
    public boolean wants(long seq) {
        return size < capacity || SlotHeap.before(hash(seq, seed), seq, hashes, seqs, heap[0]);
    }

    /** True if (hash, seq) comes before the row in {@code slot}. */
    /**
     * Adds row {@code seq} with its values ({@code columns} keys from {@code rowKeys[0..]}) if it
     * belongs in the sample; returns whether it was added.
     */
    public boolean add(long seq, long[] rowKeys) {
        return add(hash(seq, seed), seq, rowKeys, 0);
    }

    private boolean add(long hash, long seq, long[] rowKeys, int from) {
        int slot;
        if (size < capacity) {
            slot = size;
            heap[size] = slot;
            size++;
            put(slot, hash, seq, rowKeys, from);
            SlotHeap.siftUp(heap, hashes, seqs, size - 1);
            return true;
        }
        slot = heap[0];
        if (!SlotHeap.before(hash, seq, hashes, seqs, slot)) {
            return false;
        }
        put(slot, hash, seq, rowKeys, from);
        SlotHeap.siftDown(heap, size, hashes, seqs, 0);
        return true;
    }

    private void put(int slot, long hash, long seq, long[] rowKeys, int from) {
        hashes[slot] = hash;
        seqs[slot] = seq;
        System.arraycopy(rowKeys, from, values, slot * columns, columns);
    }

    /** The row of {@code other} (same capacity, columns and seed) that belong in this sample are added. */
    public void merge(RowSample other) {
        if (other.capacity != capacity || other.columns != columns || other.seed != seed) {
            throw new IllegalArgumentException("cannot merge samples of different capacity, columns or seed");
        }
        for (int slot = 0; slot < other.size; slot++) {
            add(other.hashes[slot], other.seqs[slot], other.values, slot * other.columns);
        }
    }

    /** The slots of the rows in input order (ascending sequence number). */
    public int[] inInputOrder() {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(seqs[a], seqs[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The sequence number of the row in {@code slot}. */
    public long seq(int slot) {
        check(slot);
        return seqs[slot];
    }

    /** The key of column {@code column} of the row in {@code slot}. */
    public long value(int slot, int column) {
        check(slot);
        return values[slot * columns + column];
    }

    /** Column {@code column} of every row, in slot order (not input order). */
    public long[] column(int column) {
        long[] c = new long[size];
        for (int slot = 0; slot < size; slot++) {
            c[slot] = values[slot * columns + column];
        }
        return c;
    }

    private void check(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of a sample of " + size);
        }
    }
}
