package io.archmeter.bridge;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.AsciiText;
import io.archmeter.grammar.TokenCache;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * One thread's share of a batch call: parses a range of rows into its own batch with its own token
 * cache (or decodes a {@link BuildProgram}), scores them, and writes their columns, statuses and
 * reasons. Parts write disjoint rows of the caller's arrays and share nothing else, so the parts of
 * a large batch run in parallel. Reused across calls: the batch and arrays grow to the largest
 * part and stay.
 */
final class BatchPart {
    /**
     * Rows parsed before they are scored: small enough for their records to stay in the core's L2
     * cache (1 MiB here, perhaps shared by the two vCPUs): 256 rows of 20 layers are 300 KB of records.
     * 1,024 rows (1.2 MB) scored 4.5% fewer rows/s on one CPU (BridgeBenchmark.scoreLines, interleaved,
     * 2026-12-01); 128 rows, the same as 256.
     */
    static final int ROWS_PER_SCORE = 256;

    private final CandidateBatch batch = new CandidateBatch(256, 256 * 24);
    private final CandidateBuilder builder = new CandidateBuilder(batch);
    /** Tokens repeat across rows: ParseBenchmark measures the cache at about 1.7× the plain parser. */
    private final TokenCache tokens = new TokenCache();
    private final BatchResults results = new BatchResults();
    private final AsciiText view = new AsciiText();
    private final int[] hwc = new int[3];
    /** Per row of the part, its candidate in {@link #batch} (then its record's offset), or -1 if it failed. */
    private int[] candidate = new int[0];
    /** Per row of the part that failed before scoring, its {@link RowStatus}. */
    private byte[] statusOf = new byte[0];
    private String[] buildReasons = new String[0];
    /** The line breaks {@link #splitLines} found, in order. */
    private int[] breaks = new int[0];
    private int breakCount;

    /** Row → input-table entry: one entry for every row, or an index per row. */
    interface InputIndex {
        int get(int row);
    }

    /**
     * Rows {@code [from, to)} of {@code rows}: parse, score with {@code engine}, write row i's
     * columns and status to {@code out} and its reason, if invalid, to {@code reasons[i]}. A block of
     * {@link #ROWS_PER_SCORE} rows at a time: its records (~300 KB for 20-layer rows) are still in the
     * cache when the engine reads them, where a whole part's would have gone to memory and back.
     */
    void run(Rows rows, int from, int to, InputTable inputs, InputIndex inputIndex, int cellClasses, Engine engine,
             Target out, String[] reasons) {
        grow(Math.min(to - from, ROWS_PER_SCORE));
        for (int first = from; first < to; first += ROWS_PER_SCORE) {
            final int last = Math.min(to, first + ROWS_PER_SCORE);
            batch.clear();
            for (int i = first; i < last; i++) {
                final CharSequence arch = rows.get(i, view);
                final String failure = arch == null ? RowStatus.reason(RowStatus.SYNTAX, "no architecture string")
                        : inputs.resolve(inputIndex.get(i), arch, hwc);
                if (failure != null) {
                    fail(i, first, arch == null ? RowStatus.SYNTAX : RowStatus.INPUT, failure, reasons);
                    continue;
                }
                try {
                    ArchParser.parseCandidate(arch, hwc[0], hwc[1], hwc[2], cellClasses, batch, tokens);
                    candidate[i - first] = batch.size() - 1;
                } catch (IllegalArgumentException e) {
                    // ArchSyntaxException, the usual case; the filter treats every IllegalArgumentException alike
                    fail(i, first, RowStatus.SYNTAX, RowStatus.reason(RowStatus.SYNTAX, e.getMessage()), reasons);
                }
            }
            scoreAndWrite(first, last, engine, out, reasons);
        }
    }

    /**
     * Copies {@code text[from, to)} to {@code bytes[from, to)} and finds the line breaks in it,
     * kept for {@link #lineBreaks}: this part's share of telling apart the rows of a batch sent as lines.
     *
     * @return the number of line breaks
     */
    int splitLines(ByteBuffer text, byte[] bytes, int from, int to) {
        text.get(from, bytes, from, to - from);
        int count = 0;
        for (int p = AsciiText.indexOf(bytes, from, to, (byte) '\n'); p < to; p = AsciiText.indexOf(bytes, p + 1, to, (byte) '\n')) {
            if (count == breaks.length) {
                breaks = Arrays.copyOf(breaks, Math.max(1024, 2 * count));
            }
            breaks[count++] = p;
        }
        breakCount = count;
        return count;
    }

