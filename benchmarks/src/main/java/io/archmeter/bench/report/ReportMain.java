package io.archmeter.bench.report;

import io.archmeter.bench.GeneratedCandidates;
import io.archmeter.bench.parse.TokenStatistics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's command line, run by {@code benchmarks/report.sh}:
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain render RESULTS.json [OUT_DIR]
 *       writes the report of RESULTS.json into OUT_DIR (default: the directory of RESULTS.json): REPORT.md and
 *       report.svg for a full run (a file named *-full.json), else NAME.md and NAME.svg after the results file
 *       (2026-12-01-quick.json: 2026-12-01-quick.md and 2026-12-01-quick.svg), so that a quick run never
 *       replaces the committed report
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain compare A.json B.json
 *       prints B's change over A, per benchmark, in percent
 *   java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.report.ReportMain merge OUT.json IN.json...
 *       concatenates JMH result files (several JMH runs, one report); OUT may be one of the INs
 * </pre>
 * A missing or malformed file is one line on stderr and exit code 2; a usage error prints the usage, exit 2.
 */
public final class ReportMain {
    /** Candidates per depth for the token statistics of the report: a second or so. */
    static final int TOKEN_SAMPLE = 20_000;

    static final String USAGE = "usage: ReportMain render RESULTS.json [OUT_DIR] | compare A.json B.json | merge OUT.json IN.json...";

    private ReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code: 0, or 2 with one line on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 2 && args.length <= 3 && args[0].equals("render")) {
                Path json = Path.of(args[1]);
                Path dir = args.length > 2 ? Path.of(args[2]) : json.toAbsolutePath().getParent();
                ReportFiles files = ReportFiles.of(json, dir);
                render(json, files, true);
                out.println("wrote " + files.markdown() + " and " + files.svg());
            } else if (args.length == 3 && args[0].equals("compare")) {
                out.print(ResultComparison.compare(ResultsFile.read(Path.of(args[1])), ResultsFile.read(Path.of(args[2])),
                        args[1], args[2]));
            } else if (args.length >= 3 && args[0].equals("merge")) {
                List<Path> inputs = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    inputs.add(Path.of(args[i]));
                }
                merge(inputs, Path.of(args[1]));
            } else {
                err.println(USAGE);
                return 2;
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("report: no such file: " + e.getFile());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            return 2;
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
            try {
                ResultsFile.parse(body);                       // refuse anything that is not a result file
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
            }
            body = body.substring(1, body.length() - 1).strip();
            if (!body.isEmpty()) {
                merged.append(merged.length() > 1 ? ",\n" : "\n").append(body);
            }
        }
        Files.writeString(out, merged.append("\n]\n").toString(), StandardCharsets.UTF_8);
    }

    /** Renders {@code json} into the report files {@link ReportFiles#of} names. */
    public static void render(Path json, Path dir, boolean withTokenStatistics) throws IOException {
        render(json, ReportFiles.of(json, dir), withTokenStatistics);
    }

    private static void render(Path json, ReportFiles files, boolean withTokenStatistics) throws IOException {
        List<BenchmarkResult> results;
        try {
            results = ResultsFile.read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(json + ": " + e.getMessage(), e);
        }
        List<TokenStatistics> tokens = new ArrayList<>();
        if (withTokenStatistics) {
            for (int depth : new int[] {8, 20, 60}) {
                tokens.add(TokenStatistics.of(GeneratedCandidates.SEED, TOKEN_SAMPLE, depth));
            }
        }
        String name = json.getFileName().toString();
        String md = new MarkdownReport(new ResultSet(results), MachineInfo.detect(results, name), name, tokens,
                files.svg().getFileName().toString()).render();
        Files.createDirectories(files.markdown().toAbsolutePath().getParent());
        Files.writeString(files.markdown(), md, StandardCharsets.UTF_8);
        Files.writeString(files.svg(), SvgBarChart.render(results, "archmeter benchmarks: " + json.getFileName()), StandardCharsets.UTF_8);
    }
}
