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

/**
 * Scoring MobileNet-style candidates built from blocks: {@value #CANDIDATES} candidates of
 * {@link #blocks} inverted residuals each (expansion, depthwise, projection, squeeze-excite on a
 * third of them, residual joins), pre-encoded in {@code @Setup(Level.Trial)}. These are graphs, so
 * the engine's graph path runs: per-tensor scratch state, liveness for the peak memory, joins.
 * A 20-block candidate expands to about 200 layers. Reports <b>candidates/s</b>.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BlockScoringBenchmark {
    static final int CANDIDATES = 10_000;

    @Param({"5", "20", "40"})
    public int blocks;

    @Param({"serial", "parallel"})
    public String mode;

    int candidates = CANDIDATES;
    CandidateBatch batch;
    BatchResults results;
    Engine engine;

    @Setup(Level.Trial)
    public void setup() {
        batch = GeneratedCandidates.blockBatch(GeneratedCandidates.SEED, candidates, blocks);
        results = new BatchResults();
        engine = new Engine(Conventions.DEFAULT, "serial".equals(mode) ? Integer.MAX_VALUE : 1);
    }

    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public BatchResults scoreAll() {
        return engine.scoreAll(batch, results);
    }
}
