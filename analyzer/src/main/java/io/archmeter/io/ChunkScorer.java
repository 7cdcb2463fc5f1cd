package io.archmeter.io;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.AsciiText;
import io.archmeter.grammar.TokenCache;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpaces;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The middle stage: parses the architectures of a chunk into a reusable {@link CandidateBatch},
 * scores them with {@link Engine#scoreAll}, copies each valid row's metrics into the chunk, and
 * judges each row against the constraints, leaving in the chunk per row either a reject reason or
 * the mask of the constraints it fails.
 *
 * <p>A row is rejected, with the first reason that applies, when its {@code input} cell is not
 * {@code HxWxC}, its architecture does not parse, its shapes are invalid, or a constrained input
 * cell is not a number (within {@link Quantity}'s bounds). An empty {@code input} cell means the
 * default input. Reasons echo cells through {@link Text}: escaped, and cut at
 * {@value Text#REASON_LIMIT} characters.
 *
 * <p>Memory: a batch holds at most about {@link FilterSpec#batchLayers()} layers (plus the last
 * candidate parsed): when a chunk's candidates have more, they are scored in several batches, so a
 * chunk of block-heavy or very deep rows costs no more than one of shallow ones.
 *
 * <p>One instance per run, used by one thread (whose parsers may work in parallel on parts of a chunk).
 */
final class ChunkScorer {
    /** Below this many rows a chunk is parsed on one thread: forking costs more than it saves. */
    static final int PARALLEL_PARSE_ROWS = 2048;

    private final HeaderLayout layout;
    private final Engine engine;
    private final ForkJoinPool pool;
    private final InputShape defaultInput;
    private final int cellClasses;
    private final int batchLayers;
    /** One per thread that parses a part of a chunk; the first also parses small chunks alone. */
    private final RowParser[] parsers;
    // constraints unpacked into arrays for the per-row loop
    private final Metric[] metrics;
    private final long[] longLimits;
    private final boolean[] isMax;
    private final Constraint[] constraints;

    ChunkScorer(HeaderLayout layout, FilterSpec spec) {
        this(layout, spec, false);
    }

    /**
     * {@code serial}: parse and score on the calling thread only, for callers that are one of many
     * threads already (the byte-range workers of the pipeline, a Spark task).
     */
    ChunkScorer(HeaderLayout layout, FilterSpec spec, boolean serial) {
        this.layout = layout;
        this.engine = serial ? new Engine(spec.conventions(), Integer.MAX_VALUE) : new Engine(spec.conventions());
        this.pool = spec.pool();
        this.defaultInput = spec.defaultInput();
        this.cellClasses = spec.cellClasses();
        // one parser per thread that can run one (the pool's workers and this thread) less one, the
        // reader's: measured on 2 cores (FilterPipelineBenchmark), two parsers competing with the
        // reader thread ran at 54% of the CSV floor against 66-71% for one, so there a chunk is
        // parsed whole; with more cores its parts are parsed in parallel
        int threads = (pool != null ? pool.getParallelism() : ForkJoinPool.getCommonPoolParallelism()) + 1;
        this.parsers = new RowParser[serial ? 1 : Math.max(1, threads - 1)];
        // the layer budget is shared by the parsers, which each hold a batch
        this.batchLayers = Math.max(1, spec.batchLayers() / parsers.length);
        for (int k = 0; k < parsers.length; k++) {
            parsers[k] = new RowParser();
        }
        List<Constraint> cs = spec.constraints();
        int n = cs.size();
        constraints = cs.toArray(new Constraint[0]);
        metrics = new Metric[n];
        longLimits = new long[n];
        isMax = new boolean[n];
        for (int i = 0; i < n; i++) {
            metrics[i] = cs.get(i).metric();
            longLimits[i] = metrics[i] != null ? cs.get(i).longLimit() : 0;
            isMax[i] = cs.get(i).bound() == Constraint.Bound.MAX;
        }
    }

    /**
     * Scores and judges every row of {@code chunk}. A large chunk is cut into one part per parser,
     * each part parsed, scored and judged in parallel; a part writes only its own rows.
     */
    void score(Chunk chunk) {
        final int n = chunk.size;
        final int parts = n < PARALLEL_PARSE_ROWS ? 1 : parsers.length;
        if (parts == 1) {
            parsers[0].process(chunk, 0, n);
            return;
        }
        Runnable work = () -> IntStream.range(0, parts).parallel()
                .forEach(k -> parsers[k].process(chunk, (int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts)));
        if (pool == null) {
            work.run();
        } else {
            pool.submit(work).join();
        }
    }

    /**
     * Parses, scores and judges a range of a chunk's rows with its own batch and token cache: one
     * per thread, so parts of a chunk run in parallel sharing nothing but the chunk's per-row arrays.
     */
    private final class RowParser {
        final CandidateBatch batch = new CandidateBatch(256, 256 * 24);
        final BatchResults results = new BatchResults();
        /** Tokens repeat across rows: ParseBenchmark measures the cache at ~1.7x the plain parser. */
        final TokenCache tokens = new TokenCache();
        /** Row of each candidate of the batch. */
        int[] rowOf = new int[256];
        // the last input cell seen and its shape: a column is usually one shape repeated
        private String lastInputCell;
        private InputShape lastInput;
        private final AsciiText archView = new AsciiText();
        private final AsciiText inputView = new AsciiText();

        /** Rows [from, to): parsed in batches of about {@link #batchLayers} layers, each scored and judged. */
        void process(Chunk chunk, int from, int to) {
            batch.clear();
            for (int r = from; r < to; r++) {
                parse(chunk, r);
                if (batch.layerCount() >= batchLayers) {
                    scoreBatch(chunk);
                }
            }
            scoreBatch(chunk);
        }

        /** Parses row r into the batch, or gives it a reject reason. */
        private void parse(Chunk chunk, int r) {
            final AsciiRows ascii = chunk.ascii;
            final String[] cells = ascii == null ? chunk.rows[r] : null;
            // an ascii row's architecture is read in place, through a view of its bytes
            final CharSequence arch = ascii == null ? cells[layout.archIndex] : ascii.view(r, layout.archIndex, archView);
            // no --input: the notation's own reference input (CIFAR for NAS-Bench cells, 224x224x3 for the grammar)
            InputShape in = defaultInput != null ? defaultInput : SearchSpaces.STANDARD.defaultInput(arch);
            chunk.scored[r] = false;
            chunk.rejectReason[r] = null;
            final int inputIndex = layout.inputIndex;
            if (inputIndex >= 0) {
                final CharSequence cell = ascii == null ? cells[inputIndex] : ascii.view(r, inputIndex, inputView);
                if (cell.length() > 0) {
                    in = inputShape(cell);
                    if (in == null) {
                        chunk.reject(r, "input: " + Text.quote(cell.toString()) + " is not HxWxC with every dimension at least 1"
                                + " (e.g. 224x224x3)");
                        return;
                    }
                    if (in.looksChannelsFirst()) {
                        // 3x224x224 would cost a 3-pixel-high image of 224 channels: silently different
                        chunk.reject(r, "input: " + Text.quote(cell.toString()) + " " + in.channelsFirstReason());
                        return;
                    }
                }
            }
            try {
                ArchParser.parseCandidate(arch, in.height(), in.width(), in.channels(), cellClasses, batch, tokens);
            } catch (IllegalArgumentException e) {
                // ArchSyntaxException, the usual case
                chunk.reject(r, "syntax: " + Text.escape(String.valueOf(e.getMessage()), Text.REASON_LIMIT));
                return;
            }
            int k = batch.size() - 1;
            if (k == rowOf.length) {
                rowOf = java.util.Arrays.copyOf(rowOf, 2 * k);
            }
            rowOf[k] = r;
        }

        /** Scores the batch, copies each valid candidate's metrics to its row and judges it; clears the batch. */
        private void scoreBatch(Chunk chunk) {
            if (batch.size() == 0) {
                return;
            }
            engine.scoreAll(batch, results, pool);
            final long[] values = results.values();
            for (int k = 0, n = batch.size(); k < n; k++) {
                final int r = rowOf[k];
                if (!results.isValid(k)) {
                    chunk.reject(r, "invalid shapes: " + Text.escape(String.valueOf(results.error(k)), Text.REASON_LIMIT));
                    continue;
                }
                System.arraycopy(values, MetricRecord.offset(k), chunk.metrics, r * MetricRecord.LENGTH, MetricRecord.LENGTH);
                chunk.scored[r] = true;
                judge(chunk, r);
            }
            batch.clear();
        }

        private InputShape inputShape(CharSequence cell) {
            if (lastInputCell != null && lastInputCell.contentEquals(cell)) {
                return lastInput;
            }
            String text = cell.toString();
            InputShape shape;
            try {
                shape = InputShape.parse(text);
            } catch (IllegalArgumentException e) {
                shape = null;
            }
            lastInputCell = text;
            lastInput = shape;
            return shape;
        }
    }

    /** Sets the failed-constraints mask of scored row r, or rejects it for a constrained cell that is not a number. */
    private void judge(Chunk chunk, int r) {
        final long[] values = chunk.metrics;
        final int o = r * MetricRecord.LENGTH;
        final int n = metrics.length;
        long failed = 0;
        for (int i = 0; i < n; i++) {
            if (metrics[i] == null) {
                failed |= judgeCell(chunk, r, i);
                continue;
            }
            long v = metrics[i].get(values, o);
            if (isMax[i] ? v > longLimits[i] : v < longLimits[i]) {
                failed |= 1L << i;
            }
        }
        chunk.failed[r] = failed;
    }

    /** Judges input-column constraint {@code i} on row {@code r}: its bit if failed, 0 if met; rejects a non-number. */
    private long judgeCell(Chunk chunk, int r, int i) {
        final int c = layout.constraintCells[i];
        final String cell = chunk.ascii == null ? chunk.rows[r][c] : chunk.ascii.cell(r, c);
        BigDecimal value = Quantity.bounded(cell);
        if (value == null) {
            if (chunk.rejectReason[r] == null) {
                chunk.reject(r, "column " + Text.quote(constraints[i].column()) + ": " + Text.quote(cell) + " "
                        + Quantity.whyNotBounded(cell) + " (constrained by " + constraints[i] + ")");
            }
            return 0;
        }
        return constraints[i].accepts(value) ? 0 : 1L << i;
    }
}
