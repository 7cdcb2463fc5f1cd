package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.model.Conventions;
import io.archmeter.model.FlopsConvention;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * Scores candidates under one set of {@link Conventions}. The entry point of the library.
 *
 * <pre>{@code
 * Engine engine = new Engine(Conventions.DEFAULT);
 * CandidateBatch batch = new CandidateBatch();
 * Metrics m = new Metrics();
 * // in the search loop: no allocation once the batch has grown to its largest candidate
 * batch.clear();
 * new CandidateBuilder(batch).begin(32, 32, 3).conv(3, 1, 16).bn().relu().gap().fc(10).end();
 * engine.score(batch, 0, m);
 * if (m.macs() <= budget) { ... }
 * }</pre>
 *
 * <p><b>Thread-safety.</b> An engine is immutable and may be shared by any number of threads.
 * {@link #score(CandidateBatch, int, Metrics)} writes only into the caller's {@link Metrics} (which
 * also keeps the scratch state a graph candidate needs, grown once to the largest), so
 * threads each with their own {@code Metrics} may score the same (filled) batch at once. Sharing
 * one {@code Metrics} between threads is unsafe: their results and graph scratch overwrite each
 * other's, silently. {@link #scoreAll} scores disjoint candidates in parallel into one
 * {@link BatchResults}; the batch must not change while it runs.
 *
 * <p><b>Checks.</b> A candidate index is checked against the batch's current size
 * ({@link IndexOutOfBoundsException}, never the metrics of a candidate a {@code clear()} forgot).
 * Records are not re-validated here: the batch's writers check them ({@link CandidateBatch#end()}
 * validates records written by position; {@link CandidateBatch#validate(int)} checks values
 * written straight into its records), which keeps the scoring loop free of per-layer checks.
 *
 * <p><b>Parallelism</b>, as RoaringBitmap's {@code ParallelAggregation}: batches smaller than
 * {@link #parallelThreshold()} candidates are scored serially on the caller's thread (forking
 * costs more than it saves there); larger ones are cut into chunks, several per worker, scored by
 * a parallel stream in the common pool or in the pool given to {@link #scoreAll(CandidateBatch, BatchResults, ForkJoinPool)}.
 * Called from inside a {@link ForkJoinPool} task, the stream runs in that pool.
 */
public final class Engine {
    /**
     * Below this many candidates a batch is scored serially. Measured with the JMH
     * {@code ScoringBenchmark} batch-size sweep on 2 cores, 20-layer chains (2026-11-29): batches of
     * 100 score at 4.6 M candidates/s serially and 3.4 M/s in parallel (waking workers costs more
     * than it saves), batches of 1,000 at 5.0 M/s serially and 5.9 M/s in parallel.
     */
    public static final int DEFAULT_PARALLEL_THRESHOLD = 1000;

    private final Conventions conventions;
    private final int macFactor;
    private final boolean elementwise;
    private final int weightBytes;
    private final int actBytes;
    private final int parallelThreshold;

    /**
     * An engine for {@code conventions}: {@link Conventions#DEFAULT} is MACs without bias, FLOPs =
     * MACs + one per biased output, element-wise layers free, fp32 weights and activations.
     *
     * @throws NullPointerException if {@code conventions} is null
     */
    public Engine(Conventions conventions) {
        this(conventions, DEFAULT_PARALLEL_THRESHOLD);
    }

    /**
     * An engine that parallelises batches of {@code parallelThreshold} candidates or more (values
     * below 1 count as 1: every batch in parallel).
     *
     * @throws NullPointerException if {@code conventions} is null
     */
    public Engine(Conventions conventions, int parallelThreshold) {
        this.conventions = Objects.requireNonNull(conventions, "conventions");
        this.macFactor = conventions.flops() == FlopsConvention.STRICT ? 2 : 1;
        this.elementwise = conventions.countElementwise();
        this.weightBytes = conventions.weightType().bytes();
        this.actBytes = conventions.activationType().bytes();
        this.parallelThreshold = Math.max(1, parallelThreshold);
    }

    public Conventions conventions() {
        return conventions;
    }

    public int parallelThreshold() {
        return parallelThreshold;
    }

    /**
     * Scores candidate {@code i} of {@code batch} into {@code metrics}. Allocates nothing once
     * {@code metrics} has held the scratch of the largest graph candidate scored into it.
     *
     * @throws InvalidArchitectureException if its shapes are invalid; the message names the layer
     * @throws IndexOutOfBoundsException if {@code i} is not a candidate of the batch (after {@code clear()}, none is)
     */
    public Metrics score(CandidateBatch batch, int i, Metrics metrics) {
        checkCandidate(batch, i);
        long[] scratch = scratchFor(batch, i, metrics.scratch());
        metrics.keepScratch(scratch);
        score(batch, i, metrics.values(), 0, scratch, null);
        return metrics;
    }

    /**
     * Scores candidate {@code i} and writes a {@link MetricRecord} at {@code out[offset]}.
     * Allocates nothing for a chain; a graph candidate (branches, joins) gets a new scratch array
     * for its per-tensor state on every call: in a loop over graphs, score into a reused
     * {@link Metrics} ({@link #score(CandidateBatch, int, Metrics)}), which keeps one, or use
     * {@link #scoreAll}, which keeps one per chunk.
     *
     * @throws InvalidArchitectureException if its shapes are invalid; the message names the layer
     * @throws IndexOutOfBoundsException if {@code i} is not a candidate of the batch
     */
    public void score(CandidateBatch batch, int i, long[] out, int offset) {
        checkCandidate(batch, i);
        score(batch, i, out, offset, scratchFor(batch, i, null), null);
    }

    private static void checkCandidate(CandidateBatch batch, int i) {
        if (i < 0 || i >= batch.size()) {
            throw new IndexOutOfBoundsException("candidate " + i + " of a batch of " + batch.size());
        }
    }

    private void score(CandidateBatch batch, int i, long[] out, int offset, long[] scratch, long[] trace) {
        Scorer.score(batch.records(), batch.firstLayer(i), batch.endLayer(i),
                batch.inputHeight(i), batch.inputWidth(i), batch.inputChannels(i), batch.isGraph(i), scratch,
                macFactor, elementwise, weightBytes, actBytes, out, offset, trace);
    }

    /** Scratch for a graph candidate: the given array if it is large enough, else a larger one. */
    static long[] scratchFor(CandidateBatch batch, int i, long[] scratch) {
        if (!batch.isGraph(i)) {
            return scratch;
        }
        int need = GraphState.size(batch.layers(i));
        return scratch != null && scratch.length >= need ? scratch : new long[Math.max(need, scratch == null ? 0 : 2 * scratch.length)];
    }

    /**
     * Scores candidate {@code i} layer by layer, for tables such as {@code archmeter summary}: the
     * same arithmetic as {@link #score}, with each layer's output shape, r/S/P and costs recorded
     * ({@link LayerMetricsRecord}: counts, bytes in the conventions' dtypes, fields in input pixels).
     * Allocates the table; for reports, not for search loops.
     *
     * @throws InvalidArchitectureException if its shapes are invalid; the message names the layer
     * @throws IndexOutOfBoundsException if {@code i} is not a candidate of the batch
     */
    public LayerTable trace(CandidateBatch batch, int i) {
        checkCandidate(batch, i);
        long[] trace = new long[Math.max(1, batch.layers(i)) * LayerMetricsRecord.LENGTH];
        Metrics totals = new Metrics();
        score(batch, i, totals.values(), 0, scratchFor(batch, i, null), trace);
        return new LayerTable(batch, i, trace, totals, conventions);
    }

    /** Scores every candidate of {@code batch} into {@code results}, in parallel above the threshold. */
    public BatchResults scoreAll(CandidateBatch batch, BatchResults results) {
        return scoreAll(batch, results, null);
    }

    /**
     * Scores every candidate of {@code batch} into {@code results}; above the threshold in
     * parallel in {@code pool} (the common pool, or the current one inside a fork-join task, when
     * {@code null}). Invalid candidates are marked in {@code results} with their reason; they do
     * not stop the others, and nothing is thrown for them: read {@link BatchResults#isValid(int)},
     * {@link BatchResults#error(int)} and the values by name, {@link BatchResults#get(int, Metric)}.
     *
     * @return {@code results}, grown to the batch's size and overwritten
     */
    public BatchResults scoreAll(CandidateBatch batch, BatchResults results, ForkJoinPool pool) {
        final int n = batch.size();
        results.reset(n);
        final int invalid;
        if (n < parallelThreshold) {
            invalid = scoreRange(batch, results, 0, n);
        } else {
            ForkJoinPool p = pool != null ? pool
                    : ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
            // several chunks per thread (the caller's thread works too in the common pool), so that
            // a slow chunk does not leave the others idle
            final int chunks = Math.min(n, (p.getParallelism() + 1) * 8);
            final int chunk = (n + chunks - 1) / chunks;
            final Callable<Integer> work = () -> IntStream.range(0, chunks).parallel()
                    .map(k -> scoreRange(batch, results, k * chunk, Math.min(n, (k + 1) * chunk))).sum();
            if (pool == null && ForkJoinTask.inForkJoinPool() || p == ForkJoinPool.commonPool()) {
                invalid = call(work);
            } else {
                invalid = p.submit(work).join();
            }
        }
        results.setInvalidCount(invalid);
        return results;
    }

    private static int call(Callable<Integer> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scores candidates [from, to) and returns how many are invalid. */
    private int scoreRange(CandidateBatch batch, BatchResults results, int from, int to) {
        final long[] out = results.values();
        final int[] records = batch.records();
        long[] scratch = null;      // one per chunk, grown to the largest graph candidate in it
        int invalid = 0;
        for (int i = from; i < to; i++) {
            try {
                scratch = scratchFor(batch, i, scratch);
                Scorer.score(records, batch.firstLayer(i), batch.endLayer(i),
                        batch.inputHeight(i), batch.inputWidth(i), batch.inputChannels(i), batch.isGraph(i), scratch,
                        macFactor, elementwise, weightBytes, actBytes, out, MetricRecord.offset(i), null);
            } catch (InvalidArchitectureException e) {
                results.setInvalid(i, e.getMessage());
                invalid++;
            }
        }
        return invalid;
    }
}
