package io.archmeter.bench;

import io.archmeter.io.ByteSource;
import io.archmeter.io.Constraint;
import io.archmeter.io.CsvInput;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
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

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.CSV_DEPTH;
import static io.archmeter.bench.BenchmarkDefaults.CSV_ROWS;

/**
 * The whole {@code archmeter filter} on the {@link CsvFixture} file that {@link CsvReadBenchmark}
 * reads: CSV in, parse, score, judge {@code --max macs=300M} (about half the rows pass), CSV out
 * with the default metric columns. In <b>rows/s</b>; its ratio to {@link CsvReadBenchmark} (same
 * run, same file) is the share of the single-thread CSV floor the filter reaches.
 *
 * <p>{@code threads} is {@code --threads}: 1 is the single reader ({@code run(Reader, …)}: reader,
 * scorer and writer threads), N ≥ 2 the byte-range pipeline ({@code run(ByteSource, N, …)}: N
 * workers each parsing and scoring whole ranges, the caller writing). Targets on 2 cores: ≥ 60%
 * of the floor at 1 thread, ≥ 100% at 2.
 *
 * <p>Output and rejects go to {@link Writer#nullWriter()}: the rows are still formatted, but not
 * written to disk, as the floor writes nothing either. The pipeline runs its threads on its own,
 * so on 2 cores it competes with nothing but itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterPipelineBenchmark {
    /** The constraint of the run: the median MACs of the generated 20-layer candidates is about 272 M. */
    public static final String MAX_MACS = "macs=300M";

    /** Rows of the file: {@value BenchmarkDefaults#CSV_ROWS}, as {@code @OperationsPerInvocation} says; tests lower it. */
    int rows = CSV_ROWS;

    /** {@code --threads}: 1 the single reader, more the byte-range workers (report.sh: 1, 2 … nproc). */
    @Param({"1", "2"})
    public int threads;

    Path file;
    FilterPipeline pipeline;

    @Setup(Level.Trial)
    public void setup() {
        file = CsvFixture.write(rows, CSV_DEPTH, GeneratedCandidates.SEED);
        pipeline = new FilterPipeline(FilterSpec.builder().constraint(Constraint.max(MAX_MACS)).build());
    }

    /** Filters the file; returns the run's counts. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public FilterStats filter() throws IOException {
        if (threads > 1) {
            try (FileChannel ch = ByteSource.openChannel(file)) {
                return pipeline.run(ByteSource.of(ch), threads, Writer.nullWriter(), Writer.nullWriter());
            }
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return pipeline.run(in, Writer.nullWriter(), Writer.nullWriter());
        }
    }

    /**
     * The same through the command line's input path, {@link CsvInput}: counted bytes, the gzip
     * check of the first bytes, and the UTF-8 decoder that keeps invalid bytes (instead of the
     * JDK's, which replaces them), and with {@code threads} ≥ 2 the file's byte ranges as the
     * command line reads them. Its ratio to {@link #filter()} is the cost of that path (target:
     * within 5%).
     */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public FilterStats filterFromFile() throws IOException {
        try (CsvInput in = CsvInput.open(file.toString())) {
            ByteSource ranges = threads > 1 ? in.splittable() : null;
            FilterPipeline.Prepared job = ranges != null ? pipeline.prepare(ranges, threads) : pipeline.prepare(in.reader());
            return job.run(Writer.nullWriter(), Writer.nullWriter());
        }
    }
}
