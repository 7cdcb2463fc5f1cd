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
    /** Cells of each row, as Commons CSV made them. */
    String[][] rows;
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

    void reject(int row, String reason) {
        rejectReason[row] = reason;
        scored[row] = false;
    }

    /** The line on which row {@code r} starts: its end line less the line breaks inside its quoted cells. */
    long startLine(int r) {
        return endLines[r] - CsvChunkReader.lineBreaks(rows[r]);
    }

    /** Forgets the rows; keeps every array. */
    Chunk clear() {
        Arrays.fill(rows, 0, size, null);
        Arrays.fill(rejectReason, 0, size, null);
        Arrays.fill(scored, 0, size, false);
        size = 0;
        chars = 0;
        last = false;
        failure = null;
        return this;
    }
}
