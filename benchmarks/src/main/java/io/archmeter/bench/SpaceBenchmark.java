package io.archmeter.bench;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.SpaceScan;
import io.archmeter.spaces.darts.DartsSpace;
import io.archmeter.spaces.nb101.Nb101Enumerator;
import io.archmeter.spaces.nb101.Nb101Space;
import io.archmeter.spaces.regnet.RegNetSpace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

/**
 * Whole search spaces generated and scored in memory, as {@code archmeter generate SPACE --score}
 * runs them (every candidate written through the builder, no string), one operation being the
 * whole run, timed single-shot in seconds, on the common pool (all cores). The constraint
 * {@code --max params=0} keeps nothing, so the time is generation, deduplication and scoring, not
 * CSV writing. Targets (issue #11, 2 cores): NB-101 ≤ 30 s; 1 M sampled RegNets or DARTS genotypes
 * ≤ 10 s.
 *
 * <ul>
 *   <li>{@link #nb101AllEnumeratedDedupedScored}: the NAS-Bench-101 space enumerated and deduplicated
 *       afresh ({@link Nb101Enumerator#compute()}: 423,624 unique cells), then the first
 *       {@link #nb101Cells} of them (all, by default) built and scored.</li>
 *   <li>{@link #regnetSampledScored}: {@link #samples} RegNetX designs sampled (pycls ranges), built and scored.</li>
 *   <li>{@link #dartsSampledScored}: {@link #samples} DARTS genotypes (CIFAR network, C 36, L 20: about
 *       1,600 layers each) sampled, built and scored.</li>
 * </ul>
 * {@code benchmarks/smoke.sh} runs small ones ({@code -p samples=2000 -p nb101Cells=2000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpaceBenchmark {
    /** Samples per RegNet or DARTS run. */
    @Param({"1000000"})
    public int samples = 1_000_000;

    /** NAS-Bench-101 cells scored after the enumeration (all 423,624 by default). */
    @Param({"423624"})
    public int nb101Cells = Nb101Enumerator.UNIQUE_CELLS;

    static FilterSpec keepNothing() {
        return FilterSpec.builder().constraint(Constraint.max("params=0")).columns(Metric.MACS).build();
    }

    private static FilterStats run(SpaceScan scan) throws IOException {
        return scan.score(keepNothing()).run(Writer.nullWriter(), Writer.nullWriter(), FilterListener.NONE);
    }

    @Benchmark
    public FilterStats nb101AllEnumeratedDedupedScored() throws IOException {
        if (Nb101Enumerator.compute().size() != Nb101Enumerator.UNIQUE_CELLS) {
            throw new AssertionError("enumeration lost cells");
        }
        return run(SpaceScan.first(Nb101Space.INSTANCE, nb101Cells));
    }

    @Benchmark
    public FilterStats regnetSampledScored() throws IOException {
        return run(SpaceScan.sampled(RegNetSpace.X, samples, 1));
    }

    @Benchmark
    public FilterStats dartsSampledScored() throws IOException {
        return run(SpaceScan.sampled(DartsSpace.INSTANCE, samples, 1));
    }
}
