package io.archmeter.bench;

import io.archmeter.io.Constraint;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.engine.Metric;
import io.archmeter.spaces.nb101.Nb101Enumerator;
import io.archmeter.spaces.scan.GenerableSpaces;
import io.archmeter.spaces.scan.SpaceScan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.TimeUnit;

/**
 * Whole search spaces generated and scored in memory ({@code archmeter generate SPACE --score}),
 * one operation being the whole run, timed single-shot in seconds, on the common pool (all cores).
 * The constraint {@code --max params=0} keeps nothing, so the time is generation, deduplication and
 * scoring, not CSV writing. Targets (issue #11, 2 cores): NB-101 ≤ 30 s; 1 M RegNets ≤ 10 s.
 *
 * <ul>
 *   <li>{@link #nb101AllEnumeratedDedupedScored}: the 423,624 unique NAS-Bench-101 cells, enumerated
 *       and deduplicated afresh ({@link Nb101Enumerator#compute()}), every network built and scored.</li>
 *   <li>{@link #regnetSampledScored}: {@link #samples} RegNetX designs sampled (pycls ranges), built and scored.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SpaceBenchmark {
    /** Samples per RegNet run (a field so that the body test can run a small one). */
    public int samples = 1_000_000;

    private static final FilterListener QUIET = new FilterListener() {
    };

    static FilterSpec keepNothing() {
        return FilterSpec.builder().constraint(Constraint.max("params=0")).columns(Metric.MACS).build();
    }

    @Benchmark
    public FilterStats nb101AllEnumeratedDedupedScored() throws IOException {
        if (Nb101Enumerator.compute().size() != Nb101Enumerator.UNIQUE_CELLS) {
            throw new AssertionError("enumeration lost cells");
        }
        return SpaceScan.all(GenerableSpaces.named("nb101")).score(keepNothing()).run(Writer.nullWriter(), Writer.nullWriter(), QUIET);
    }

    @Benchmark
    public FilterStats regnetSampledScored() throws IOException {
        return SpaceScan.sampled(GenerableSpaces.named("regnet"), samples, 1).score(keepNothing())
                .run(Writer.nullWriter(), Writer.nullWriter(), QUIET);
    }
}
