package io.archmeter.grammar;

import io.archmeter.encoding.LayerRecord;

import java.util.Arrays;

/**
 * The part of a {@link TokenCache} for architectures read as bytes ({@link AsciiText}): the same
 * records, keyed by the token's bytes and a hash of its 8-byte words ({@link AsciiText#scanToken}),
 * so that a token is found by comparing one or two longs instead of its characters one by one.
 * (Measured on 20-layer rows: finding a cached token through the character table cost ~17 ns, more
 * than half of parsing the row; here ~5 ns.) Open addressing; the {@link TokenCache#MAX_ENTRIES}
 * bound applies to this table on its own. Not thread-safe.
 */
final class AsciiTokenTable {
    private int[] hashes = new int[256];
    private long[] firstWords = new long[256];
    /** The token's bytes; null for an empty slot. */
    private byte[][] keys = new byte[256][];
    private int[] records = new int[256 * LayerRecord.LENGTH];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(keys, null);
        size = 0;
    }

    int[] recordsArray() {
        return records;
    }

    /** The offset in {@link #recordsArray()} of the record of token {@code s[start, end)}, or -1. */
    int find(AsciiText s, int start, int end, int hash) {
        final int len = end - start;
        final long w0 = s.firstWord(start, len);
        final int mask = keys.length - 1;
        int slot = mix(hash) & mask;
        byte[] k;
        while ((k = keys[slot]) != null) {
            if (hashes[slot] == hash && firstWords[slot] == w0 && k.length == len && (len <= Long.BYTES || s.sameTail(start, k))) {
                return slot * LayerRecord.LENGTH;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Caches the record at {@code from[offset]} as token {@code s[start, end)}, with in0 reset to previous. */
    void put(AsciiText s, int start, int end, int hash, int[] from, int offset) {
        if (size >= TokenCache.MAX_ENTRIES) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        final int mask = keys.length - 1;
        int slot = mix(hash) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = s.bytesOf(start, end);
        hashes[slot] = hash;
        firstWords[slot] = s.firstWord(start, end - start);
        System.arraycopy(from, offset, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
        records[slot * LayerRecord.LENGTH + LayerRecord.IN0_OFFSET] = LayerRecord.PREVIOUS;
        size++;
    }

    private void grow() {
        final byte[][] oldKeys = keys;
        final int[] oldHashes = hashes;
        final long[] oldWords = firstWords;
        final int[] oldRecords = records;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[keys.length];
        firstWords = new long[keys.length];
        records = new int[keys.length * LayerRecord.LENGTH];
        final int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = mix(oldHashes[i]) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                firstWords[slot] = oldWords[i];
                System.arraycopy(oldRecords, i * LayerRecord.LENGTH, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
