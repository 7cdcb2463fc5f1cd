package io.archmeter.io;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * {@code archmeter generate SPACE}: the candidates of a {@link SearchSpace} — all of them, or
 * {@code count} samples of a seed — written as CSV rows {@code id,arch} in the space's notation;
 * with scoring on, each candidate's network is written straight into a primitive
 * {@link CandidateBatch} through its builder (no string), scored by the {@link Engine}, judged by
 * the {@link FilterSpec}'s constraints, and the kept rows (or every valid row with a {@code pass}
 * column) written with the metric columns, exactly as {@code filter} writes them from the file
 * the first form writes. Candidates whose network cannot be built or whose shapes are invalid go
 * to the rejects, {@code id,reason,arch}, with {@code filter}'s reasons. Rows in = kept + filtered
 * out + rejected.
 *
 * <h2>Parallel and reproducible</h2>
 * Candidate i of a sampled run draws from {@code SpaceRandom.seed(seed, i)}, so candidates do not
 * depend on the order they are made in. They are cut into chunks of {@link FilterSpec#chunkSize()};
 * below two chunks the caller's thread does all the work, otherwise the chunks are built and scored
 * on the spec's fork-join pool (the common pool by default; at most two chunks per thread in
 * flight) and by the caller's thread whenever the oldest chunk is not ready yet, and written in
 * order: the same bytes whatever the thread count. Each thread keeps one
 * {@code Worker}: a random source, a batch and its builder, results; nothing is allocated per
 * candidate once they have grown, except the notations of the rows written.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=400M")).build();
 * FilterStats s = SpaceScan.sampled(RegNetSpace.X, 1_000_000, 1).score(spec).run(writer, rejectsWriter, listener);
 * }</pre>
 */
public final class SpaceScan {
    /** Layers built before a worker scores them: 64 Ki layers, 3.75 MiB of records. */
    static final int BATCH_LAYERS = 1 << 16;

    private final SearchSpace space;
    private final boolean enumerate;
    private final long count;
    private final long seed;
    private FilterSpec spec = FilterSpec.builder().build();
    private boolean score;
    private InputShape input;
    private SpaceOptions options = SpaceOptions.DEFAULTS;

    private SpaceScan(SearchSpace space, boolean enumerate, long count, long seed) {
        this.space = space;
        this.enumerate = enumerate;
        this.count = count;
        this.seed = seed;
        this.input = space.defaultInput();
    }

    /** Every candidate of a counted space, in its order: candidates 0 … size − 1. */
    public static SpaceScan all(SearchSpace space) {
        if (space.size() < 0) {
            throw new IllegalArgumentException(space.name() + " is sampled, not enumerated: use a count of samples");
        }
        return new SpaceScan(space, true, space.size(), 0);
    }

    /** The first {@code n} candidates of a counted space (all of them if it has fewer), in its order. */
    public static SpaceScan first(SearchSpace space, long n) {
        if (space.size() < 0) {
            throw new IllegalArgumentException(space.name() + " is sampled, not enumerated: use a count of samples");
        }
        if (n < 0) {
            throw new IllegalArgumentException("the count must be at least 0, not " + n);
        }
        return new SpaceScan(space, true, Math.min(n, space.size()), 0);
    }

