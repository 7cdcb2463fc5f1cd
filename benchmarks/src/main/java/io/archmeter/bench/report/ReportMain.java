package io.archmeter.bench.report;

import io.archmeter.bench.GeneratedCandidates;
import io.archmeter.bench.parse.TokenStatistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's command line, run by {@code benchmarks/report.sh}:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain render RESULTS.json [OUT_DIR]
 *       writes OUT_DIR/REPORT.md and OUT_DIR/report.svg (OUT_DIR defaults to the directory of RESULTS.json)
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain compare A.json B.json
 *       prints B's change over A, per benchmark, in percent
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain merge OUT.json IN.json...
 *       concatenates JMH result files (several JMH runs, one report); OUT may be one of the INs
 * </pre>
 */
public final class ReportMain {
    /** Candidates per depth for the token statistics of the report: a second or so. */
    static final int TOKEN_SAMPLE = 20_000;

    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("render")) {
            Path json = Path.of(args[1]);
            Path out = args.length > 2 ? Path.of(args[2]) : json.toAbsolutePath().getParent();
            render(json, out, true);
            System.out.println("wrote " + out.resolve("REPORT.md") + " and " + out.resolve("report.svg"));
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.out.print(ResultComparison.compare(ResultsFile.read(Path.of(args[1])), ResultsFile.read(Path.of(args[2])),
                    args[1], args[2]));
        } else if (args.length >= 3 && args[0].equals("merge")) {
            List<Path> inputs = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                inputs.add(Path.of(args[i]));
            }
            merge(inputs, Path.of(args[1]));
        } else {
            System.err.println("usage: ReportMain render RESULTS.json [OUT_DIR]");
            System.err.println("       ReportMain compare A.json B.json");
            System.err.println("       ReportMain merge OUT.json IN.json...");
            System.exit(2);
        }
    }

    /**
     * Writes the entries of every JMH result file of {@code inputs}, in order, as one JSON array
     * to {@code out}. Textual: each file is a JSON array, whose brackets are dropped and whose
     * contents are joined with commas, so every entry is kept byte for byte.
     */
    public static void merge(List<Path> inputs, Path out) throws IOException {
        StringBuilder merged = new StringBuilder("[");
        for (Path in : inputs) {
            String body = Files.readString(in, StandardCharsets.UTF_8).strip();
            ResultsFile.parse(body);                       // refuse anything that is not a result file
            body = body.substring(1, body.length() - 1).strip();
            if (!body.isEmpty()) {
                merged.append(merged.length() > 1 ? ",\n" : "\n").append(body);
            }
        }
        Files.writeString(out, merged.append("\n]\n").toString(), StandardCharsets.UTF_8);
    }

    /** Renders {@code json} into {@code out}/REPORT.md and {@code out}/report.svg. */
    public static void render(Path json, Path out, boolean withTokenStatistics) throws IOException {
        List<BenchmarkResult> results = ResultsFile.read(json);
        List<TokenStatistics> tokens = new ArrayList<>();
        if (withTokenStatistics) {
            for (int depth : new int[] {8, 20, 60}) {
                tokens.add(TokenStatistics.of(GeneratedCandidates.SEED, TOKEN_SAMPLE, depth));
            }
        }
        String md = new MarkdownReport(new ResultSet(results), MachineInfo.detect(results), json.getFileName().toString(), tokens)
                .render();
        Files.createDirectories(out);
        Files.writeString(out.resolve("REPORT.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.svg"),
                SvgBarChart.render(results, "archmeter benchmarks: " + json.getFileName()), StandardCharsets.UTF_8);
    }
}
