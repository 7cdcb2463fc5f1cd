package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.model.InputShape;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Generates the candidates of a {@link GenerableSpace} — all of them, or {@code count} samples of
 * a seed — and writes them as CSV rows {@code id,arch} in the space's notation; with scoring on,
 * builds each candidate's network straight into a primitive {@link CandidateBatch} (no string),
 * scores it with the {@link Engine}, applies the {@link FilterSpec}'s constraints and writes the
 * kept rows (or all valid rows with a {@code pass} column) with its metric columns, exactly as
 * {@code filter} would on the written file. Candidates whose network cannot be built or whose shapes
 * are invalid go to the rejects, {@code id,reason,arch}. Rows in = kept + filtered out + rejected.
 *
 * <h2>Parallel and reproducible</h2>
 * Candidates are cut into chunks of {@link FilterSpec#chunkSize()}; chunks are built and scored
 * on the fork-join pool (at most two per thread in flight) and written in order, so the output is
 * the same bytes whatever the thread count. Each worker thread keeps its own cursor and batch.
 *
 * <pre>{@code
 * FilterSpec spec = FilterSpec.builder().constraint(Constraint.max("macs=400M")).build();
 * FilterStats s = SpaceScan.sampled(GenerableSpaces.named("regnet"), 1_000_000, 1)
 *         .score(spec).run(writer, rejectsWriter, listener);
 * }</pre>
 */
public final class SpaceScan {
    /** The output format of {@code filter}: RFC 4180, {@code \n} line ends, fields quoted only when they must be. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final GenerableSpace space;
    private final boolean enumerate;
    private final long count;
    private final long seed;
    private FilterSpec spec = FilterSpec.builder().build();
    private boolean score;
    private InputShape input;
    private int classes;

    private SpaceScan(GenerableSpace space, boolean enumerate, long count, long seed) {
        this.space = space;
        this.enumerate = enumerate;
        this.count = count;
        this.seed = seed;
        this.input = space.defaultInput();
        this.classes = space.defaultClasses();
    }

    /** Every candidate of an enumerable space, in its order. */
    public static SpaceScan all(GenerableSpace space) {
        if (space.enumerationSize() < 0) {
            throw new IllegalArgumentException(space.name() + " is sampled, not enumerated: use a count of samples");
        }
        return new SpaceScan(space, true, space.enumerationSize(), 0);
    }

    /** {@code count} samples of seed {@code seed}. */
    public static SpaceScan sampled(GenerableSpace space, long count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("the count must be at least 0, not " + count);
        }
        return new SpaceScan(space, false, count, seed);
    }

    /** Scores the candidates under {@code filterSpec}'s conventions, constraints and columns. */
    public SpaceScan score(FilterSpec filterSpec) {
        for (Constraint c : filterSpec.constraints()) {
            if (!c.isMetric()) {
                throw new IllegalArgumentException("generated rows have only the columns id and arch: " + c
                        + " names no metric");
            }
        }
        this.spec = filterSpec;
        this.score = true;
        return this;
    }

    /** The input shape of every network (default: the space's). */
    public SpaceScan input(InputShape shape) {
        this.input = shape;
        return this;
    }

    /** Classifier outputs of every network (default: the space's). */
    public SpaceScan classes(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + n);
        }
        this.classes = n;
        return this;
    }

    /** Number of candidates this scan generates. */
    public long count() {
        return count;
    }

    /** The CSV header. */
    List<String> header() {
        List<String> h = new java.util.ArrayList<>(List.of("id", "arch"));
        if (score) {
            spec.columns().forEach(m -> h.add(m.column()));
            if (spec.all()) {
                h.add(FilterSpec.PASS_COLUMN);
            }
        }
        return h;
    }

    /**
     * Runs the scan: rows to {@code out}, rejects (with a header, only when scoring) to
     * {@code rejects}, progress and rejects to {@code listener}.
     */
    public FilterStats run(Writer out, Writer rejects, FilterListener listener) throws IOException {
        final long start = System.nanoTime();
        final ForkJoinPool pool = spec.pool() != null ? spec.pool() : ForkJoinPool.commonPool();
        final int chunk = spec.chunkSize();
        final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(header());
        if (score && rejects != null) {
            new CSVPrinter(rejects, FORMAT).printRecord("id", "reason", "arch");
        }
        final Totals totals = new Totals(spec.constraints().size());
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
            ChunkOut c = join(inFlight.poll());
            out.append(c.rows);
            if (rejects != null) {
                rejects.append(c.rejects);
            }
            totals.add(c, listener);
            listener.progress(totals.stats(spec.constraints(), System.nanoTime() - start));
        }
        out.flush();
        if (rejects != null) {
            rejects.flush();
        }
        return totals.stats(spec.constraints(), System.nanoTime() - start);
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
        long[] rejectIds = new long[0];
        String[] rejectReasons = new String[0];
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
            for (int i = 0; i < c.rejectIds.length; i++) {
                listener.rejected(c.rejectIds[i], c.rejectReasons[i]);
            }
        }

        FilterStats stats(List<Constraint> constraints, long nanos) {
            return new FilterStats(generated, kept, filteredOut, rejected, constraints, removedBy, -1, nanos);
        }
    }

    /** One per thread: a cursor, a batch and its results, reused chunk after chunk. */
    private final class Worker {
        private final GenerableSpace.Cursor cursor = space.cursor();
        private final CandidateBatch batch = new CandidateBatch(1024, 1024 * 64);
        private final BatchResults results = new BatchResults();
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

        private void position(long i) {
            if (enumerate) {
                cursor.enumerate(i);
            } else {
                cursor.sample(seed, i);
            }
        }

        private ChunkOut plain(long from, long to) throws IOException {
            ChunkOut c = new ChunkOut();
            c.removedBy = new long[0];
            CSVPrinter p = new CSVPrinter(c.rows, FORMAT);
            for (long i = from; i < to; i++) {
                position(i);
                cell.setLength(0);
                cursor.appendNotation(cell);
                p.print(i + 1);
                p.print(cell);
                p.println();
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
            batch.clear();
            for (int r = 0; r < n; r++) {
                position(from + r);
                buildError[r] = null;
                candidateOf[r] = -1;
                try {
                    cursor.appendCandidate(batch, input, classes);
                    candidateOf[r] = batch.size() - 1;
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    buildError[r] = "syntax: " + e.getMessage();
                }
            }
            engine.scoreAll(batch, results);
            return judge(from, n);
        }

        private ChunkOut judge(long from, int n) throws IOException {
            ChunkOut c = new ChunkOut();
            c.removedBy = new long[constraints.length];
            c.generated = n;
            CSVPrinter p = new CSVPrinter(c.rows, FORMAT);
            CSVPrinter rej = new CSVPrinter(c.rejects, FORMAT);
            final long[] values = results.values();
            java.util.List<Long> ids = new java.util.ArrayList<>();
            java.util.List<String> reasons = new java.util.ArrayList<>();
            for (int r = 0; r < n; r++) {
                final int k = candidateOf[r];
                final String reason = k < 0 ? buildError[r] : results.isValid(k) ? null : "invalid shapes: " + results.error(k);
                if (reason != null) {
                    c.rejected++;
                    position(from + r);
                    cell.setLength(0);
                    cursor.appendNotation(cell);
                    rej.printRecord(from + r + 1, reason, cell);
                    ids.add(from + r + 1);
                    reasons.add(reason);
                    continue;
                }
                final int o = MetricRecord.offset(k);
                long failed = 0;
                for (int i = 0; i < constraints.length; i++) {
                    final long v = metrics[i].get(values, o);
                    if (max[i] ? v > limits[i] : v < limits[i]) {
                        failed |= 1L << i;
                        c.removedBy[i]++;
                    }
                }
                if (failed == 0) {
                    c.kept++;
                } else {
                    c.filteredOut++;
                }
                if (failed == 0 || spec.all()) {
                    position(from + r);
                    cell.setLength(0);
                    cursor.appendNotation(cell);
                    p.print(from + r + 1);
                    p.print(cell);
                    for (Metric m : columns) {
                        cell.setLength(0);
                        p.print(m.appendTo(cell, values, o));
                    }
                    if (spec.all()) {
                        p.print(failed == 0 ? "true" : "false");
                    }
                    p.println();
                }
            }
            c.rejectIds = ids.stream().mapToLong(Long::longValue).toArray();
            c.rejectReasons = reasons.toArray(new String[0]);
            return c;
        }
    }
}
