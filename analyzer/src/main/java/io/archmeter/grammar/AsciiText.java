package io.archmeter.grammar;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

    /** The first index from {@code from} on that is not a space or tab, or the length. */
    int skipSpaces(int from) {
        final byte[] b = bytes;
        final int limit = start + length;
        int p = start + from;
        while (p < limit && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p - start;
    }

    /**
     * The end of the token starting at {@code from}: the first space or tab after it, or the length.
     * Eight bytes a step, without a branch per character (a token is mostly 2 to 18 bytes).
     */
    int tokenEnd(int from) {
        final byte[] b = bytes;
        final int limit = start + length;
        int p = start + Objects.checkIndex(from, length);
        while (p + Long.BYTES <= b.length) {
            final long stops = stops((long) LONGS.get(b, p));
            if (stops != 0) {
                p += Long.numberOfTrailingZeros(stops) >>> 3;
                return Math.min(p, limit) - start;
            }
            p += Long.BYTES;
            if (p >= limit) {
                return length;
            }
        }
        // near the array's end: byte by byte
        while (p < limit && b[p] != ' ' && b[p] != '\t') {
            p++;
        }
        return Math.min(p, limit) - start;
    }

    /** 0x80 in each byte of {@code w} that is a space or a tab. */
    private static long stops(long w) {
        return zeroBytes(w ^ SPACES) | zeroBytes(w ^ TABS);
    }

    /** The {@code n} bytes (1 to 8) from {@code from}, little-endian, zero-padded: one load where the array allows. */
    long word(int from, int n) {
        final int p = start + from;
        if (p + Long.BYTES <= bytes.length) {
            return (long) LONGS.get(bytes, p) & (-1L >>> (Long.SIZE - Byte.SIZE * n));
        }
        long w = 0;
        for (int k = 0; k < n; k++) {
            w |= (long) (bytes[p + k] & 0xFF) << (Byte.SIZE * k);
        }
        return w;
    }

    /**
     * The index of the first byte {@code c} in {@code bytes[from, to)}, or {@code to} if there is none:
     * eight bytes a step (how the Python bridge finds the line breaks between the rows of a batch).
     */
    public static int indexOf(byte[] bytes, int from, int to, byte c) {
        Objects.checkFromToIndex(from, to, bytes.length);
        final long pattern = (c & 0xFFL) * 0x0101010101010101L;
        int p = from;
        for (; p + Long.BYTES <= to; p += Long.BYTES) {
            final long hits = zeroBytes((long) LONGS.get(bytes, p) ^ pattern);
            if (hits != 0) {
                return p + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        while (p < to && bytes[p] != c) {
            p++;
        }
        return p;
    }

    /**
     * 0x80 in each byte of {@code x} that is zero, exactly (no borrow between bytes): the word-at-a-time
     * test of every byte scan of the project (this view, the byte-range reader, the quote scan).
     * Example: {@code zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL)} marks the line feeds of the 8 bytes in w.
     */
    public static long zeroBytes(long x) {
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
