package io.archmeter.spaces.ofa;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import io.archmeter.spaces.mobile.ElasticConfig;

import java.util.Arrays;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * Samples OFA-MobileNetV3 sub-networks reproducibly and scores them in memory, in primitive
 * batches, without strings. Candidate i of a sample with seed S is drawn from
 * {@link SpaceRandom#seed(long, long) SpaceRandom.seed(S, i)} exactly as {@code archmeter generate
 * ofa-mbv3 --seed S --resolution … --width …} draws its row i + 1 ({@link OfaMbv3#sample}), so that
 * the same seed gives the same candidates whatever the thread count or chunking. Each candidate
 * draws its resolution and width from the given choices (OFA's elastic resolution; the released
 * widths 1.0 and 1.2).
 *
 * <pre>{@code
 * OfaMbv3Sampler s = new OfaMbv3Sampler(42, new int[] {224}, new int[] {1000}, 1000);
 * long[] stats = s.sampleAndScore(new Engine(Conventions.DEFAULT), 1_000_000, 4096,
 *         i -> true);   // {candidates, invalid, kept}
 * }</pre>
 */
public final class OfaMbv3Sampler {
    private final long seed;
    private final SpaceOptions options;
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
        this.options = new SpaceOptions(classes, Map.of(), Map.of(SearchSpace.RESOLUTION, Arrays.stream(resolutions).boxed().toList(),
                SearchSpace.WIDTH, Arrays.stream(widthsMilli).boxed().toList()));
        this.classes = classes;
    }

    /** Candidate {@code i}'s config (the arrays are filled and reused). */
    public ElasticConfig config(long i, int[] ks, int[] e, int[] d) {
        return OfaMbv3.sample(new SpaceRandom().seed(seed, i), options, ks, e, d);
    }

    /** Appends candidates [from, from + count) to {@code b}'s batch. */
    public void fill(CandidateBuilder b, long from, int count) {
        int[] ks = new int[OfaMbv3.STAGES * OfaMbv3.MAX_DEPTH];
        int[] e = new int[ks.length];
        int[] d = new int[OfaMbv3.STAGES];
        SpaceRandom random = new SpaceRandom();
        for (int k = 0; k < count; k++) {
            OfaMbv3.append(b, OfaMbv3.sample(random.seed(seed, from + k), options, ks, e, d), classes);
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
