package io.archmeter.cli;

import io.archmeter.io.InputFailedException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.report.StatsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code archmeter stats IN.csv}: per-column numbers, histograms, rank correlations and a budget
 * table of a candidate file, in one streaming pass (see {@link StatsRun} and {@code io.archmeter.stats}).
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Streaming statistics of a candidate file: quantiles, histograms, correlations and budget counts.",
        description = {
            // one string per paragraph: picocli wraps each at the usage width
            "Streaming statistics of a candidate file: per column count, min, p1, p10, median, p90, p99, max, mean and"
                + " missing values; a histogram per column; Spearman rank correlations; and with --budget, how many rows"
                + " each combination of budgets keeps.",
            "",
            "Memory does not grow with the rows: quantiles are exact while a column has at most --exact distinct values"
                + " (default 4,096), else within 0.1%% of the exact value (nearest rank, numpy 'inverted_cdf'); correlations"
                + " are over a uniform sample of --sample rows (exact when the file is no longer). Text rounds to 4"
                + " significant digits; csv and json print exact values.",
            "",
            "Examples:",
            "  archmeter stats candidates.csv",
            "  archmeter stats candidates.csv --budget macs=100M,200M,400M --budget act_peak_bytes=256KiB,512KiB",
            "  archmeter filter big.csv.gz -o kept.csv --max params=5M && archmeter stats kept.csv --format json",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (rows may have been rejected: the output says how many)",
            "2:usage error: a bad option, an unknown column, a missing input, a malformed CSV or header",
            "4:I/O error: an output could not be written (the message names it and the cause), or the input could not be read",
            "141:stdout's reader went away (e.g. | head)"})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StatsOptions options;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--table", paramLabel = "stats|histogram|correlation|budget", defaultValue = "stats",
            description = "With --format csv: which table (default ${DEFAULT-VALUE}); JSON holds them all.")
    String table;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "Where the output goes, written whole and atomically; '-' (default) for stdout.")
    String output;

    @Override
    public Integer call() throws IOException {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "': expected text, csv or json");
        }
        StatsReport.Table t = table(table);
        PrintWriter err = spec.commandLine().getErr();
        try {
            // the output's directory and distinctness are checked before the input is read
            OutputFiles.resolve(options.input, Map.of(output, ""));
            StatsRun run = StatsRun.run(options, null, err);
            String text = switch (f) {
                case "csv" -> StatsReport.csv(run.result(), t);
                case "json" -> StatsReport.json(run.result(), run.source());
                default -> StatsReport.text(run.result(), run.source());
            };
            OutputFiles.write(OutputFiles.resolve(options.input, Map.of(output, text)));
            return ExitCode.OK;
        } catch (OutputFailedException e) {
            return ExitCode.of(e, err);
        } catch (InputFailedException e) {
            return ExitCode.of(e, err);
        }
    }

    static StatsReport.Table table(String name) {
        for (StatsReport.Table t : StatsReport.Table.values()) {
            if (t.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown table '" + name + "': expected stats, histogram, correlation or budget");
    }
}