    /** {@code count} samples of seed {@code seed}. */
    public static SpaceScan sampled(SearchSpace space, long count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("the count must be at least 0, not " + count);
        }
        return new SpaceScan(space, false, count, seed);
    }

    /** Scores the candidates under {@code filterSpec}'s conventions, constraints, columns, {@code --all} and pool. */
    public SpaceScan score(FilterSpec filterSpec) {
        for (Constraint c : filterSpec.constraints()) {
            if (!c.isMetric()) {
                throw new IllegalArgumentException("generated rows have only the columns id and arch: " + c + " names no metric");
            }
        }
        this.spec = filterSpec;
        this.score = true;
        return this;
    }

    /** The spec's pool and chunk size, without scoring. */
    public SpaceScan chunks(FilterSpec filterSpec) {
        this.spec = filterSpec;
        return this;
    }

    /** The input shape of every network (default: the space's). */
    public SpaceScan input(InputShape shape) {
        this.input = shape;
        return this;
    }

    /** The options every network is written with (default: the space's own classes and settings). */
    public SpaceScan options(SpaceOptions spaceOptions) {
        this.options = spaceOptions;
        return this;
    }

    /** Number of candidates this scan generates. */
    public long count() {
        return count;
    }

    /** The CSV header. */
    List<String> header() {
        List<String> h = new ArrayList<>(List.of("id", "arch"));
        if (score) {
            spec.columns().forEach(m -> h.add(m.column()));
            if (spec.all()) {
                h.add(FilterSpec.PASS_COLUMN);
            }
        }
        return h;
    }

    /**
     * Runs the scan: rows to {@code out}, rejects (with their header, only when scoring) to
     * {@code rejects}, progress and rejects to {@code listener}.
     */
    public FilterStats run(Writer out, Writer rejects, FilterListener listener) throws IOException {
        final long start = System.nanoTime();
        final ForkJoinPool pool = spec.pool() != null ? spec.pool() : ForkJoinPool.commonPool();
        final int chunk = spec.chunkSize();
        final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
        new CSVPrinter(out, ChunkWriter.FORMAT).printRecord(header());
        if (score && rejects != null) {
            new CSVPrinter(rejects, ChunkWriter.FORMAT).printRecord("id", "reason", "arch");
        }
        final Totals totals = new Totals(spec.constraints().size());
        if (count <= 2L * chunk) {
            // small runs: the caller's thread, no hand-over
            for (long from = 0; from < count; from += chunk) {
                write(workers.get().run(from, Math.min(count, from + chunk)), out, rejects, totals, listener, start);
            }
        } else {
            ArrayDeque<Future<ChunkOut>> inFlight = new ArrayDeque<>();
            final int window = 2 * Math.max(1, pool.getParallelism());
            long next = 0;
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < window) {
                    final long from = next;
                    final long to = Math.min(count, from + chunk);
                    inFlight.add(pool.submit(() -> workers.get().run(from, to)));
                    next = to;
                }
                // the writing thread works too: while the oldest chunk is not ready it makes the next one itself.
                // Why: the common pool has one thread fewer than the cores (one on 2 cores), so a writer that only
                // waited left a core idle (generate ran at 1.1 cores: 13.9 s for 1 M RegNets, 2026-12-01)
                while (next < count && !inFlight.peek().isDone() && inFlight.size() < 2 * window) {
                    final long from = next;
                    next = Math.min(count, from + chunk);
                    inFlight.add(runHere(workers.get(), from, next));
                }
                write(join(inFlight.poll()), out, rejects, totals, listener, start);
            }
        }
        out.flush();
        if (rejects != null) {
            rejects.flush();
        }
        return totals.stats(spec.constraints(), System.nanoTime() - start);
    }

    private void write(ChunkOut c, Writer out, Writer rejects, Totals totals, FilterListener listener, long start) throws IOException {
        out.write(c.rows.toString());
        if (rejects != null) {
            rejects.write(c.rejects.toString());
        }
        totals.add(c, listener);
        listener.progress(totals.stats(spec.constraints(), System.nanoTime() - start));
    }

    /** Chunk [from, to) made on this thread, as a finished future (its failure too, thrown by {@link #join}). */
    private static Future<ChunkOut> runHere(Worker worker, long from, long to) {
        try {
            return CompletableFuture.completedFuture(worker.run(from, to));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ChunkOut join(Future<ChunkOut> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /** What one chunk produced. */
    private static final class ChunkOut {
        final StringBuilder rows = new StringBuilder();
        final StringBuilder rejects = new StringBuilder();
        long generated;
        long kept;
        long filteredOut;
        long rejected;
        long[] removedBy;
        final List<Long> rejectIds = new ArrayList<>();
        final List<String> rejectReasons = new ArrayList<>();
    }

    /** Running counts, on the writing thread. */
    private static final class Totals {
        long generated;
        long kept;
        long filteredOut;
        long rejected;
        final long[] removedBy;

        Totals(int constraints) {
            removedBy = new long[constraints];
        }

        void add(ChunkOut c, FilterListener listener) {
            generated += c.generated;
            kept += c.kept;
            filteredOut += c.filteredOut;
            rejected += c.rejected;
            for (int i = 0; i < removedBy.length; i++) {
                removedBy[i] += c.removedBy[i];
            }
            for (int i = 0; i < c.rejectIds.size(); i++) {
                listener.rejected(c.rejectIds.get(i), c.rejectReasons.get(i));
            }
        }

        FilterStats stats(List<Constraint> constraints, long nanos) {
            return new FilterStats(generated, kept, filteredOut, rejected, constraints, removedBy, -1, nanos);
        }
    }

    /** One per thread: a random source, a batch with its builder and results, reused chunk after chunk. */
    private final class Worker {
        private final SpaceRandom random = new SpaceRandom();
        private final CandidateBatch batch = new CandidateBatch(1024, BATCH_LAYERS + 4096);
        private final CandidateBuilder builder = batch.builder();
        private final BatchResults results = new BatchResults();
        // one thread per chunk: the engine scores a chunk serially
        private final Engine engine = new Engine(spec.conventions(), Integer.MAX_VALUE);
        private final StringBuilder cell = new StringBuilder(512);
        private final Metric[] columns = spec.columns().toArray(new Metric[0]);
        private final Constraint[] constraints = spec.constraints().toArray(new Constraint[0]);
        private final long[] limits = new long[constraints.length];
        private final Metric[] metrics = new Metric[constraints.length];
        private final boolean[] max = new boolean[constraints.length];
        private int[] candidateOf = new int[0];
        private String[] buildError = new String[0];

        Worker() {
            for (int i = 0; i < constraints.length; i++) {
                limits[i] = constraints[i].longLimit();
                metrics[i] = constraints[i].metric();
                max[i] = constraints[i].bound() == Constraint.Bound.MAX;
            }
        }

        ChunkOut run(long from, long to) {
            try {
                return score ? scored(from, to) : plain(from, to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Candidate i's network as the next candidate of the batch. */
        private void build(long i) {
            builder.begin(input.height(), input.width(), input.channels());
            try {
                if (enumerate) {
                    space.writeCandidate(i, options, builder);
                } else {
                    space.sample(random.seed(seed, i), options, builder, null);
                }
                builder.end();
            } catch (RuntimeException e) {
                builder.abort();
                throw e;
            }
        }

        /** Candidate i's notation, in {@link #cell}. */
        private StringBuilder notation(long i) {
            cell.setLength(0);
            if (enumerate) {
                space.appendNotation(i, cell);
            } else {
                space.sample(random.seed(seed, i), options, null, cell);
            }
            return cell;
        }

        private ChunkOut plain(long from, long to) throws IOException {
            ChunkOut c = new ChunkOut();
            c.removedBy = new long[0];
            CSVPrinter p = new CSVPrinter(c.rows, ChunkWriter.FORMAT);
            for (long i = from; i < to; i++) {
                p.printRecord(i + 1, notation(i));
            }
            c.generated = to - from;
            c.kept = c.generated;
            return c;
        }

        private ChunkOut scored(long from, long to) throws IOException {
            final int n = (int) (to - from);
            if (candidateOf.length < n) {
                candidateOf = new int[n];
                buildError = new String[n];
            }
            ChunkOut c = new ChunkOut();
            c.removedBy = new long[constraints.length];
            c.generated = n;
            CSVPrinter p = new CSVPrinter(c.rows, ChunkWriter.FORMAT);
            CSVPrinter rej = new CSVPrinter(c.rejects, ChunkWriter.FORMAT);
            batch.clear();
            int pending = 0;
            for (int r = 0; r < n; r++) {
                buildError[r] = null;
                candidateOf[r] = -1;
                try {
                    build(from + r);
                    candidateOf[r] = batch.size() - 1;
                } catch (IllegalArgumentException e) {
                    // a notation the space refuses (NotationException) or a layer the builder refuses: filter's syntax reject
                    buildError[r] = "syntax: " + Text.escape(String.valueOf(e.getMessage()), Text.REASON_LIMIT);
                }
                if (batch.layerCount() >= BATCH_LAYERS || r == n - 1) {
                    // score what is built (a bounded batch: DARTS networks have ~1,600 layers each)
                    engine.scoreAll(batch, results);
                    judge(c, p, rej, from, pending, r + 1);
                    batch.clear();
                    pending = r + 1;
                }
            }
            return c;
        }

        /** Judges and writes rows [r0, r1) of the chunk starting at candidate {@code from}, scored in the batch. */
        private void judge(ChunkOut c, CSVPrinter p, CSVPrinter rej, long from, int r0, int r1) throws IOException {
            final long[] values = results.values();
            for (int r = r0; r < r1; r++) {
                final int k = candidateOf[r];
                final String reason = k < 0 ? buildError[r]
                        : results.isValid(k) ? null : "invalid shapes: " + Text.escape(String.valueOf(results.error(k)), Text.REASON_LIMIT);
                if (reason != null) {
                    c.rejected++;
                    rej.printRecord(from + r + 1, reason, notation(from + r));
                    c.rejectIds.add(from + r + 1);
                    c.rejectReasons.add(reason);
                    continue;
                }
                final long failed = failed(c, values, MetricRecord.offset(k));
                if (failed == 0) {
                    c.kept++;
                } else {
                    c.filteredOut++;
                }
                if (failed == 0 || spec.all()) {
                    row(p, from + r, values, MetricRecord.offset(k), failed == 0);
                }
            }
        }

        /** The mask of the constraints the candidate at {@code o} fails, counted per constraint. */
        private long failed(ChunkOut c, long[] values, int o) {
            long failed = 0;
            for (int i = 0; i < constraints.length; i++) {
                final long v = metrics[i].get(values, o);
                if (max[i] ? v > limits[i] : v < limits[i]) {
                    failed |= 1L << i;
                    c.removedBy[i]++;
                }
            }
            return failed;
        }

        private void row(CSVPrinter p, long i, long[] values, int o, boolean pass) throws IOException {
            p.print(i + 1);
            p.print(notation(i));
            for (Metric m : columns) {
                cell.setLength(0);
                p.print(m.appendTo(cell, values, o));
            }
            if (spec.all()) {
                p.print(pass ? "true" : "false");
            }
            p.println();
        }
    }
}
