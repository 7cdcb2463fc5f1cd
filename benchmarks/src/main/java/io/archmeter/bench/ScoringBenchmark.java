package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.model.Conventions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.SCORED_CANDIDATES;

/**
 * The engine's {@link Engine#scoreAll} on pre-encoded batches: how many candidates per second
 * the primitive encoding scores. Every invocation scores the same {@value BenchmarkDefaults#SCORED_CANDIDATES}
 * candidates, cut into batches of {@link #batchSize}; with {@code @OperationsPerInvocation} JMH
 * reports <b>candidates/s</b>. Layers/s = candidates/s × {@link #depth}.
 *
 * <ul>
 *   <li>{@link #depth}: 8, 20, 60 layers per candidate. Cost per candidate should grow linearly
 *       with depth (candidates/s × depth roughly constant).</li>
 *   <li>{@link #batchSize}: 1, 1,000, 100,000 candidates per {@code scoreAll} call. Same total
 *       work: a flat candidates/s across sizes shows cost linear in the batch size; a drop at
 *       batch 1 is the per-call overhead of {@code scoreAll} (results reset, invalid count).
 *       The sweep stops at 100,000: 1,000,000 × 60 layers of 15-int records would need 3.6 GB.</li>
 *   <li>{@link #mode}: {@code serial} ({@code new Engine(conv, Integer.MAX_VALUE)}, the caller's
 *       thread) or {@code parallel} ({@code new Engine(conv, 1)}: every call forks in the common
 *       pool, even for one candidate; at batch 1 that measures fork/join overhead alone, which is
 *       what {@link Engine#DEFAULT_PARALLEL_THRESHOLD} is chosen from).</li>
 * </ul>
 *
 * <p>The serial path allocates nothing: run with {@code -prof gc} and
 * {@code gc.alloc.rate.norm} is ~0 B/op (per candidate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringBenchmark {
    @Param({"8", "20", "60"})
    public int depth;

    @Param({"1", "1000", "100000"})
    public int batchSize;

    @Param({"serial", "parallel"})
    public String mode;

    /** Candidates per invocation: {@value BenchmarkDefaults#SCORED_CANDIDATES}, as {@code @OperationsPerInvocation} says; tests lower it. */
    int candidates = SCORED_CANDIDATES;

    CandidateBatch[] batches;
    BatchResults[] results;
    Engine engine;

    @Setup(Level.Trial)
    public void setup() {
        batches = GeneratedCandidates.batches(GeneratedCandidates.SEED, candidates, depth, batchSize);
        results = new BatchResults[batches.length];
        for (int b = 0; b < results.length; b++) {
            results[b] = new BatchResults();
        }
        engine = switch (mode) {
            case "serial" -> new Engine(Conventions.DEFAULT, Integer.MAX_VALUE);
            case "parallel" -> new Engine(Conventions.DEFAULT, 1);
            default -> throw new IllegalArgumentException("mode must be serial or parallel, not " + mode);
        };
    }

    /** Scores all {@value BenchmarkDefaults#SCORED_CANDIDATES} candidates; returns their results. */
    @Benchmark
    @OperationsPerInvocation(SCORED_CANDIDATES)
    public BatchResults[] scoreAll() {
        final CandidateBatch[] in = batches;
        final BatchResults[] out = results;
        for (int b = 0; b < in.length; b++) {
            engine.scoreAll(in[b], out[b]);
        }
        return out;
    }
}
