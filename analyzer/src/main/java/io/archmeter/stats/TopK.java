package io.archmeter.stats;

import java.util.Arrays;

/**
 * The K best rows of a stream by one key (smallest first: pass {@link Keys#descending} keys to
 * keep the largest), <b>ties broken by input order</b> (the earlier row ranks first), in a bounded
 * heap of K entries: memory is K rows whatever the stream's length.
 *
 * <pre>
 *   K = 2, by acc:max     row  acc
 *                         1    0.70
 *                         2    0.80   1st
 *                         3    0.75   2nd: ties with row 4, and comes first
 *                         4    0.75
 * </pre>
 *
 * <h2>How</h2>
 * A max-heap on (key, seq) holds the K best so far; its root is the worst of them. A new row
 * enters only if it ranks before the root ({@link #wants}: one comparison), replacing it. Rows
 * arrive with increasing seq, so a row tying the root's key never displaces it: among equal keys
 * the earliest rows stay. {@link #addAll} merges the K best of another stream (any seq order).
 *
 * <pre>{@code
 * TopK<String[]> top = new TopK<>(10);
 * for (each row, seq = 0, 1, …) {
 *     long k = Keys.descending(Keys.ofDouble(acc));
 *     if (top.wants(k, seq)) top.add(k, seq, cells);
 * }
 * for (int m : top.ranked()) write(top.payload(m));   // best first
 * }</pre>
 *
 * @param <T> what the caller keeps with each row
 */
public final class TopK<T> {
    private final int k;
    private long[] keys;
    private long[] seqs;
    private Object[] payloads;
    /** Slots as a max-heap on (key, seq). */
    private int[] heap;
    private int size;

    /** Keeps the best {@code k} (≥ 1) rows. */
    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top K needs K at least 1, not " + k);
        }
        this.k = k;
        // a huge K on a short stream should not allocate K slots up front
        int initial = Math.min(k, 1024);
        keys = new long[initial];
        seqs = new long[initial];
        payloads = new Object[initial];
        heap = new int[initial];
    }

    /** K. */
    public int k() {
        return k;
    }

    /** Rows kept (at most K). */
    public int size() {
        return size;
    }

    /** True if a row with this key and position would be among the K best so far. */
    public boolean wants(long key, long seq) {
        return size < k || SlotHeap.before(key, seq, keys, seqs, heap[0]);
    }

    /** Adds the row if it is among the K best so far (evicting the worst); returns whether it was added. */
    public boolean add(long key, long seq, T payload) {
        if (size < k) {
            int slot = size;
            if (slot == keys.length) {
                grow();
            }
            set(slot, key, seq, payload);
            heap[size] = slot;
            size++;
            SlotHeap.siftUp(heap, keys, seqs, size - 1);
            return true;
        }
        int slot = heap[0];
        if (!SlotHeap.before(key, seq, keys, seqs, slot)) {
            return false;
        }
        set(slot, key, seq, payload);
        SlotHeap.siftDown(heap, size, keys, seqs, 0);
        return true;
    }

    /** Adds the rows of another stream's top K: the top K of both. */
    public void addAll(TopK<? extends T> other) {
        for (int slot = 0; slot < other.size; slot++) {
            add(other.keys[slot], other.seqs[slot], other.payload(slot));
        }
    }

    private void grow() {
        int n = (int) Math.min(k, 2L * keys.length);
        keys = Arrays.copyOf(keys, n);
        seqs = Arrays.copyOf(seqs, n);
        payloads = Arrays.copyOf(payloads, n);
        heap = Arrays.copyOf(heap, n);
    }

    private void set(int slot, long key, long seq, T payload) {
        keys[slot] = key;
        seqs[slot] = seq;
        payloads[slot] = payload;
    }

    /** The slots from best to worst: ascending (key, seq). */
    public int[] ranked() {
        return sorted(true);
    }

    /** The slots in input order. */
    public int[] inInputOrder() {
        return sorted(false);
    }

    private int[] sorted(boolean byKey) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> byKey && keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Long.compare(seqs[a], seqs[b]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** The key of the row in {@code slot}. */
    public long key(int slot) {
        check(slot);
        return keys[slot];
    }

    /** The input position of the row in {@code slot}. */
    public long seq(int slot) {
        check(slot);
        return seqs[slot];
    }

    /** The payload of the row in {@code slot}. */
    @SuppressWarnings("unchecked")
    public T payload(int slot) {
        check(slot);
        return (T) payloads[slot];
    }

    private void check(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size + " rows");
        }
    }
}
