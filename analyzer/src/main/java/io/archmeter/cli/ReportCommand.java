package io.archmeter.cli;

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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code archmeter report IN.csv -o report.html}: the numbers of {@code stats} as one
 * self-contained HTML page with charts (see {@link HtmlReport}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One self-contained HTML page (inline SVG and CSS; no script, no network) about a candidate",
            "file: a scatter of two columns (a uniform sample of --sample rows) with the Pareto front of all",
            "rows and the budget lines, the budget table, per-column numbers, a histogram per column and the",
            "Spearman correlations. Same input and options as 'stats'.",
            "",
            "Default scatter: macs against acc (acc:max) if the input has an acc column, else against params.",
            "",
            "Examples:",
            "  archmeter report candidates.csv -o report.html --budget macs=300M,1G --budget act_peak_bytes=2MiB,4MiB",
            "  archmeter report kept.csv -o report.html --x params --y acc:max --svg charts/",
            ""})
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
        StatsRun run = StatsRun.run(options, header -> new Objective[] {ox, oy != null ? oy : defaultY(header)}, err);
        StatsResult r = run.result();
        int xi = r.options().frontX();
        int yi = r.options().frontY();
        String html = HtmlReport.html(r, run.source(), xi, yi);
        OutputFiles.write(Path.of(output), html);
        if (svgDir != null) {
            Path dir = Path.of(svgDir);
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : HtmlReport.charts(r, xi, yi).entrySet()) {
                OutputFiles.write(dir.resolve(e.getKey()), e.getValue());
            }
        }
        if (!options.quiet) {
            err.println(String.format(Locale.ROOT, "report: %,d rows; %s written%s", r.rows(), output,
                    svgDir != null ? ", charts in " + svgDir : ""));
            err.flush();
        }
        return 0;
    }

    /** acc:max if the header has an acc column, else params:min. */
    static Objective defaultY(String[] header) {
        return Arrays.asList(header).contains(ACCURACY) ? new Objective(ACCURACY, true) : new Objective("params", false);
    }
}
