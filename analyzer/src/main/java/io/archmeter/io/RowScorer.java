package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;

import java.util.Objects;

/**
 * The scoring stage of {@code archmeter filter} for callers that bring their own rows: a Spark
 * partition, a database cursor, a search loop. Rows are added as cells under a header, scored a
 * batch at a time on the calling thread, and each is then either rejected with the filter's reason
 * or valid, with its metrics and the constraints it fails. Same parser, engine, reasons and
 * judgement as the filter: the same row gets the same answer.
 *
 * <pre>{@code
 * RowScorer scorer = new RowScorer(spec, new String[] {"id", "arch"}, 4096);   // one per thread
 * scorer.add(new String[] {"7", "conv_k3_c32 bn relu gap fc_c10"}, 2);
 * scorer.add(new String[] {"8", "conv_k9x"}, 3);
 * scorer.score();
 * scorer.metric(0, Metric.MACS);      // 43,352,384 = 3·3·3·224·224·32 (conv) + 32·10 (fc), default input 224x224x3
 * scorer.rejectReason(1);             // "syntax: token 1 'conv_k9x': ...", as in the filter's rejects
 * scorer.clear();                     // then the next batch; arrays and engine are reused
 * }</pre>
 *
 * <p>Holds one {@link io.archmeter.engine.Engine} (serial: the caller is one thread of many), one
 * reusable candidate batch and token cache, and arrays of {@code capacity} rows. Not thread-safe.
 */
public final class RowScorer {
    private final HeaderLayout layout;
    private final Chunk chunk;
    private final ChunkScorer scorer;
    private final int capacity;
    private boolean scored;

    /**
     * A scorer of rows under {@code header}.
     *
     * @throws MalformedCsvException    if the header has no (or two) architecture columns
     * @throws IllegalArgumentException if a constraint names an unknown column or a metric column
     *                                  collides with an input column, as in the filter
     */
    public RowScorer(FilterSpec spec, String[] header, int capacity) throws MalformedCsvException {
        Objects.requireNonNull(spec, "spec");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.layout = HeaderLayout.of(header.clone(), spec);
        this.capacity = capacity;
        // full at capacity rows or at the filter's characters per chunk: long rows make short batches
        this.chunk = new Chunk(capacity, spec.chunkChars());
        this.scorer = new ChunkScorer(layout, spec, true);
    }

    /**
     * Checks {@code header} against {@code spec} as the filter does before its first row.
     *
     * @throws MalformedCsvException    if the header has no (or two) architecture columns
     * @throws IllegalArgumentException if a constraint names an unknown column or a metric column collides with one
     */
    public static void checkHeader(FilterSpec spec, String[] header) throws MalformedCsvException {
        HeaderLayout.of(header.clone(), spec);
    }

    /** The header of the filter's output for this input: the input columns, the metric columns, and {@code pass} with --all. */
    public String[] outputHeader() {
        return layout.outputHeader.clone();
    }

    /** The header of the filter's rejects: {@code line, reason}, then the input columns. */
    public String[] rejectsHeader() {
        return layout.rejectsHeader.clone();
    }

    /** The most rows a batch holds (fewer when their cells reach {@link FilterSpec#chunkChars()} characters). */
    public int capacity() {
        return capacity;
    }

    public int size() {
        return chunk.size;
    }

    /** True when no row may be added before {@link #score()} and {@link #clear()}: capacity rows, or the characters of a chunk. */
    public boolean isFull() {
        return chunk.isFull();
    }

    /** Adds a row whose line is unknown (its line in rejects is then 0). */
    public void add(String[] cells) {
        add(cells, 0);
    }

    /**
     * Adds a row that ends on line {@code endLine} of its input (rejects report the line it starts
     * on). The array is kept until {@link #clear()}, not copied.
     *
     * @throws IllegalStateException    if the scorer is full or the batch has been scored
     * @throws IllegalArgumentException if the row's width is not the header's
     */
    public void add(String[] cells, long endLine) {
        if (scored || chunk.isFull()) {
            throw new IllegalStateException(scored ? "scored: clear() before adding rows" : "full: " + chunk.size + " rows");
        }
        if (cells.length != layout.inputHeader.length) {
            throw new IllegalArgumentException(cells.length + " cells, but the header has " + layout.inputHeader.length);
        }
        int chars = 0;
        for (String c : cells) {
            chars += c.length();
        }
        chunk.add(cells, endLine, chars);
    }

    /** Parses, scores and judges the rows added since the last {@link #clear()}. */
    public void score() {
        scorer.score(chunk);
        scored = true;
    }

    /** Forgets the rows; keeps every array. */
    public void clear() {
        chunk.clear();
        scored = false;
    }

    /** The cells of row {@code r}, as added. */
    public String[] cells(int r) {
        check(r);
        return chunk.rows[r];
    }

    /** The line row {@code r} starts on: its end line less the line breaks inside its quoted cells. */
    public long startLine(int r) {
        check(r);
        return chunk.startLine(r);
    }

    /** Why row {@code r} was rejected, exactly as in the filter's rejects, or null if it is valid. */
    public String rejectReason(int r) {
        checkScored(r);
        return chunk.rejectReason[r];
    }

    /** True if row {@code r} is valid and meets every constraint. */
    public boolean passes(int r) {
        return rejectReason(r) == null && chunk.failed[r] == 0;
    }

    /** Bit i set if valid row {@code r} fails constraint i of the spec. */
    public long failedConstraints(int r) {
        requireValid(r);
        return chunk.failed[r];
    }

    /** Metric {@code m} of valid row {@code r}. */
    public long metric(int r, Metric m) {
        requireValid(r);
        return m.get(chunk.metrics, r * MetricRecord.LENGTH);
    }

    /** Metric {@code m} of valid row {@code r} as the filter prints it ({@code out_shape} is {@code HxWxC}). */
    public String metricText(int r, Metric m) {
        requireValid(r);
        return m.format(chunk.metrics, r * MetricRecord.LENGTH);
    }

    private void requireValid(int r) {
        if (rejectReason(r) != null) {
            throw new IllegalStateException("row " + r + " was rejected: " + chunk.rejectReason[r]);
        }
    }

    private void checkScored(int r) {
        check(r);
        if (!scored) {
            throw new IllegalStateException("not scored yet: call score()");
        }
    }

    private void check(int r) {
        Objects.checkIndex(r, chunk.size);
    }
}
