package io.archmeter.cli;

import io.archmeter.engine.Metric;
import io.archmeter.io.AtomicOutput;
import io.archmeter.io.ByteSource;
import io.archmeter.io.CsvInput;
import io.archmeter.io.CsvRowReader;
import io.archmeter.io.Destination;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.model.Conventions;
import io.archmeter.report.StatsReport;
import io.archmeter.stats.Budget;
import io.archmeter.stats.Objective;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;
import io.archmeter.stats.StatsSink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One pass of {@code stats} or {@code report} over the input: decides from the header whether
 * the rows must be scored (an {@code arch} column and no metric column) or already carry their
 * metrics (a file {@code filter} wrote), then feeds every row to a {@link StatsSink}: through the
 * {@link FilterPipeline} when scoring (the same parsing, engine and rejects as {@code filter}),
 * or through the pipeline's own CSV reader when not.
 *
 * @param result the numbers
 * @param source where the rows came from
 */
record StatsRun(StatsResult result, StatsReport.Source source) {

    /**
     * Runs the pass; {@code scatter} (or null), given the header, names the scatter's two
     * objectives, whose Pareto front is then collected too.
     */
    static StatsRun run(StatsOptions o, Function<String[], Objective[]> scatter, PrintWriter err) throws IOException {
        List<Budget> budgets = new ArrayList<>();
        o.budgets.forEach(b -> budgets.add(Budget.parse(b)));
        StatsCollector.Options options = StatsCollector.Options.defaults().withSampling(o.bins, o.sample, o.seed)
                .withExactLimit(o.exact);
        try (CsvInput input = CsvInput.open(o.input); BufferedReader in = new BufferedReader(input.reader(), 1 << 16)) {
            String[] header = CsvRowReader.peekHeader(in);
            boolean scored = needsScoring(header, o.archColumn);
            Objective[] xy = scatter != null ? scatter.apply(header) : new Objective[2];
            StatsSink sink = new StatsSink(scored, o.columns, budgets, xy[0], xy[1], options, Set.of(o.archColumn,
                    FilterSpec.INPUT_COLUMN));
            if (!scored) {
                long rows = readScored(in, sink);
                return new StatsRun(sink.result(), new StatsReport.Source(o.input, rows, 0, null));
            }
            Conventions conventions = o.conventions.toConventions();
            FilterSpec spec = FilterSpec.builder().conventions(conventions)
                    .defaultInput(o.inputShape != null ? SummaryCommand.inputShape(o.inputShape) : null)
                    .cellClasses(FilterCommand.classes(o.classes)).archColumn(o.archColumn).columns(List.of()).build();
            StatsListener listener = new StatsListener(err, o.quiet, o.rejects);
            int n = o.threads != null ? o.threads : Runtime.getRuntime().availableProcessors();
            if (n < 1) {
                throw new IllegalArgumentException("--threads " + n + ": at least 1");
            }
            // a plain regular file is read in byte ranges on n threads, as filter reads it; stdin, pipes, gzip by one reader
            ByteSource file = n > 1 ? input.splittable() : null;
            FilterPipeline pipeline = new FilterPipeline(spec).listener(listener).keptRows(sink);
            // the header is checked (and the sink's columns found) before the rejects file is opened
            FilterPipeline.Prepared job = file != null ? pipeline.prepare(file, n) : pipeline.prepare(in);
            FilterStats stats;
            if (o.rejects == null) {
                stats = job.run(Writer.nullWriter(), Writer.nullWriter());
            } else {
                Destination rejects = Destination.output(o.rejects);
                Destination.requireDistinct(o.input, rejects);
                try (AtomicOutput r = AtomicOutput.open(rejects)) {
                    stats = job.run(Writer.nullWriter(), r.writer());
                    r.commit();
                }
            }
            String shape = o.inputShape != null ? "input " + o.inputShape : "each notation's reference input";
            String with = shape + ", " + conventions.label();
            return new StatsRun(sink.result(), new StatsReport.Source(o.input, stats.rowsRead(), stats.rejected(), with));
        }
    }

    /**
     * True if rows must be scored: the header has the architecture column and no numeric metric
     * column (a file {@code filter} wrote has both, and its metrics are read instead).
     *
     * @throws IllegalArgumentException if it has neither
     */
    static boolean needsScoring(String[] header, String archColumn) {
        boolean arch = false;
        for (String h : header) {
            Metric m = Metric.ofColumn(h);
            if (m != null && m.isNumeric()) {
                return false;
            }
            arch |= h.equals(archColumn);
        }
        if (!arch) {
            throw new IllegalArgumentException("the input has neither an '" + archColumn + "' column to score nor metric columns"
                    + " (macs, params, ...) to read; columns: " + String.join(", ", header) + " (see --arch-column)");
        }
        return true;
    }

    /** Feeds the rows of a file that carries its metrics; returns the rows read. */
    private static long readScored(BufferedReader in, StatsSink sink) throws IOException {
        CsvRowReader rows = new CsvRowReader(in);
        sink.start(rows.header());
        long seq = 0;
        for (String[] cells = rows.next(); cells != null; cells = rows.next()) {
            sink.take(seq++, cells, null, 0);
        }
        return seq;
    }
}
