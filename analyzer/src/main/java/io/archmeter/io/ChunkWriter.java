package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The last stage: writes the rows of each chunk, in input order, to the output (kept rows, or
 * every valid row with {@code pass} in {@code --all} mode) or to the rejects, and keeps the counts.
 *
 * <p>Output format: Commons CSV {@link CSVFormat#RFC4180} with {@code \n} record separators:
 * comma-separated, a field quoted only when it must be (it holds a comma, quote or line break,
 * starts with a character up to {@code #}, or ends in a space), quotes doubled. Values pass through
 * unchanged; only their quoting may differ from the input's.
 */
final class ChunkWriter {
    /** The output format of {@code filter} (and of its rejects); see the class comment. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final HeaderLayout layout;
    private final FilterSpec spec;
    private final Metric[] columns;
    private final boolean all;
    private final CSVPrinter out;
    /** The output under {@link #out}, for lines the workers formatted ({@link Chunk#text}). */
    private final Writer outText;
    private final CSVPrinter rejects;
    private final FilterListener listener;
    private final long startNanos;
    private long rowsRead;
    private long kept;
    private long filteredOut;
    private long rejected;
    private final long[] removedBy;
    private final StringBuilder cell = new StringBuilder(24);
    /** ASCII lines as characters, for an output that is not an {@link Utf8PassThrough.AsciiSink}. */
    private final char[] widened = new char[1 << 13];
    /** Takes the kept rows instead of the output, or null. */
    private final KeptRows keptRows;

    ChunkWriter(HeaderLayout layout, FilterSpec spec, Writer out, Writer rejects, FilterListener listener, long startNanos)
            throws IOException {
        this(layout, spec, out, rejects, listener, startNanos, null);
    }

    ChunkWriter(HeaderLayout layout, FilterSpec spec, Writer out, Writer rejects, FilterListener listener, long startNanos,
                KeptRows keptRows) throws IOException {
        this.layout = layout;
        this.spec = spec;
        this.columns = spec.columns().toArray(new Metric[0]);
        this.all = spec.all();
        this.out = new CSVPrinter(out, FORMAT);
        this.outText = out;
        this.rejects = new CSVPrinter(rejects, FORMAT);
        this.listener = listener;
        this.startNanos = startNanos;
        this.removedBy = new long[spec.constraints().size()];
        this.keptRows = keptRows;
    }

    void writeHeaders() throws IOException {
        out.printRecord((Object[]) layout.outputHeader);
        rejects.printRecord((Object[]) layout.rejectsHeader);
    }

    /**
     * Writes the rows of {@code chunk} and flushes both outputs, so that a reader on the other end
     * of a pipe (a coprocess sending rows and waiting for answers) gets them now, not when the
     * buffer fills.
     */
    void write(Chunk chunk) throws IOException {
        final long[] values = chunk.metrics;
        // a run of lines the worker formatted, written at once: [spanStart, spanEnd) of chunk.text
        int spanStart = 0;
        int spanEnd = 0;
        for (int r = 0; r < chunk.size; r++) {
            rowsRead++;
            final String reason = chunk.rejectReason[r];
            if (reason != null) {
                writeText(chunk, spanStart, spanEnd);
                spanStart = spanEnd;
                reject(chunk, r, reason);
                continue;
            }
            if (!chunk.scored[r]) {
                throw new IllegalStateException("line " + chunk.startLine(r) + " was neither scored nor rejected");
            }
            final long failed = chunk.failed[r];
            if (failed == 0 && keptRows != null) {
                // nothing was formatted for it (the workers format no lines for a selection); the run so far goes first
                writeText(chunk, spanStart, spanEnd);
                spanStart = spanEnd;
                take(chunk, r, values);
                continue;
            }
            if (failed == 0) {
                kept++;
            } else {
                filteredOut++;
                countFailures(failed);
            }
            if (failed == 0 || all) {
                if (chunk.hasText(r)) {
                    if (chunk.textStart[r] != spanEnd) {
                        writeText(chunk, spanStart, spanEnd);
                        spanStart = chunk.textStart[r];
                    }
                    spanEnd = chunk.textEnd[r];
                } else {
                    writeText(chunk, spanStart, spanEnd);
                    spanStart = spanEnd;
                    writeRow(chunk.cells(r), values, r * MetricRecord.LENGTH, failed == 0);
                }
            }
        }
        writeText(chunk, spanStart, spanEnd);
        flush();
        listener.progress(stats());
    }

    /** A kept row goes to {@link #keptRows}, which takes it or rejects it. */
    private void take(Chunk chunk, int r, long[] values) throws IOException {
        // no line number here: finding it scans every cell for line breaks, which only a reject needs
        final int[] read = keptRows.cellsRead();
        String reason = keptRows.take(rowsRead - 1, read == null ? chunk.cells(r) : chunk.cells(r, read), values,
                r * MetricRecord.LENGTH);
        if (reason != null) {
            reject(chunk, r, reason);
        } else {
            kept++;
        }
    }

    /** After the last chunk: the rows {@link #keptRows} held back are written. */
    void finish() throws IOException {
        if (keptRows != null) {
            keptRows.finish((cells, metrics, offset) -> writeRow(cells, metrics, offset, true));
        }
    }

    private void writeText(Chunk chunk, int from, int to) throws IOException {
        if (to <= from) {
            return;
        }
        if (outText instanceof Utf8PassThrough.AsciiSink sink) {
            // the command line's output: the bytes as they are
            sink.writeAscii(chunk.text, from, to - from);
            return;
        }
        final byte[] text = chunk.text;
        for (int p = from; p < to; p += widened.length) {
            final int n = Math.min(widened.length, to - p);
            for (int i = 0; i < n; i++) {
                widened[i] = (char) text[p + i];
            }
            outText.write(widened, 0, n);
        }
    }

    private void writeRow(String[] cells, long[] values, int o, boolean pass) throws IOException {
        for (String cell : cells) {
            out.print(cell);
        }
        for (Metric m : columns) {
            // one reused buffer per value: CSVPrinter prints a CharSequence as it is, so no String per number
            cell.setLength(0);
            out.print(m.appendTo(cell, values, o));
        }
        if (all) {
            out.print(pass ? "true" : "false");
        }
        out.println();
    }

    private void countFailures(long failed) {
        long bits = failed;
        while (bits != 0) {
            int i = Long.numberOfTrailingZeros(bits);
            removedBy[i]++;
            bits &= bits - 1;
        }
    }

    private void reject(Chunk chunk, int r, String reason) throws IOException {
        rejected++;
        long line = chunk.startLine(r);
        rejects.print(line);
        rejects.print(reason);
        for (String cell : chunk.cells(r)) {
            rejects.print(cell);
        }
        rejects.println();
        listener.rejected(line, reason);
        if (spec.failFast()) {
            flush();
            throw new FailFastException(line, reason, stats());
        }
    }

    void flush() throws IOException {
        out.flush();
        rejects.flush();
    }

    /** The counts so far. */
    FilterStats stats() {
        List<Constraint> cs = spec.constraints();
        return new FilterStats(rowsRead, kept, filteredOut, rejected, cs, removedBy, -1, System.nanoTime() - startNanos);
    }
}
