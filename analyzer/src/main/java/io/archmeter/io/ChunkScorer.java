package io.archmeter.io;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.TokenCache;
import io.archmeter.model.InputShape;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The middle stage: parses the architectures of a chunk into one reusable {@link CandidateBatch},
 * scores them with {@link Engine#scoreAll}, and judges each row against the constraints, leaving
 * in the chunk per row either a reject reason or the mask of the constraints it fails.
 *
 * <p>A row is rejected, with the first reason that applies, when its {@code input} cell is not
 * {@code HxWxC}, its architecture does not parse, its shapes are invalid, or a constrained input
 * cell is not a number. An empty {@code input} cell means the default input.
 *
 * <p>One instance per run, used by one thread: the batch is the only big buffer, and it is
 * needed only between parsing and scoring, so one suffices whatever the number of chunks in flight.
 */
final class ChunkScorer {
    private final HeaderLayout layout;
    private final Engine engine;
    private final ForkJoinPool pool;
    private final InputShape defaultInput;
    private final int cellClasses;
    private final CandidateBatch batch;
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
        // starts small and grows to the largest chunk's needs: a tiny input should not cost megabytes
        this.batch = new CandidateBatch(Math.min(spec.chunkSize(), 1024), Math.min(spec.chunkSize(), 1024) * 24);
        // one parser per thread that can run one (the pool's workers and this thread) less one, the
        // reader's: measured on 2 cores (FilterPipelineBenchmark), two parsers competing with the
        // reader thread ran at 54% of the CSV floor against 66-71% for one, so there a chunk is
        // parsed whole; with more cores its parts are parsed in parallel
        int threads = (pool != null ? pool.getParallelism() : ForkJoinPool.getCommonPoolParallelism()) + 1;
        this.parsers = new RowParser[serial ? 1 : Math.max(1, threads - 1)];
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

    void score(Chunk chunk) {
        engine.scoreAll(parse(chunk), chunk.results, pool);
        judge(chunk);
    }

    /**
     * Parses the chunk's architectures; returns the batch to score. A large chunk is cut into one
     * part per parser, parsed in parallel, and the parts' batches are appended into one (a copy of
     * primitive arrays, a fraction of the parse); chunk.candidate then indexes the merged batch.
     */
    private CandidateBatch parse(Chunk chunk) {
        final int n = chunk.size;
        final int parts = n < PARALLEL_PARSE_ROWS ? 1 : parsers.length;
        if (parts == 1) {
            parsers[0].parse(chunk, 0, n);
        } else {
            Runnable work = () -> IntStream.range(0, parts).parallel()
                    .forEach(k -> parsers[k].parse(chunk, (int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts)));
            if (pool == null) {
                work.run();
            } else {
                pool.submit(work).join();
            }
        }
        for (int r = 0; r < n; r++) {
            if (chunk.rejectReason[r] != null) {
                chunk.rejectedRows.add(r);
            }
        }
        if (parts == 1) {
            return parsers[0].batch;
        }
        batch.clear();
        for (int k = 0; k < parts; k++) {
            final int offset = batch.size();
            batch.appendAll(parsers[k].batch);
            for (int r = (int) ((long) n * k / parts), end = (int) ((long) n * (k + 1) / parts); r < end; r++) {
                if (chunk.candidate[r] >= 0) {
                    chunk.candidate[r] += offset;
                }
            }
        }
        return batch;
    }

    /** Below this many rows a chunk is parsed on one thread: forking costs more than it saves. */
    static final int PARALLEL_PARSE_ROWS = 2048;

    /**
     * Parses a range of a chunk's rows into its own batch, with its own token cache: one per
     * thread, so parts of a chunk parse in parallel without sharing anything but the chunk's
     * per-row arrays, each part writing only its own rows.
     */
    private final class RowParser {
        final CandidateBatch batch = new CandidateBatch(256, 256 * 24);
        /** Tokens repeat across rows: ParseBenchmark measures the cache at ~1.7x the plain parser. */
        final TokenCache tokens = new TokenCache();
        // the last input cell seen and its shape: a column is usually one shape repeated
        private String lastInputCell;
        private InputShape lastInput;

        /** Parses rows [from, to): candidate index (in this batch) or a reject reason per row. */
        void parse(Chunk chunk, int from, int to) {
            batch.clear();
            final int archIndex = layout.archIndex;
            final int inputIndex = layout.inputIndex;
            for (int r = from; r < to; r++) {
                String[] cells = chunk.rows[r];
                InputShape in = defaultInput;
                chunk.candidate[r] = -1;
                if (inputIndex >= 0 && !cells[inputIndex].isEmpty()) {
                    in = inputShape(cells[inputIndex]);
                    if (in == null) {
                        chunk.rejectReason[r] = "input: '" + cells[inputIndex] + "' is not HxWxC with every dimension at least 1"
                                + " (e.g. 224x224x3)";
                        continue;
                    }
                }
                try {
                    ArchParser.parseCandidate(cells[archIndex], in.height(), in.width(), in.channels(), cellClasses, batch, tokens);
                    chunk.candidate[r] = batch.size() - 1;
                } catch (IllegalArgumentException e) {
                    // ArchSyntaxException, the usual case
                    chunk.rejectReason[r] = "syntax: " + e.getMessage();
                }
            }
        }

        private InputShape inputShape(String cell) {
            if (cell.equals(lastInputCell)) {
                return lastInput;
            }
            InputShape shape;
            try {
                shape = InputShape.parse(cell);
            } catch (IllegalArgumentException e) {
                shape = null;
            }
            lastInputCell = cell;
            lastInput = shape;
            return shape;
        }
    }

    private void judge(Chunk chunk) {
        final BatchResults results = chunk.results;
        final long[] values = results.values();
        final int n = metrics.length;
        for (int r = 0; r < chunk.size; r++) {
            final int k = chunk.candidate[r];
            if (k < 0) {
                continue;
            }
            if (!results.isValid(k)) {
                chunk.reject(r, "invalid shapes: " + results.error(k));
                continue;
            }
            final int o = MetricRecord.offset(k);
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
            if (chunk.rejectReason[r] == null) {
                chunk.failed[r] = failed;
            }
        }
    }

    /** Judges input-column constraint {@code i} on row {@code r}: its bit if failed, 0 if met; rejects a non-number. */
    private long judgeCell(Chunk chunk, int r, int i) {
        String cell = chunk.rows[r][layout.constraintCells[i]];
        BigDecimal value;
        try {
            value = new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            if (chunk.rejectReason[r] == null) {
                chunk.reject(r, "column '" + constraints[i].column() + "': '" + cell + "' is not a number (constrained by "
                        + constraints[i] + ")");
            }
            return 0;
        }
        return constraints[i].accepts(value) ? 0 : 1L << i;
    }
}
