package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Formats the output lines of a scored {@link Chunk} of {@link AsciiRows} on the worker that scored
 * it, as bytes: each kept row (each valid one with {@code --all}) is its input bytes as they are,
 * then a comma and each metric cell, then {@code pass} with {@code --all}, then {@code \n}. The
 * writer then only copies the lines, in order, to an output that takes ASCII bytes as they are
 * ({@link Utf8PassThrough.AsciiSink}: the command line's), or as characters to any other.
 *
 * <p>Byte for byte what {@link ChunkWriter}'s CSV printer writes for the same row, which this class
 * checks per row: the printer quotes a value that is empty and first on its line, that starts with
 * a character up to {@code #} or ends with one up to a space, or that holds a comma, quote or line
 * break (none can in an ascii row); a row with such a value is left to the printer (its cells are
 * made, {@link Chunk#textEnd} is -1). Metric cells ({@link Metric#writeTo}: digits and {@code x})
 * never need quotes. {@code AsciiRowFormatterTest} holds the rule against the printer itself.
 */
final class AsciiRowFormatter {
    private final Metric[] columns;
    private final boolean all;
    /** The most characters a row's cells after its input bytes take. */
    private final int tailChars;

    AsciiRowFormatter(FilterSpec spec) {
        this.columns = spec.columns().toArray(new Metric[0]);
        this.all = spec.all();
        this.tailChars = columns.length * (Metric.MAX_CHARS + 1) + ",false\n".length();
    }

    /** Formats the rows of an ascii chunk that the output receives (nothing for a chunk of text rows). */
    void format(Chunk chunk) {
        final AsciiRows a = chunk.ascii;
        if (a == null) {
            return;
        }
        final byte[] bytes = a.bytes;
        final long[] values = chunk.metrics;
        byte[] text = chunk.text;
        int p = 0;
        for (int r = 0, n = chunk.size; r < n; r++) {
            chunk.textEnd[r] = -1;
            if (chunk.rejectReason[r] != null || !chunk.scored[r]) {
                continue;
            }
            final boolean pass = chunk.failed[r] == 0;
            if (!pass && !all) {
                continue;
            }
            if (!printedAsRead(a, r)) {
                // the printer quotes a cell of it: the writer prints it from its cells
                chunk.cells(r);
                continue;
            }
            final int from = a.rowStart[r];
            final int to = a.end(r, a.fields - 1);
            if (p + (to - from) + tailChars > text.length) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, p + (to - from) + tailChars + (1 << 16)));
                chunk.text = text;
            }
            chunk.textStart[r] = p;
            System.arraycopy(bytes, from, text, p, to - from);
            p += to - from;
            final int o = r * MetricRecord.LENGTH;
            for (Metric m : columns) {
                text[p++] = ',';
                p = m.writeTo(text, p, values, o);
            }
            if (all) {
                p = put(text, p, pass ? TRUE : FALSE);
            }
            text[p++] = '\n';
            chunk.textEnd[r] = p;
        }
        chunk.textLength = p;
    }

    /** True if the CSV printer writes every cell of row {@code r} as its bytes (no quotes). */
    static boolean printedAsRead(AsciiRows a, int r) {
        final byte[] bytes = a.bytes;
        for (int i = 0; i < a.fields; i++) {
            final int s = a.start(r, i);
            final int e = a.end(r, i);
            if (s == e) {
                if (i == 0) {
                    return false;
                }
            } else if (bytes[s] <= '#' || bytes[e - 1] <= ' ') {
                return false;
            }
        }
        return true;
    }

    private static final byte[] TRUE = ",true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = ",false".getBytes(StandardCharsets.US_ASCII);

    private static int put(byte[] text, int p, byte[] s) {
        System.arraycopy(s, 0, text, p, s.length);
        return p + s.length;
    }
}
