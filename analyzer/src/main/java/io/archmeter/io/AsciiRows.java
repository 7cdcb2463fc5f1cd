package io.archmeter.io;

import io.archmeter.grammar.AsciiText;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows of a {@link Chunk} kept as the bytes the file holds, for rows of plain ASCII without
 * quotes ({@link RangeRowReader}'s fast path): no {@code String} per cell, the architecture read
 * by the parser through an {@link AsciiText} view, a kept row written out as its own bytes.
 *
 * <pre>
 *  bytes     0,conv_k3 relu,0.91␊1,gap,0.5␊        (line ends stay in the bytes, outside every field)
 *  rowStart  0, 20                                (row 0, row 1)
 *  fieldEnd  1, 14, 19,  21, 25, 29               (fields × rows: field i starts one byte after field i-1 ends)
 * </pre>
 *
 * A cell's value is exactly its bytes: the reader sends any row with a quote, a CR that does not
 * end the line, or a byte above 127 to Commons CSV instead. {@link #cells} makes the
 * {@code String}s of a row when something needs them (a reject, a row the CSV printer must quote).
 */
final class AsciiRows {
    private static final int INITIAL_ROWS = 256;

    byte[] bytes = new byte[1 << 16];
    /** Bytes in use. */
    int length;
    /** Fields per row: the header's. */
    int fields;
    int[] rowStart = new int[INITIAL_ROWS];
    int[] fieldEnd = new int[INITIAL_ROWS * 4];

    /** Forgets the rows and sets the fields per row; keeps the arrays. */
    void reset(int fieldsPerRow) {
        this.fields = fieldsPerRow;
        this.length = 0;
        if (fieldEnd.length < rowStart.length * fieldsPerRow) {
            fieldEnd = new int[rowStart.length * fieldsPerRow];
        }
    }

    /** Room for row {@code r}'s offsets. */
    void ensureRow(int r) {
        if (r >= rowStart.length) {
            int n = Math.max(r + 1, 2 * rowStart.length);
            rowStart = Arrays.copyOf(rowStart, n);
            fieldEnd = Arrays.copyOf(fieldEnd, n * fields);
        }
    }

    /** Appends {@code src[from, to)} to the bytes. */
    void append(byte[] src, int from, int to) {
        int n = to - from;
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, 2 * bytes.length));
        }
        System.arraycopy(src, from, bytes, length, n);
        length += n;
    }

    int start(int r, int i) {
        return i == 0 ? rowStart[r] : fieldEnd[r * fields + i - 1] + 1;
    }

    int end(int r, int i) {
        return fieldEnd[r * fields + i];
    }

    /** Cell {@code i} of row {@code r} seen through {@code view} (no copy). */
    AsciiText view(int r, int i, AsciiText view) {
        return view.set(bytes, start(r, i), end(r, i));
    }

    /** Cell {@code i} of row {@code r} as a {@code String} (equal to what Commons CSV reads: ASCII, unquoted). */
    String cell(int r, int i) {
        int s = start(r, i);
        return new String(bytes, s, end(r, i) - s, StandardCharsets.ISO_8859_1);
    }

    /** Every cell of row {@code r}. */
    String[] cells(int r) {
        String[] cells = new String[fields];
        for (int i = 0; i < fields; i++) {
            cells[i] = cell(r, i);
        }
        return cells;
    }
}
