package io.archmeter.bench;

import io.archmeter.bench.baseline.Layer;
import io.archmeter.bench.baseline.ObjectArchParser;
import io.archmeter.bench.baseline.ObjectMetrics;
import io.archmeter.bench.baseline.ObjectScorer;
import io.archmeter.bench.baseline.RecordChainScorer;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.COMPARED_CANDIDATES;

/**
 * The same {@value BenchmarkDefaults#COMPARED_CANDIDATES} candidates scored three ways, serially,
 * in candidates/s, so that the ratios come from one run:
 * <ul>
 *   <li>{@link #primitiveRecords}: the engine, fixed-stride {@code LayerRecord}s ({@code Engine.scoreAll}, serial);</li>
 *   <li>{@link #chainRecords}: the engine's chain path alone (no graph code in the loop) over the
 *       same records ({@link RecordChainScorer});</li>
 *   <li>{@link #objects}: baseline (a), a {@code List<Layer>} of records per candidate and a new
 *       {@link ObjectMetrics} per candidate ({@link ObjectScorer}).</li>
 * </ul>
 * All start from the same strings, parsed in setup; only scoring is measured. The tests check
 * that they produce the same metrics. (A fourth, the chain loop over one array per field instead
 * of records, answered its question — records stay, SoA was 0.93–0.96× — and was retired; see
 * the benchmarks README.)
 *
 * <p>Three forks, not one: the engine's compiled loop is bimodal from one JVM to the next (at 20
 * layers about 4.0 or 5.8 M candidates/s, depending on the fork), which is larger than the
 * differences this benchmark exists to show.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObjectBaselineBenchmark {
    @Param({"8", "20", "60"})
    public int depth;

    CandidateBatch batch;
    BatchResults results;
    Engine engine;
    RecordChainScorer chainScorer;
    long[] chainResults;
    List<List<Layer>> candidates;
    ObjectScorer objectScorer;

    @Setup(Level.Trial)
    public void setup() {
        String[] archs = GeneratedCandidates.strings(GeneratedCandidates.SEED, COMPARED_CANDIDATES, depth);
        batch = GeneratedCandidates.batch(GeneratedCandidates.SEED, COMPARED_CANDIDATES, depth);
        results = new BatchResults();
        engine = new Engine(Conventions.DEFAULT, Integer.MAX_VALUE);
        chainScorer = new RecordChainScorer(Conventions.DEFAULT);
        chainResults = new long[COMPARED_CANDIDATES * MetricRecord.LENGTH];
        candidates = new ArrayList<>(archs.length);
        for (String arch : archs) {
            candidates.add(ObjectArchParser.parse(arch));
        }
        objectScorer = new ObjectScorer(Conventions.DEFAULT);
    }

    @Benchmark
    @OperationsPerInvocation(COMPARED_CANDIDATES)
    public BatchResults primitiveRecords() {
        return engine.scoreAll(batch, results);
    }

    @Benchmark
    @OperationsPerInvocation(COMPARED_CANDIDATES)
    public long[] chainRecords() {
        return chainScorer.scoreAll(batch, chainResults);
    }

    @Benchmark
    @OperationsPerInvocation(COMPARED_CANDIDATES)
    public List<ObjectMetrics> objects() {
        List<ObjectMetrics> out = new ArrayList<>(candidates.size());
        for (List<Layer> layers : candidates) {
            out.add(objectScorer.score(layers, GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS));
        }
        return out;
    }
}
