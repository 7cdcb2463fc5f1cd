package io.archmeter.grammar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable {@link CharSequence} view of the ASCII bytes {@code [start, end)} of an array: how
 * architecture strings reach {@link ArchParser} without a {@code String} per row, from a batch
 * that Python packed into one buffer (the bridge) or from the bytes of a CSV file ({@code filter}'s
 * byte-range workers). The caller guarantees ASCII (Python sends any other batch as strings; the
 * filter reads any other row as text); a byte above 127 would read as the Latin-1 character of
 * that value.
 */
public final class AsciiText implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

    /** Points this view at {@code bytes[start, end)}. */
    public AsciiText set(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.length = end - start;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        // Objects.checkIndex is an intrinsic the JIT folds into the array's own check (as String.charAt's):
        // measured ~70 ns a 20-layer row cheaper than an explicit comparison with its own exception
        return (char) (bytes[start + Objects.checkIndex(index, length)] & 0xFF);
    }

    // ---- for the parser's token cache (AsciiTokenTable): tokens read eight bytes at a time ----------

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long SPACES = 0x2020202020202020L;
    private static final long TABS = 0x0909090909090909L;
    private static final long K = 0x9E3779B97F4A7C15L;

    /**
     * The end of the token starting at {@code from} (the first space or tab after it, or the
     * length), and a hash of its bytes taken as little-endian 8-byte words (the last one
     * zero-padded) and its length, as {@code (end << 32) | hash}. One multiply per word and no
     * branch per character: a token is found by its words, not scanned character by character.
     */
    long scanToken(int from) {
        final byte[] b = bytes;
        final int limit = start + length;
        int p = start + Objects.checkIndex(from, length);
        long h = 0;
        while (true) {
            long w;
            int k;
            if (p + Long.BYTES <= b.length) {
                w = (long) LONGS.get(b, p);
                final long stops = zeroBytes(w ^ SPACES) | zeroBytes(w ^ TABS);
                k = stops == 0 ? Long.BYTES : Long.numberOfTrailingZeros(stops) >>> 3;
            } else {
                // near the array's end: the same word, byte by byte
                w = 0;
                k = 0;
                while (k < Long.BYTES && p + k < b.length) {
                    final int c = b[p + k];
                    if (c == ' ' || c == '\t') {
                        break;
                    }
                    w |= (long) (c & 0xFF) << (8 * k);
                    k++;
                }
            }
            if (p + k > limit) {
                // the view ends first
                k = limit - p;
            }
            if (k == Long.BYTES) {
                h = (h ^ w) * K;
                p += Long.BYTES;
                continue;
            }
            if (k > 0) {
                h = (h ^ (w & ((1L << (8 * k)) - 1))) * K;
                p += k;
            }
            final int end = p - start;
            h ^= end - from;
            return ((long) end << 32) | ((int) (h ^ (h >>> 32)) & 0xFFFFFFFFL);
        }
    }

    /** The first {@code min(8, len)} bytes from {@code from}, little-endian, zero-padded. */
    long firstWord(int from, int len) {
        final int n = Math.min(Long.BYTES, len);
        final int p = start + from;
        if (p + Long.BYTES <= bytes.length) {
            final long w = (long) LONGS.get(bytes, p);
            return n == Long.BYTES ? w : w & ((1L << (8 * n)) - 1);
        }
        long w = 0;
        for (int k = 0; k < n; k++) {
            w |= (long) (bytes[p + k] & 0xFF) << (8 * k);
        }
        return w;
    }

    /** True if the bytes from {@code from + 8} on are {@code key}'s from 8 on (the first 8 compared by {@link #firstWord}). */
    boolean sameTail(int from, byte[] key) {
        final int p = start + from;
        for (int i = Long.BYTES; i < key.length; i++) {
            if (bytes[p + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the bytes {@code [from, to)}. */
    byte[] bytesOf(int from, int to) {
        return Arrays.copyOfRange(bytes, start + from, start + to);
    }

    /** 0x80 in each byte of {@code x} that is zero, exactly (no borrow between bytes). */
    private static long zeroBytes(long x) {
        final long t = (x & LOW7) + LOW7;
        return ~(t | x | LOW7);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }
}
