package io.archmeter.io;

import io.archmeter.engine.MetricRecord;

import java.util.Arrays;

/**
 * A run of consecutive rows travelling through the pipeline: read by {@link CsvChunkReader},
 * scored and judged by {@link ChunkScorer}, written by {@link ChunkWriter}, then recycled. A chunk
 * is full at {@link FilterSpec#chunkSize()} rows or {@link FilterSpec#chunkChars()} characters of
 * cells, whichever comes first, so that long rows make short chunks and memory stays bounded.
 * Its arrays grow on demand up to the rows it has held and are then reused, so in steady state a
 * run allocates little beyond the Strings of the cells.
 *
 * <p>Owned by one stage at a time; the blocking queues between the stages publish its contents
 * safely from one thread to the next.
 */
final class Chunk {
    private static final int INITIAL_ROWS = 256;

    private final int maxRows;
    private final long maxChars;
    /**
     * Cells of each row, as Commons CSV made them; in an {@link #ascii} chunk, null until a row's
     * {@code String}s are needed ({@link #cells}).
     */
    String[][] rows;
    /**
     * Non-null while the chunk holds rows as the bytes of the file (the byte-range workers' fast
     * path); then every row is one of {@link AsciiRows}, and {@link #rows} holds only the rows
     * whose cells have been made.
     */
    AsciiRows ascii;
    private AsciiRows asciiStore;
    /**
     * Output lines (ASCII bytes) of the kept rows of an {@link #ascii} chunk, formatted by the
     * worker that scored them ({@link AsciiRowFormatter}): row r's line is
     * {@code text[textStart[r], textEnd[r])}, or {@code textEnd[r] == -1} if the writer formats it.
     */
    byte[] text = new byte[0];
    int textLength;
    int[] textStart;
    int[] textEnd;
    /** Physical input line on which each row ends (1-based; the header ends on line 1 unless it has quoted newlines). */
    long[] endLines;
    /** True for a row that was scored and is valid: its metrics are in {@link #metrics}. */
    boolean[] scored;
    /** Bit i set if the row fails constraint i; 0 if it passes them all. */
    long[] failed;
    /** Why each row was rejected, or null. */
    String[] rejectReason;
    /** The metrics of each scored row: {@link MetricRecord#LENGTH} longs per row, at {@code row * LENGTH}. */
    long[] metrics;
    int size;
    /** Characters in the cells of the rows. */
    long chars;
    /** True on the last chunk of the input (it may be empty). */
    boolean last;
    /** Set when reading or scoring failed after the rows of this chunk; the writer writes them, then throws it. */
    Throwable failure;

    Chunk(int maxRows, long maxChars) {
        this.maxRows = maxRows;
        this.maxChars = maxChars;
        allocate(Math.min(maxRows, INITIAL_ROWS));
    }

    private void allocate(int n) {
        rows = rows == null ? new String[n][] : Arrays.copyOf(rows, n);
        endLines = endLines == null ? new long[n] : Arrays.copyOf(endLines, n);
        scored = new boolean[n];
        failed = new long[n];
        rejectReason = new String[n];
        metrics = new long[n * MetricRecord.LENGTH];
        textStart = new int[n];
        textEnd = textEnd == null ? new int[n] : Arrays.copyOf(textEnd, n);
    }

    boolean isFull() {
        return size == maxRows || chars >= maxChars;
    }

    void add(String[] cells, long endLine, int cellChars) {
        if (size == rows.length) {
            // only the reader's arrays hold data yet; the others are filled after reading
            allocate((int) Math.min(maxRows, 2L * rows.length));
        }
        rows[size] = cells;
        endLines[size] = endLine;
        size++;
        chars += cellChars;
    }

    /** Puts an empty chunk in byte mode for rows of {@code fields} fields; returns its rows. */
    AsciiRows asciiRows(int fields) {
        if (asciiStore == null) {
            asciiStore = new AsciiRows();
        }
        asciiStore.reset(fields);
        ascii = asciiStore;
        return ascii;
    }

    /** Adds row {@code size} of {@link #ascii}, whose offsets the reader has written. */
    void addAscii(long endLine, int cellChars) {
        if (size == rows.length) {
            allocate((int) Math.min(maxRows, 2L * rows.length));
        }
        endLines[size] = endLine;
        textEnd[size] = -1;
        size++;
        chars += cellChars;
    }

    /** The cells of row {@code r} (made from the bytes, once, in an ascii chunk). */
    String[] cells(int r) {
        String[] c = rows[r];
        if (c == null) {
            c = ascii.cells(r);
            rows[r] = c;
        }
        return c;
    }

    /**
     * Row {@code r}'s cells with at least those of {@code which} filled: all of them if the row's
     * cells were made already (a row read as text, or asked for whole before), else only those (the
     * others null, and nothing kept).
     */
    String[] cells(int r, int[] which) {
        String[] c = rows[r];
        if (c != null) {
            return c;
        }
        c = new String[ascii.fields];
        for (int i : which) {
            c[i] = ascii.cell(r, i);
        }
        return c;
    }

    void reject(int row, String reason) {
        rejectReason[row] = reason;
        scored[row] = false;
        if (ascii != null) {
            // the rejects are written through the CSV printer, from the cells
            cells(row);
        }
    }

    /** The line on which row {@code r} starts: its end line less the line breaks inside its quoted cells. */
    long startLine(int r) {
        // an ascii row has no quoted cells, so no line break inside
        return ascii != null ? endLines[r] : endLines[r] - CsvChunkReader.lineBreaks(rows[r]);
    }

    /** True if the worker wrote row {@code r}'s output line (see {@link #text}). */
    boolean hasText(int r) {
        return ascii != null && textEnd[r] >= 0;
    }

    /** Forgets the rows; keeps every array. */
    Chunk clear() {
        Arrays.fill(rows, 0, size, null);
        Arrays.fill(rejectReason, 0, size, null);
        Arrays.fill(scored, 0, size, false);
        size = 0;
        chars = 0;
        ascii = null;
        textLength = 0;
        last = false;
        failure = null;
        return this;
    }
}
