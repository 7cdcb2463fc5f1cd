package io.archmeter.io;

import io.archmeter.engine.BatchResults;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.Arrays;

/**
 * A run of consecutive rows travelling through the pipeline: read by {@link CsvChunkReader},
 * scored and judged by {@link ChunkScorer}, written by {@link ChunkWriter}, then recycled. Every
 * array is allocated once at the chunk size and reused, so in steady state a run allocates little
 * beyond the Strings of the cells.
 *
 * <p>Owned by one stage at a time; the blocking queues between the stages publish its contents
 * safely from one thread to the next.
 */
final class Chunk {
    /** Cells of each row, as Commons CSV made them. */
    final String[][] rows;
    /** Physical input line on which each row ends (1-based; the header ends on line 1 unless it has quoted newlines). */
    final long[] endLines;
    /** Candidate index of each row in {@link #results}, or -1 if the row was rejected before scoring. */
    final int[] candidate;
    /** Bit i set if the row fails constraint i; 0 if it passes them all. */
    final long[] failed;
    /** Why each row was rejected, or null. */
    final String[] rejectReason;
    /** The rows with a reject reason, so that clearing does not scan every row. */
    final IntArrayList rejectedRows = new IntArrayList();
    final BatchResults results = new BatchResults();
    int size;
    /** True on the last chunk of the input (it may be empty). */
    boolean last;
    /** Set when reading or scoring failed after the rows of this chunk; the writer writes them, then throws it. */
    Throwable failure;

    Chunk(int capacity) {
        rows = new String[capacity][];
        endLines = new long[capacity];
        candidate = new int[capacity];
        failed = new long[capacity];
        rejectReason = new String[capacity];
    }

    int capacity() {
        return rows.length;
    }

    boolean isFull() {
        return size == rows.length;
    }

    void add(String[] cells, long endLine) {
        rows[size] = cells;
        endLines[size] = endLine;
        size++;
    }

    void reject(int row, String reason) {
        if (rejectReason[row] == null) {
            rejectedRows.add(row);
        }
        rejectReason[row] = reason;
        candidate[row] = -1;
    }

    /** The line on which row {@code r} starts: its end line less the line breaks inside its quoted cells. */
    long startLine(int r) {
        return endLines[r] - CsvChunkReader.lineBreaks(rows[r]);
    }

    /** Forgets the rows; keeps every array. */
    Chunk clear() {
        Arrays.fill(rows, 0, size, null);
        for (int i = 0; i < rejectedRows.size(); i++) {
            rejectReason[rejectedRows.get(i)] = null;
        }
        rejectedRows.clear();
        size = 0;
        last = false;
        failure = null;
        return this;
    }
}
