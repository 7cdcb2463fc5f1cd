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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.SCORED_CANDIDATES;

/**
 * Thread scaling of {@link Engine#scoreAll(CandidateBatch, BatchResults, ForkJoinPool)}: one
 * batch of {@value BenchmarkDefaults#SCORED_CANDIDATES} candidates of {@link #depth} layers
 * scored in a {@code new ForkJoinPool(threads)}, in candidates/s. The speedup at N threads is
 * its score over the score at 1 thread, both from the same run.
 *
 * <p>The default sweep is 1 and 2 threads (the CI machine has 2 cores); on a larger machine pass
 * e.g. {@code -p threads=1,2,4,8} ({@code report.sh} passes 1..nproc).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScalingBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"20"})
    public int depth;

    /** Candidates per invocation: {@value BenchmarkDefaults#SCORED_CANDIDATES}, as {@code @OperationsPerInvocation} says; tests lower it. */
    int candidates = SCORED_CANDIDATES;

    CandidateBatch batch;
    BatchResults results;
    Engine engine;
    ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setup() {
        batch = GeneratedCandidates.batch(GeneratedCandidates.SEED, candidates, depth);
        results = new BatchResults();
        engine = new Engine(Conventions.DEFAULT, 1);
        pool = new ForkJoinPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(SCORED_CANDIDATES)
    public BatchResults scoreAllInPool() {
        return engine.scoreAll(batch, results, pool);
    }
}
