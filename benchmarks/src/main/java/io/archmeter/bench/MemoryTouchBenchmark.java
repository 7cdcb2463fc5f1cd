package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
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
 * The memory-touch limit of scoring: one pass that sums every int of the very layer records
 * {@link ScoringBenchmark} scores — the same {@value BenchmarkDefaults#SCORED_CANDIDATES}
 * generated candidates, cut into the same batches — and does nothing else. No scorer can read
 * its input faster than this pass does, so scoring's candidates/s as a share of this one's says
 * how much of the scoring cost is arithmetic and control flow, and how much is bringing the
 * records in from memory (the report prints the share per depth and batch size).
 *
 * <p>Serial, like the serial scoring it bounds, and in the same JVM settings. At 20 layers the
 * 100,000 candidates are 100,000 × 20 × {@value LayerRecord#LENGTH} ints × 4 B = 120 MB: far
 * beyond the caches, so this is the memory system's streaming read rate; at batch 1,000 each batch
 * is 1.2 MB, read once per invocation like the others. If the op-trait arrays or a wider record
 * cost anything, the scoring share of this limit is where it shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryTouchBenchmark {
    @Param({"8", "20", "60"})
    public int depth;

    @Param({"1", "1000", "100000"})
    public int batchSize;

    /** Candidates per invocation, as {@code @OperationsPerInvocation} says; tests lower it. */
    int candidates = SCORED_CANDIDATES;

    CandidateBatch[] batches;

    @Setup(Level.Trial)
    public void setup() {
        batches = GeneratedCandidates.batches(GeneratedCandidates.SEED, candidates, depth, batchSize);
    }

    /** Sums every int of every layer record of every batch; returns the sum so that nothing is skipped. */
    @Benchmark
    @OperationsPerInvocation(SCORED_CANDIDATES)
    public long sumRecords() {
        final CandidateBatch[] in = batches;
        long sum = 0;
        for (int b = 0; b < in.length; b++) {
            final int[] records = in[b].records();
            final int n = in[b].layerCount() * LayerRecord.LENGTH;
            for (int i = 0; i < n; i++) {
                sum += records[i];
            }
        }
        return sum;
    }
}
