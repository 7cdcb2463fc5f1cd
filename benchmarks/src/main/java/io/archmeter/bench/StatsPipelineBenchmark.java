package io.archmeter.bench;

import io.archmeter.io.Constraint;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.stats.Budget;
import io.archmeter.stats.Objective;
import io.archmeter.stats.RowSelection;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;
import io.archmeter.stats.StatsSink;
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
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.CSV_DEPTH;
import static io.archmeter.bench.BenchmarkDefaults.CSV_ROWS;

/**
 * {@code archmeter stats} and {@code filter --pareto / --top} against plain {@code filter}, on the
 * {@link CsvFixture} file of {@link FilterPipelineBenchmark} (same run, same bytes): the issue's
 * target is that statistics and selection cost at most 20% more than the filter they replace,
 * i.e. {@code stats / filter ≥ 0.83} and {@code pareto / filter ≥ 0.83} in rows/s.
 *
 * <ul>
 *   <li>{@link #filter}: the baseline, {@code --max macs=300M} (about half the rows written,
 *       default columns, to {@link Writer#nullWriter()}), as {@link FilterPipelineBenchmark}.</li>
 *   <li>{@link #stats}: the pipeline with a {@link StatsSink} taking every row: nine columns
 *       (eight metrics and {@code acc}), quantile sketches, histograms, a 20,000-row sample and
 *       its correlations, a 3 × 2 budget table; nothing written.</li>
 *   <li>{@link #pareto}: {@code --max macs=300M --pareto macs:min,acc:max}: the front written at the end.</li>
 *   <li>{@link #top}: {@code --max macs=300M --top 100 --by acc:max}.</li>
 * </ul>
 * The result of {@link #stats} includes computing the summaries (sorting the sketches' values,
 * the correlations of the sample) once per invocation, as the command does once per file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatsPipelineBenchmark {
    /** The budgets of the stats run. */
    static final List<String> BUDGETS = List.of("macs=100M,300M,1G", "act_peak_bytes=2MiB,4MiB");

    /** Rows of the file: {@value BenchmarkDefaults#CSV_ROWS}, as {@code @OperationsPerInvocation} says; tests lower it. */
    int rows = CSV_ROWS;

    Path file;
    FilterSpec filterSpec;
    FilterSpec statsSpec;

    @Setup(Level.Trial)
    public void setup() {
        file = CsvFixture.write(rows, CSV_DEPTH, GeneratedCandidates.SEED);
        filterSpec = FilterSpec.builder().constraint(Constraint.max(FilterPipelineBenchmark.MAX_MACS)).build();
        statsSpec = FilterSpec.builder().columns(List.of()).build();
    }

    /** The baseline: filter the file. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public FilterStats filter() throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new FilterPipeline(filterSpec).run(in, Writer.nullWriter(), Writer.nullWriter());
        }
    }

    /** Statistics of every row, as {@code archmeter stats FILE --budget …} computes them. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public StatsResult stats() throws IOException {
        StatsSink sink = new StatsSink(true, List.of(), BUDGETS.stream().map(Budget::parse).toList(), null, null,
                StatsCollector.Options.defaults(), Set.of("arch", "input"));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new FilterPipeline(statsSpec).keptRows(sink).run(in, Writer.nullWriter(), Writer.nullWriter());
        }
        return sink.result();
    }

    /** The Pareto front of the rows within the constraint. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public RowSelection pareto() throws IOException {
        return select(new RowSelection(Objective.parseList("macs:min,acc:max"), 0, null, null));
    }

    /** The 100 best rows by acc within the constraint. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public RowSelection top() throws IOException {
        return select(new RowSelection(List.of(), 100, Objective.parse("acc:max"), null));
    }

    private RowSelection select(RowSelection selection) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new FilterPipeline(filterSpec).keptRows(selection).run(in, Writer.nullWriter(), Writer.nullWriter());
        }
        return selection;
    }
}
