package io.archmeter.bench;

/**
 * Sizes shared by the benchmarks. They are compile-time constants because JMH's
 * {@code @OperationsPerInvocation} must be one: every measured method does a fixed amount of work
 * (a fixed number of candidates, rows, or strings) and reports it as operations, so that JMH
 * prints candidates/s or rows/s directly.
 */
public final class BenchmarkDefaults {
    /**
     * Candidates scored per invocation of {@code ScoringBenchmark} and {@code ScalingBenchmark}:
     * the largest batch size of the sweep. At 60 layers they are 100,000 × 60 × 15 ints × 4 B
     * = 360 MB of layer records ({@code LayerRecord.LENGTH} is 15); the 1,000,000 would be
     * 3.6 GB: too much for CI.
     */
    public static final int SCORED_CANDIDATES = 100_000;

    /** Candidates per invocation where the layout, not the memory, is compared (about 1 MB at 20 layers). */
    public static final int COMPARED_CANDIDATES = 1_000;

    /** Strings parsed per invocation of {@code ParseBenchmark}. */
    public static final int PARSED_CANDIDATES = 1_000;

    /** Rows of the CSV file of {@code CsvReadBenchmark} and {@code FilterPipelineBenchmark}. */
    public static final int CSV_ROWS = 100_000;

    /** Layers of each architecture in the CSV file. */
    public static final int CSV_DEPTH = 20;

    private BenchmarkDefaults() {
    }
}
