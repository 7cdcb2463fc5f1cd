package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.SpaceScan;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.ofa.OfaMbv3;
import io.archmeter.spaces.ofa.OfaMbv3Sampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Generating and scoring the Once-for-All MobileNetV3 space in memory: {@value #CANDIDATES}
 * sub-networks sampled as OFA samples them (kernels, expansions, depths; resolutions 128 … 224 and
 * widths 1.0/1.2 drawn too), each written through the builder (about 150–300 layers: SE gates and
 * residual joins make them graphs) and scored, in chunks of {@value #CHUNK} spread over the common
 * pool. Reports <b>candidates/s</b> for generation + scoring together; the target is
 * ≥ 1 M candidates in ≤ 5 s on 2 cores, i.e. ≥ 200,000 candidates/s.
 *
 * <p>{@link #generateCommand} is the same sample through {@code archmeter generate ofa-mbv3 --count N
 * --resolution all --width all --score --max macs=300M --max act_peak_bytes=256KiB}'s machinery
 * ({@link SpaceScan}: per-thread workers, candidates in order, kept rows written as CSV, here to a
 * null writer), the issue's own command line.
 *
 * <p>Two baselines in the same run split that time: {@link #generateOnly} writes the same
 * candidates and scores none; {@link #scoreOnly} scores {@value #PREGENERATED} candidates written
 * once in the setup (the engine alone, on these ~200-layer graphs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OfaMbv3SpaceBenchmark {
    static final int CANDIDATES = 100_000;
    static final int CHUNK = 4096;
    static final int PREGENERATED = 4 * CHUNK;

    int candidates = CANDIDATES;
    OfaMbv3Sampler sampler;
    Engine engine;
    long seed = 1;
    CandidateBatch[] pregenerated;
    BatchResults[] pregeneratedResults;

    @Setup(Level.Trial)
    public void setup() {
        int[] res = new int[25];
        for (int i = 0; i < res.length; i++) {
            res[i] = 128 + 4 * i;
        }
        sampler = new OfaMbv3Sampler(seed, res, new int[] {1000, 1200}, 1000);
        // chunks run in parallel: each chunk scores serially
        engine = new Engine(Conventions.DEFAULT, Integer.MAX_VALUE);
        pregenerated = new CandidateBatch[PREGENERATED / CHUNK];
        pregeneratedResults = new BatchResults[pregenerated.length];
        for (int i = 0; i < pregenerated.length; i++) {
            pregenerated[i] = new CandidateBatch();
            pregeneratedResults[i] = new BatchResults();
            sampler.fill(new CandidateBuilder(pregenerated[i]), (long) i * CHUNK, CHUNK);
        }
    }

    /** Generates and scores the sample; returns {candidates, invalid, kept under 300 M MACs}. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public long[] generateAndScore() {
        return sampler.sampleAndScore(engine, candidates, CHUNK, macs -> macs <= 300_000_000L);
    }

    /**
     * The {@code generate ofa-mbv3 … --score} command's machinery on the same candidates (candidate i
     * of seed S is the sampler's i), two constraints, kept rows written to a null writer; returns the kept count.
     */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public long generateCommand() {
        return generateCommand(Conventions.DEFAULT.withActivationType(DType.INT8));
    }

    /**
     * {@code generate ofa-mbv3 --count N --seed S --resolution all --width all --score --max macs=300M
     * --max act_peak_bytes=256KiB} under {@code conventions} (the benchmark: int8 activations, as
     * MCUNet deploys them); the kept count.
     */
    long generateCommand(Conventions conventions) {
        FilterSpec spec = FilterSpec.builder().conventions(conventions).chunkSize(CHUNK)
                .constraints(List.of(Constraint.max("macs=300M"), Constraint.max("act_peak_bytes=256KiB"))).build();
        SpaceOptions options = SpaceOptions.DEFAULTS.withChoices(SearchSpace.RESOLUTION, OfaMbv3.allResolutions())
                .withChoices(SearchSpace.WIDTH, List.of(1000, 1200));
        try {
            return SpaceScan.sampled(OfaMbv3.SPACE, candidates, seed).options(options).score(spec)
                    .run(Writer.nullWriter(), Writer.nullWriter(), FilterListener.NONE).kept();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Baseline: the same sampling and writing, no scoring; returns the layers written. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public long generateOnly() {
        final int chunks = (candidates + CHUNK - 1) / CHUNK;
        final ThreadLocal<CandidateBatch> batches = ThreadLocal.withInitial(CandidateBatch::new);
        return IntStream.range(0, chunks).parallel().mapToLong(c -> {
            final CandidateBatch batch = batches.get().clear();
            sampler.fill(batch.builder(), (long) c * CHUNK, Math.min(CHUNK, candidates - c * CHUNK));
            return batch.layerCount();
        }).sum();
    }

    /** Baseline: scoring alone, of {@value #PREGENERATED} candidates written in the setup; returns those within 300 M MACs. */
    @Benchmark
    @OperationsPerInvocation(PREGENERATED)
    public long scoreOnly() {
        return IntStream.range(0, pregenerated.length).parallel().mapToLong(i -> {
            final BatchResults r = pregeneratedResults[i];
            engine.scoreAll(pregenerated[i], r);
            long kept = 0;
            for (int c = 0; c < r.size(); c++) {
                if (r.isValid(c) && r.get(c, MetricRecord.MACS_OFFSET) <= 300_000_000L) {
                    kept++;
                }
            }
            return kept;
        }).sum();
    }
}