    /** Copies the line breaks of the last {@link #splitLines} to {@code into[at, …)}. */
    void lineBreaks(int[] into, int at) {
        System.arraycopy(breaks, 0, into, at, breakCount);
    }

    /**
     * The {@code n} candidates of build program {@code p[0, length)}: decode, score with
     * {@code engine}, write as {@link #run} does.
     *
     * @throws IllegalArgumentException if the program is malformed or does not hold exactly n candidates
     */
    void build(IntBuffer p, int length, int n, Engine engine, Target out, String[] reasons) {
        grow(n);
        if (buildReasons.length < n) {
            buildReasons = new String[candidate.length];
        }
        batch.clear();
        int found = BuildProgram.decode(p, length, builder, candidate, buildReasons);
        if (found != n) {
            throw new IllegalArgumentException("build program: " + found + " candidates, " + n + " announced");
        }
        for (int i = 0; i < n; i++) {
            if (candidate[i] < 0) {
                fail(i, 0, RowStatus.BUILD, buildReasons[i], reasons);
            }
        }
        scoreAndWrite(0, n, engine, out, reasons);
    }

    private void grow(int rows) {
        if (candidate.length < rows) {
            candidate = new int[Math.max(rows, 2 * candidate.length)];
            statusOf = new byte[candidate.length];
        }
    }

    private void fail(int i, int from, byte code, String reason, String[] reasons) {
        candidate[i - from] = -1;
        statusOf[i - from] = code;
        reasons[i] = reason;
    }

    /** Rows per block when writing columns: a block's records stay in cache while its columns are written one by one. */
    private static final int BLOCK = 256;
    /** One block of one column, or of statuses, before it is copied to the caller's buffer in one go. */
    private final long[] column = new long[BLOCK];
    private final byte[] codes = new byte[BLOCK];

    private void scoreAndWrite(int from, int to, Engine engine, Target out, String[] reasons) {
        engine.scoreAll(batch, results);
        final long[] values = results.values();
        // per row, the offset of its metric record, or -1 if it has none: the status pass settles validity once
        for (int b = from; b < to; b += BLOCK) {
            final int e = Math.min(to, b + BLOCK);
            for (int i = b; i < e; i++) {
                final int k = candidate[i - from];
                if (k >= 0 && results.isValid(k)) {
                    candidate[i - from] = MetricRecord.offset(k);
                    codes[i - b] = RowStatus.OK;
                } else if (k >= 0) {
                    reasons[i] = RowStatus.reason(RowStatus.SHAPES, results.error(k));
                    candidate[i - from] = -1;
                    codes[i - b] = RowStatus.SHAPES;
                } else {
                    codes[i - b] = statusOf[i - from];
                }
            }
            out.statuses(b, codes, e - b);
        }
        // column by column within blocks of rows: each column of the output is written in sequence, a
        // block at a time (a put per value cost a bounds check and an address each: ~10% of the call, measured),
        // where row by row would touch Columns.COUNT far-apart cache lines per row
        for (int b = from; b < to; b += BLOCK) {
            final int e = Math.min(to, b + BLOCK);
            for (int c = 0; c < Columns.COUNT; c++) {
                final int field = Columns.recordOffset(c);
                if (field != Metric.DERIVED) {
                    // most columns are one field of the record: one load per row, no dispatch on the column
                    for (int i = b; i < e; i++) {
                        final int o = candidate[i - from];
                        column[i - b] = o >= 0 ? values[o + field] : 0L;
                    }
                } else {
                    for (int i = b; i < e; i++) {
                        final int o = candidate[i - from];
                        column[i - b] = o >= 0 ? Columns.get(values, o, c) : 0L;
                    }
                }
                out.putColumn(c, b, column, e - b);
            }
        }
    }
}
