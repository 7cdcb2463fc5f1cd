package io.archmeter.grammar;

import io.archmeter.encoding.LayerRecord;

import java.util.Arrays;

/**
 * The part of a {@link TokenCache} for architectures read as bytes ({@link AsciiText}): the same
 * records, keyed by the token's length and its bytes as little-endian 8-byte words, so that a
 * token is found by comparing two longs and an int with what one slot holds, instead of its
 * characters one by one. The first two words are kept in the slot itself ({@code conv_k3_s2_c16}
 * has 14 bytes, and nearly every token of a search space fits in 16); a longer token's further
 * words are kept beside. (Measured on 20-layer rows: comparing the bytes past the first word one
 * at a time, as this table did before, took about 40% of parsing a row.) Open addressing; the
 * {@link TokenCache#MAX_ENTRIES} bound applies to this table on its own. Not thread-safe.
 *
 * <pre>
 *   slot i:  lengths[i]  words[2i]  words[2i+1]  tails[i]         records[i·LENGTH, (i+1)·LENGTH)
 *            0 if empty  bytes 0-7  bytes 8-15   bytes 16-… or null
 * </pre>
 */
final class AsciiTokenTable {
    private static final long K = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    /** Bytes kept in the slot itself. */
    private static final int INLINE = 2 * Long.BYTES;

    /** Per slot the token's length in bytes; 0 for an empty slot (a token is never empty). */
    private int[] lengths = new int[256];
    /** Per slot its first two words, zero-padded. */
    private long[] words = new long[2 * 256];
    /** Per slot the words from byte 16 on, for a token longer than 16 bytes; null otherwise. */
    private long[][] tails = new long[256][];
    private int[] records = new int[256 * LayerRecord.LENGTH];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(lengths, 0);
        Arrays.fill(tails, null);
        size = 0;
    }

    int[] recordsArray() {
        return records;
    }

    /** The offset in {@link #recordsArray()} of the record of token {@code s[start, end)}, or -1. */
    int find(AsciiText s, int start, int end) {
        final int len = end - start;
        final long w0 = s.word(start, Math.min(Long.BYTES, len));
        final long w1 = len > Long.BYTES ? s.word(start + Long.BYTES, Math.min(Long.BYTES, len - Long.BYTES)) : 0;
        return find(s, start, len, w0, w1);
    }

    /**
     * As {@link #find(AsciiText, int, int)} for the token of {@code len} bytes from {@code start} whose
     * first two words, zero-padded, are {@code w0} and {@code w1} (0 for a token of at most 8 bytes).
     */
    int find(AsciiText s, int start, int len, long w0, long w1) {
        final int mask = lengths.length - 1;
        int slot = slot(w0, w1, len, mask);
        int l;
        while ((l = lengths[slot]) != 0) {
            if (words[2 * slot] == w0 && words[2 * slot + 1] == w1 && l == len && (len <= INLINE || sameTail(s, start, len, tails[slot]))) {
                return slot * LayerRecord.LENGTH;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Caches the record at {@code from[offset]} as token {@code s[start, end)}, with in0 reset to previous. */
    void put(AsciiText s, int start, int end, int[] from, int offset) {
        if (size >= TokenCache.MAX_ENTRIES) {
            return;
        }
        if ((size + 1) * 2 > lengths.length) {
            grow();
        }
        final int len = end - start;
        final long w0 = s.word(start, Math.min(Long.BYTES, len));
        final long w1 = len > Long.BYTES ? s.word(start + Long.BYTES, Math.min(Long.BYTES, len - Long.BYTES)) : 0;
        final int slot = freeSlot(slot(w0, w1, len, lengths.length - 1));
        lengths[slot] = len;
        words[2 * slot] = w0;
        words[2 * slot + 1] = w1;
        if (len > INLINE) {
            final long[] tail = new long[(len - INLINE + Long.BYTES - 1) / Long.BYTES];
            for (int i = 0; i < tail.length; i++) {
                final int at = INLINE + i * Long.BYTES;
                tail[i] = s.word(start + at, Math.min(Long.BYTES, len - at));
            }
            tails[slot] = tail;
        }
        System.arraycopy(from, offset, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
        records[slot * LayerRecord.LENGTH + LayerRecord.IN0_OFFSET] = LayerRecord.PREVIOUS;
        size++;
    }

    /** True if the bytes of {@code s} from {@code start + 16} to {@code start + len} are {@code tail}'s words. */
    private static boolean sameTail(AsciiText s, int start, int len, long[] tail) {
        for (int i = 0; i < tail.length; i++) {
            final int at = INLINE + i * Long.BYTES;
            if (s.word(start + at, Math.min(Long.BYTES, len - at)) != tail[i]) {
                return false;
            }
        }
        return true;
    }

    private static int slot(long w0, long w1, int len, int mask) {
        // the high half of a multiply mixes every bit of the words into the bits the mask keeps
        final long h = (w0 ^ (w1 * K2) ^ len) * K;
        return (int) (h >>> 32) & mask;
    }

    private int freeSlot(int slot) {
        final int mask = lengths.length - 1;
        int i = slot;
        while (lengths[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        final int[] oldLengths = lengths;
        final long[] oldWords = words;
        final long[][] oldTails = tails;
        final int[] oldRecords = records;
        lengths = new int[oldLengths.length * 2];
        words = new long[2 * lengths.length];
        tails = new long[lengths.length][];
        records = new int[lengths.length * LayerRecord.LENGTH];
        final int mask = lengths.length - 1;
        for (int i = 0; i < oldLengths.length; i++) {
            if (oldLengths[i] != 0) {
                final int slot = freeSlot(slot(oldWords[2 * i], oldWords[2 * i + 1], oldLengths[i], mask));
                lengths[slot] = oldLengths[i];
                words[2 * slot] = oldWords[2 * i];
                words[2 * slot + 1] = oldWords[2 * i + 1];
                tails[slot] = oldTails[i];
                System.arraycopy(oldRecords, i * LayerRecord.LENGTH, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
            }
        }
    }
}
