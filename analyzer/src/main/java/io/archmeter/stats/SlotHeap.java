package io.archmeter.stats;

/**
 * The bounded selections' one heap: slot numbers in {@code heap[0, size)} ordered as a max-heap on
 * {@code (key, seq)} read from parallel arrays ({@code keys[slot]}, {@code seqs[slot]}), so that
 * {@code heap[0]} is the entry to evict next. {@link TopK} keys it by the ranked column, {@link RowSample}
 * by each row's hash; ties go by input order ({@code seq}). Stateless: the caller owns the arrays, which
 * may grow between calls.
 */
final class SlotHeap {
    private SlotHeap() {
    }

    /** True if {@code (key, seq)} orders before the entry in {@code slot}: it would be kept over it. */
    static boolean before(long key, long seq, long[] keys, long[] seqs, int slot) {
        return key < keys[slot] || key == keys[slot] && seq < seqs[slot];
    }

    /** Restores the heap after {@code heap[i]} was set (appended at the end, i = size − 1). */
    static void siftUp(int[] heap, long[] keys, long[] seqs, int i) {
        int x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(keys[heap[parent]], seqs[heap[parent]], keys, seqs, x)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = x;
    }

    /** Restores the heap of {@code size} entries after {@code heap[i]}'s entry was replaced by a smaller one. */
    static void siftDown(int[] heap, int size, long[] keys, long[] seqs, int i) {
        int x = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(keys[heap[child]], seqs[heap[child]], keys, seqs, heap[child + 1])) {
                child++;
            }
            if (!before(keys[x], seqs[x], keys, seqs, heap[child])) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }
}
