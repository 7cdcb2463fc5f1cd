package io.archmeter.cli;

import io.archmeter.engine.Metric;
import io.archmeter.io.ConsoleReporter;
import io.archmeter.io.Constraint;
import io.archmeter.io.CountingInputStream;
import io.archmeter.io.CsvStreams;
import io.archmeter.io.FailFastException;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.model.InputShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code archmeter filter IN.csv -o OUT.csv --max macs=600M --min rf=224}: streams a candidate CSV
 * through {@link FilterPipeline}. This class only opens the streams and reports; see the pipeline
 * for what happens to the rows.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores every architecture of a CSV and keeps the rows that meet the constraints.",
            "",
            "Input: a CSV (RFC 4180) with a header row and an 'arch' column (see --arch-column); an optional",
            "'input' column (e.g. 227x227x3) overrides --input per row (an empty cell means --input). Every",
            "column is passed through unchanged, in order; the metric columns are appended.",
            "Output: RFC 4180 CSV with \\n line ends, fields quoted only where needed, rows in input order.",
            "A name ending in .gz is read or written gzip-compressed; '-' is stdin or stdout.",
            "",
            "Rejects: a row whose architecture does not parse, whose input cell is malformed, whose shapes",
            "are invalid, or whose constrained input cell is not a number goes to the rejects file with",
            "columns line,reason followed by its own columns (line = its 1-based line in the input, the",
            "header being line 1). The first 5 reasons are also echoed to stderr.",
            "",
            "Stderr: progress (a line rewritten in place on a terminal, else a line every 5 s) and a",
            "summary: rows read = kept + filtered out + rejected, the rows each constraint removed (a row",
            "failing several constraints counts against each), time, rows/s and MB/s (bytes read; for .gz,",
            "compressed bytes). --quiet silences progress, echoed rejects and summary, not errors.",
            "",
            "Examples:",
            "  archmeter filter candidates.csv -o kept.csv --max macs=600M --max params=5M \\",
            "      --max act_peak_bytes=320KiB --min rf=224",
            "  archmeter filter big.csv.gz -o - --min acc=0.7 --columns macs,rf_h,rf_w | head",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (rows may have been rejected: see the summary and the rejects file)",
            "2:usage error or malformed CSV (no header, no arch column, unbalanced quote, wrong number of fields;%n"
                + "the message gives the line), or an I/O error",
            "3:--fail-fast and a row was rejected (the message gives its line and reason)"})
