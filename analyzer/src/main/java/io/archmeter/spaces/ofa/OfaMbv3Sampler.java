package io.archmeter.spaces.ofa;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
import io.archmeter.spaces.mobile.ElasticConfig;

import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * Samples OFA-MobileNetV3 sub-networks reproducibly and scores them in memory, in primitive
 * batches, without strings. Candidate i of a sample with seed S is drawn from its own
 * {@link SplittableRandom} seeded from (S, i), so that the same seed gives the same candidates
 * whatever the thread count or chunking. Each candidate also draws its resolution and width from
 * the given choices (OFA's elastic resolution; the released widths 1.0 and 1.2).
 *
 * <pre>{@code
 * OfaMbv3Sampler s = new OfaMbv3Sampler(42, new int[] {224}, new int[] {1000}, 1000);
 * long[] stats = s.sampleAndScore(new Engine(Conventions.DEFAULT), 1_000_000, 4096,
 *         i -> true);   // {candidates, invalid, kept}
 * }</pre>
 */
public final class OfaMbv3Sampler {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int[] resolutions;
    private final int[] widthsMilli;
    private final int classes;

    /**
     * @param resolutions  resolutions to draw from (each one of OFA's 128 … 224, step 4)
     * @param widthsMilli widths in thousandths to draw from (1000, 1200)
     */
    public OfaMbv3Sampler(long seed, int[] resolutions, int[] widthsMilli, int classes) {
        for (int r : resolutions) {
            OfaMbv3.checkResolution(r);
        }
        for (int w : widthsMilli) {
            OfaMbv3.checkWidth(w);
        }
        if (resolutions.length == 0 || widthsMilli.length == 0) {
            throw new IllegalArgumentException("ofa-mbv3: give at least one resolution and one width");
        }
        this.seed = seed;
        this.resolutions = resolutions.clone();
        this.widthsMilli = widthsMilli.clone();
        this.classes = classes;
    }

    /** Candidate {@code i}'s config (the arrays are filled and reused). */
    public ElasticConfig config(long i, int[] ks, int[] e, int[] d) {
        SplittableRandom rnd = new SplittableRandom(seed + i * GOLDEN);
        int r = resolutions[rnd.nextInt(resolutions.length)];
        int w = widthsMilli[rnd.nextInt(widthsMilli.length)];
        return OfaMbv3.sample(rnd, r, w, ks, e, d);
    }

    /** Appends candidates [from, from + count) to {@code b}'s batch. */
    public void fill(CandidateBuilder b, long from, int count) {
        int[] ks = new int[OfaMbv3.STAGES * OfaMbv3.MAX_DEPTH];
        int[] e = new int[ks.length];
        int[] d = new int[OfaMbv3.STAGES];
        for (int k = 0; k < count; k++) {
            OfaMbv3.append(b, config(from + k, ks, e, d), classes);
        }
    }

    /**
     * Samples and scores candidates [0, count) in chunks of {@code chunk}, the chunks in parallel
     * in the common pool, and counts those whose MACs {@code keep} accepts.
     *
     * @return {candidates, invalid, kept}
     */
    public long[] sampleAndScore(Engine engine, long count, int chunk, LongPredicate keep) {
        final int chunks = (int) ((count + chunk - 1) / chunk);
        final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);
        long[][] parts = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            Work wk = work.get();
            long from = (long) c * chunk;
            int n = (int) Math.min(chunk, count - from);
            wk.batch.clear();
            fill(wk.builder, from, n);
            engine.scoreAll(wk.batch, wk.results);
            long kept = 0;
            for (int i = 0; i < n; i++) {
                if (wk.results.isValid(i) && keep.test(wk.results.get(i, MetricRecord.MACS_OFFSET))) {
                    kept++;
                }
            }
            return new long[] {n, wk.results.invalidCount(), kept};
        }).toArray(long[][]::new);
        long[] total = new long[3];
        for (long[] p : parts) {
            for (int i = 0; i < 3; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    /** One thread's reusable batch, builder and results. */
    private static final class Work {
        final CandidateBatch batch = new CandidateBatch();
        final CandidateBuilder builder = new CandidateBuilder(batch);
        final BatchResults results = new BatchResults();
    }
}
