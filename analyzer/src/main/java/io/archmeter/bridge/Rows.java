package io.archmeter.bridge;

import io.archmeter.grammar.AsciiText;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/** The architecture strings of one batch call, by row: an array of strings, or ASCII packed in one buffer. */
abstract class Rows {
    /** Number of rows. */
    abstract int size();

    /** The bytes packed rows are read from (to keep for the next call), or null. */
    byte[] text() {
        return null;
    }

    /** The row ends of rows read as bytes (to keep for the next call), or null. */
    int[] ends() {
        return null;
    }

    /** Row {@code i}, through the caller's reusable {@code view} if it is not a String already; null for a missing row. */
    abstract CharSequence get(int i, AsciiText view);

    static Rows of(String[] archs) {
        return new Rows() {
            @Override
            int size() {
                return archs.length;
            }

            @Override
            CharSequence get(int i, AsciiText view) {
                return archs[i];
            }
        };
    }

    /**
     * Rows packed as ASCII one after another in {@code text}, row i ending at byte {@code ends[i]}
     * (and starting where row i − 1 ends, row 0 at 0): a batch that crosses from Python as one buffer
     * instead of a Java string per row (which JPype converts one by one). ASCII: Python sends any
     * other batch as strings; a byte above 127 would read as the Latin-1 character of that value.
     *
     * @param scratch an array to copy the text into if it is large enough, or null
     * @param endsScratch an array to copy the ends into if it is large enough, or null
     * @throws IllegalArgumentException if the ends decrease or pass the end of the text
     */
    static Rows packed(ByteBuffer text, IntBuffer ends, int n, byte[] scratch, int[] endsScratch) {
        if (n < 0 || n > ends.limit()) {
            throw new IllegalArgumentException(n + " rows, but " + ends.limit() + " row ends");
        }
        final int[] e = endsScratch != null && endsScratch.length >= n ? endsScratch : new int[n];
        int previous = 0;
        for (int i = 0; i < n; i++) {
            final int end = ends.get(i);
            if (end < previous || end > text.limit()) {
                throw new IllegalArgumentException("row " + i + " ends at byte " + end + ", outside " + previous + ".." + text.limit());
            }
            e[i] = end;
            previous = end;
        }
        // one copy into the heap: the parser reads each character several times, an array faster than a
        // direct buffer; into the caller's scratch array when it is large enough (a batch's text is
        // megabytes: a new array per call is a humongous allocation the collector works on, measured)
        final byte[] bytes = scratch != null && scratch.length >= previous ? scratch : new byte[previous];
        text.get(0, bytes, 0, previous);
        return ascii(bytes, e, n, 0);
    }

    /**
     * ASCII rows in {@code bytes}: row i ends at {@code ends[i]} and starts {@code gap} bytes after
     * row i − 1 ends (row 0 at 0): gap 0 for rows packed one after another, 1 for lines (the line
     * break between two rows is neither's).
     */
    static Rows ascii(byte[] bytes, int[] ends, int n, int gap) {
        return new Rows() {
            @Override
            int size() {
                return n;
            }

            @Override
            byte[] text() {
                return bytes;
            }

            @Override
            int[] ends() {
                return ends;
            }

            @Override
            CharSequence get(int i, AsciiText view) {
                // a view, not a String per row: a String would cost as much to make (measured ~120 ns for a
                // 20-layer row) as the parser's token cache loses comparing a view char by char (~150 ns)
                return view.set(bytes, i == 0 ? 0 : ends[i - 1] + gap, ends[i]);
            }
        };
    }
}