public final class FilterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.csv[.gz]", description = "The candidate CSV; '-' for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv[.gz]", defaultValue = "-",
            description = "Where the kept rows go; '-' (default) for stdout.")
    String output;

    @Option(names = "--max", paramLabel = "NAME=VALUE",
            description = {"Keep rows with NAME <= VALUE (repeatable). NAME: a numeric metric column or a numeric",
                "input column. VALUE takes K, M, G (x1000) and Ki, Mi, Gi (x1024), and for byte metrics",
                "B, KB, MB, GB, KiB, MiB, GiB; metric limits must be whole numbers (1.5M is fine)."})
    List<String> max = new ArrayList<>();

    @Option(names = "--min", paramLabel = "NAME=VALUE", description = "Keep rows with NAME >= VALUE (repeatable), e.g. --min rf=224 --min acc=0.7.")
    List<String> min = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "NAME[,NAME...]", split = ",",
            description = {"Metric columns to append (default: macs,flops,params,weight_bytes,act_peak_bytes,",
                "act_total_bytes,rf,rf_stride,out_shape). Also: rf_h, rf_w, rf_stride_h, rf_stride_w,",
                "rf_pad_h, rf_pad_w, out_h, out_w, out_c. A name that is also an input column is an error."})
    List<String> columns;

    @Option(names = "--all", description = {"Write every valid row, with a trailing 'pass' column (true/false), instead of",
        "only the kept rows."})
    boolean all;

    @Option(names = "--input", paramLabel = "HxWxC", defaultValue = "224x224x3",
            description = "Input shape (height x width x channels) of rows without an 'input' cell (default ${DEFAULT-VALUE}).")
    String inputShape;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10",
            description = {"Classes of NAS-Bench-201 cell strings (|nor_conv_3x3~0|+|...|) and NATS-Bench size strings",
                "(8:16:32:48:64): 10 for CIFAR-10 (default), 100 for CIFAR-100, 120 for ImageNet16-120",
                "(with --input 16x16x3; CIFAR is 32x32x3)."})
    int classes;

    @Option(names = "--arch-column", paramLabel = "NAME", defaultValue = FilterSpec.DEFAULT_ARCH_COLUMN,
            description = "The architecture column (default ${DEFAULT-VALUE}).")
    String archColumn;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = {"Where rejected rows go (.gz compresses). Default: next to the output, .csv or .csv.gz",
                "replaced by .rejects.csv (kept.csv -> kept.rejects.csv); with output to stdout, rejects.csv",
                "in the current directory. Always written, with its header even when nothing is rejected."})
    String rejects;

    @Option(names = "--fail-fast", description = "Stop at the first rejected row, with exit code 3 and its reason.")
    boolean failFast;

    @Option(names = "--quiet", description = "No progress, echoed rejects or summary on stderr (errors still go there).")
    boolean quiet;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "" + FilterSpec.DEFAULT_CHUNK_SIZE,
            description = "Rows per pipeline chunk (default ${DEFAULT-VALUE}); memory holds a few chunks.")
    int chunkSize;

    @Mixin
    ConventionOptions conventions;

    @Override
    public Integer call() throws IOException {
        FilterSpec filterSpec = filterSpec();
        String rejectsPath = rejects != null ? rejects : CsvStreams.defaultRejects(output);
        requireDistinct(rejectsPath);
        PrintWriter err = spec.commandLine().getErr();
        CountingInputStream bytes = CsvStreams.openCounted(input);
        ConsoleReporter reporter = new ConsoleReporter(err, quiet, System.console() != null, bytes::count, rejectsPath);
        FilterPipeline pipeline = new FilterPipeline(filterSpec).listener(reporter);
        FilterStats stats;
        try (bytes; Reader in = CsvStreams.reader(input, bytes); Writer out = CsvStreams.writer(output);
             Writer rej = CsvStreams.writer(rejectsPath)) {
            try {
                stats = pipeline.run(in, out, rej);
            } catch (FailFastException e) {
                err.println("archmeter: --fail-fast: rejected line " + e.line() + ": " + e.reason()
                        + " (" + e.stats().rowsRead() + " rows read; the row is in " + rejectsPath + ")");
                err.flush();
                return 3;
            }
        }
        reporter.summary(stats.withBytesRead(bytes.count()), CsvStreams.isGzip(input));
        return 0;
    }

    FilterSpec filterSpec() {
        List<Constraint> constraints = new ArrayList<>();
        max.forEach(m -> constraints.add(Constraint.max(m)));
        min.forEach(m -> constraints.add(Constraint.min(m)));
        return FilterSpec.builder()
                .conventions(conventions.toConventions())
                .defaultInput(InputShape.parse(inputShape))
                .cellClasses(classes)
                .archColumn(archColumn)
                .constraints(constraints)
                .columns(columns != null ? FilterSpec.parseColumns(columns) : List.of(Metric.DEFAULT_COLUMNS))
                .all(all)
                .failFast(failFast)
                .chunkSize(chunkSize)
                .build();
    }

    /** Refuses to overwrite the input with the output or the rejects, or the output with the rejects. */
    private void requireDistinct(String rejectsPath) throws IOException {
        if (!CsvStreams.STD.equals(output) && samePath(output, input)) {
            throw new IllegalArgumentException("the output " + output + " is the input: choose another -o");
        }
        if (samePath(rejectsPath, input) || samePath(rejectsPath, output)) {
            throw new IllegalArgumentException("the rejects file " + rejectsPath + " is the input or the output: choose another --rejects");
        }
    }

    private static boolean samePath(String a, String b) {
        if (CsvStreams.STD.equals(a) || CsvStreams.STD.equals(b)) {
            return false;
        }
        Path pa = Path.of(a).toAbsolutePath().normalize();
        Path pb = Path.of(b).toAbsolutePath().normalize();
        try {
            return pa.equals(pb) || Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb);
        } catch (IOException e) {
            return pa.equals(pb);
        }
    }
}
