package io.archmeter.bridge;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/** The architecture strings of one batch call, by row: an array of strings, or ASCII packed in one buffer. */
abstract class Rows {
    /** Number of rows. */
    abstract int size();

    /** Row {@code i}; {@code view} is the caller's reusable view, for rows that are not strings already. Null for a missing row. */
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
     * (and starting where row i − 1 ends, row 0 at 0).
     *
     * @throws IllegalArgumentException if the ends decrease or pass the end of the text
     */
    static Rows packed(ByteBuffer text, IntBuffer ends, int n) {
        if (n < 0 || n > ends.limit()) {
            throw new IllegalArgumentException(n + " rows, but " + ends.limit() + " row ends");
        }
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int e = ends.get(i);
            if (e < previous || e > text.limit()) {
                throw new IllegalArgumentException("row " + i + " ends at byte " + e + ", outside " + previous + ".." + text.limit());
            }
            previous = e;
        }
        return new Rows() {
            @Override
            int size() {
                return n;
            }

            @Override
            CharSequence get(int i, AsciiText view) {
                return view.set(text, i == 0 ? 0 : ends.get(i - 1), ends.get(i));
            }
        };
    }
}
