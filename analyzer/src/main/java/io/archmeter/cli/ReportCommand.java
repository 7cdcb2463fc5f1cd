package io.archmeter.cli;

import io.archmeter.io.InputFailedException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.report.HtmlReport;
import io.archmeter.stats.Objective;
import io.archmeter.stats.StatsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code archmeter report IN.csv -o report.html}: the numbers of {@code stats} as one
 * self-contained HTML page with charts (see {@link HtmlReport}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "One self-contained HTML page with charts about a candidate file.",
        description = {
            // one string per paragraph: picocli wraps each at the usage width
            "One self-contained HTML page (inline SVG and CSS; no script, no network) about a candidate file: a scatter of"
                + " two columns (a uniform sample of --sample rows) with the Pareto front of all rows and the budget lines,"
                + " the budget table, per-column numbers, a histogram per column and the Spearman correlations. Same input"
                + " and options as 'stats'. The page and the --svg charts are written whole, all or none.",
            "",
            "Default scatter: macs against acc (acc:max) if the input has an acc column, else against params.",
            "",
            "Examples:",
            "  archmeter report candidates.csv -o report.html --budget macs=300M,1G --budget act_peak_bytes=2MiB,4MiB",
            "  archmeter report kept.csv -o report.html --x params --y acc:max --svg charts/",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (rows may have been rejected: the output says how many)",
            "2:usage error: a bad option, an unknown column, a missing input, a malformed CSV or header",
            "4:I/O error: an output could not be written (the message names it and the cause), or the input could not be read",
            "141:stdout's reader went away (e.g. | head)"})
public final class ReportCommand implements Callable<Integer> {
    /** The default y column when the input has it. */
    static final String ACCURACY = "acc";

    @Spec
    CommandSpec spec;

    @Mixin
    StatsOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "report.html", defaultValue = "report.html",
            description = "The HTML file (default ${DEFAULT-VALUE}), written whole and atomically.")
    String output;

    @Option(names = "--svg", paramLabel = "DIR", description = "Also write each chart as an SVG file into DIR (created if missing).")
    String svgDir;

    @Option(names = "--x", paramLabel = "COL[:min|max]", defaultValue = "macs:min",
            description = "The scatter's x column and which way is better, for its front (default ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--y", paramLabel = "COL[:min|max]",
            description = "The scatter's y column (default: acc:max if there is an acc column, else params:min).")
    String y;

    @Override
    public Integer call() throws IOException {
        Objective ox = Objective.parse(x);
        Objective oy = y != null ? Objective.parse(y) : null;
        PrintWriter err = spec.commandLine().getErr();
        long rows;
        if (svgDir != null && Files.exists(Path.of(svgDir)) && !Files.isDirectory(Path.of(svgDir))) {
            throw new IllegalArgumentException("--svg " + svgDir + " is a file: name a directory (created if missing)");
        }
        try {
            OutputFiles.resolve(options.input, Map.of(output, ""));
            StatsRun run = StatsRun.run(options, header -> new Objective[] {ox, oy != null ? oy : defaultY(header)}, err);
            StatsResult r = run.result();
            rows = r.rows();
            int xi = r.options().frontX();
            int yi = r.options().frontY();
            Map<String, String> files = new LinkedHashMap<>();
            files.put(output, HtmlReport.html(r, run.source(), xi, yi));
            if (svgDir != null) {
                Path dir = Path.of(svgDir);
                Files.createDirectories(dir);
                for (Map.Entry<String, String> e : HtmlReport.charts(r, xi, yi).entrySet()) {
                    files.put(dir.resolve(e.getKey()).toString(), e.getValue());
                }
            }
            // the page and its charts: all written out before any replaces a previous file
            OutputFiles.write(OutputFiles.resolve(options.input, files));
        } catch (OutputFailedException e) {
            return ExitCode.of(e, err);
        } catch (InputFailedException e) {
            return ExitCode.of(e, err);
        }
        if (!options.quiet) {
            err.println(String.format(Locale.ROOT, "report: %,d rows; %s written%s", rows, output,
                    svgDir != null ? ", charts in " + svgDir : ""));
            err.flush();
        }
        return ExitCode.OK;
    }

    /** acc:max if the header has an acc column, else params:min. */
    static Objective defaultY(String[] header) {
        return Arrays.asList(header).contains(ACCURACY) ? new Objective(ACCURACY, true) : new Objective("params", false);
    }
}
