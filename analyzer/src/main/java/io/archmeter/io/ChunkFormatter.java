package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Formats the output rows of a scored chunk (the kept rows, or every valid row with {@code --all}:
 * all input cells, then the metric cells, then {@code pass}) in {@link ChunkWriter#FORMAT}, into
 * the chunk's own text buffer, so that formatting runs on the thread that scored the chunk and the
 * writer only copies characters. One per thread; the one place the output row is laid out.
 *
 * <p>Why a buffer: {@code CSVPrinter} appends a field at a time (delimiter, value), and a
 * {@code BufferedWriter} takes its lock on every append; a {@code StringBuilder} takes none.
 */
final class ChunkFormatter {
    private final Metric[] columns;
    private final boolean all;
    /** One reused buffer per value: CSVPrinter prints a CharSequence as it is, so no String per number. */
    private final StringBuilder cell = new StringBuilder(24);

    ChunkFormatter(FilterSpec spec) {
        this.columns = spec.columns().toArray(new Metric[0]);
        this.all = spec.all();
    }

    /** Formats every output row of {@code chunk} into {@link Chunk#text}. */
    void format(Chunk chunk) {
        StringBuilder text = chunk.text;
        text.setLength(0);
        CSVPrinter out = chunk.printer();
        final long[] values = chunk.results.values();
        try {
            for (int r = 0; r < chunk.size; r++) {
                if (chunk.rejectReason[r] != null) {
                    continue;
                }
                final long failed = chunk.failed[r];
                if (failed == 0 || all) {
                    writeRow(out, chunk.rows[r], values, MetricRecord.offset(chunk.candidate[r]), failed == 0);
                }
            }
        } catch (IOException e) {
            // a StringBuilder does not throw
            throw new UncheckedIOException(e);
        }
        chunk.formatted = true;
    }

    /** Prints one output row to {@code out}. */
    void writeRow(CSVPrinter out, String[] cells, long[] values, int o, boolean pass) throws IOException {
        for (String c : cells) {
            out.print(c);
        }
        for (Metric m : columns) {
            cell.setLength(0);
            out.print(m.appendTo(cell, values, o));
        }
        if (all) {
            out.print(pass ? "true" : "false");
        }
        out.println();
    }
}
