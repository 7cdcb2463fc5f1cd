package io.archmeter.cli;

import io.archmeter.engine.Metric;
import io.archmeter.io.AtomicOutput;
import io.archmeter.io.ByteSource;
import io.archmeter.io.ConsoleReporter;
import io.archmeter.io.Constraint;
import io.archmeter.io.CsvInput;
import io.archmeter.io.Destination;
import io.archmeter.io.FailFastException;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.Warmup;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.InputFailedException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.Text;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.stats.Objective;
import io.archmeter.stats.RowSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code archmeter filter IN.csv -o OUT.csv --max macs=600M --min rf=224}: streams a candidate CSV
 * through {@link FilterPipeline}. This class only opens the streams and reports; see the pipeline
 * for what happens to the rows.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            // one string per paragraph: picocli wraps each at the usage width, so no line breaks mid-sentence
            "Scores every architecture of a CSV and keeps the rows that meet the constraints.",
            "",
            "Input: a CSV (RFC 4180) with a header row and an 'arch' column (see --arch-column); an optional 'input' column"
                + " (e.g. 227x227x3) overrides --input per row (an empty cell means --input). Every column is passed through"
                + " unchanged, in order; the metric columns are appended. Output: RFC 4180 CSV with \\n line ends, fields"
                + " quoted only where needed, rows in input order. An output name ending in .gz is written gzip-compressed;"
                + " '-' is stdin or stdout.",
            "",
            "Rejects: a row whose architecture does not parse, whose input cell is malformed, whose shapes are invalid, or"
                + " whose constrained input cell is not a number goes to the rejects file with columns line,reason followed by"
                + " its own columns (line = its 1-based line in the input, the header being line 1). The first 5 reasons are"
                + " also echoed to stderr. Rejects go to --rejects, or by default beside a file output (kept.csv ->"
                + " kept.rejects.csv); with output to stdout or a device and no --rejects they are only counted (the summary"
                + " says so).",
            "",
            "Files are replaced only by a run that succeeds: the output and rejects are written to hidden temporary files"
                + " beside them and renamed at the end, so a failed or killed run leaves the previous files as they were."
                + " Every write is checked: a full disk or a closed stdout stops the run at once. Options and the header are"
                + " checked before anything is written. Output to stdout is flushed after each chunk.",
            "",
            "Data passes through unchanged: a byte-order mark before the header is dropped; bytes that are not valid UTF-8"
                + " are written back as they were read. Gzip input is recognised by its first bytes, whatever its name;"
                + " bytes after the gzip data are an error.",
            "",
            "Memory is bounded whatever the input: a few chunks of at most --chunk-size rows and 4 Mi characters, rows of"
                + " at most --max-row-chars characters. Limits, and the cells compared with them, are numbers of at most 64"
                + " characters with a magnitude within 1e-1000..1e1000.",
            "",
            "Stderr: progress (a line rewritten in place on a terminal, else a line every 5 s) and a summary: rows read ="
                + " kept + filtered out + rejected, the rows each constraint removed (a row failing several constraints"
                + " counts against each), time, rows/s and MB/s (bytes read; for gzip, compressed bytes). --quiet silences"
                + " progress, echoed rejects and summary, not errors.",
            "",
            "Selection, after the constraints, in the same pass (the rows are written when the input ends): --pareto"
                + " keeps the rows no other kept row dominates (rows with equal objective values are all kept), in input"
                + " order; --top K --by COL keeps the K best, best first, ties by input order; both: the K best of the"
                + " front. --sort orders either by a column. A selection column must be a number in every kept row (else"
                + " the row is rejected). The summary says how many rows the front has.",
            "",
            "Examples:",
            "  archmeter filter candidates.csv -o kept.csv --max macs=600M --max params=5M --max act_peak_bytes=320KiB --min rf=224",
            "  archmeter filter big.csv.gz -o - --min acc=0.7 --columns macs,rf_h,rf_w | head",
            "  archmeter filter candidates.csv -o front.csv --max params=5M --pareto macs:min,acc:max",
            "  archmeter filter candidates.csv -o best.csv --top 100 --by acc:max --sort macs",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (rows may have been rejected: see the summary and the rejects file)",
            "2:usage error: a bad option, a constraint on a missing or non-numeric column, two outputs in one place, a missing"
                + " input, a malformed CSV or header (the message gives the line), a row too long, corrupt gzip data",
            "3:--fail-fast and a row was rejected (the message gives its line and reason)",
            "4:I/O error: an output could not be written (disk full, closed stdout, missing directory; the message names it and"
                + " the cause), or the input could not be read",
            "141:stdout's reader went away (e.g. | head): the run stopped at once, quietly"})
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

    @Option(names = "--all", description = "Write every valid row, with a trailing 'pass' column (true/false), instead of only the kept rows.")
    boolean all;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = "Input shape (height x width x channels) of rows without an 'input' cell. Default: each notation's"
                + " reference input: 32x32x3 for NAS-Bench-101/201 cells, NATS-Bench size strings and DARTS genotypes (CIFAR),"
                + " 224x224x3 for RegNet designs, the MobileNet-family notations and archmeter architecture strings. A config"
                + " that states its resolution (ofa-mbv3 and mcunet r, proxyless r, net_config resolution) is costed at it (r x r x 3).")
    String inputShape;

    @Option(names = "--classes", paramLabel = "N",
            description = "Classes of the classifier of search-space notations (NAS-Bench-101/201 cells, NATS-Bench"
                + " size strings, DARTS genotypes, RegNet designs, timm:, ofa-mbv3:, mcunet:, proxyless:). Default: each"
                + " space's reference: 10 (CIFAR-10), 1000 for RegNet, the MobileNet family and DARTS on ImageNet-sized inputs;"
                + " e.g. 100 for CIFAR-100, 120 for ImageNet16-120 (with --input 16x16x3). A net_config's classifier states its own.")
    Integer classes;

    @Option(names = "--arch-column", paramLabel = "NAME", defaultValue = FilterSpec.DEFAULT_ARCH_COLUMN,
            description = "The architecture column (default ${DEFAULT-VALUE}).")
    String archColumn;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = {"Where rejected rows go (.gz compresses; '-' is stdout). Default: next to a file output,",
                ".csv or .csv.gz replaced by .rejects.csv (kept.csv -> kept.rejects.csv); none for output to",
                "stdout or a device. Written with its header even when nothing is rejected."})
    String rejects;

    @Option(names = "--fail-fast", description = "Stop at the first rejected row, with exit code 3 and its reason.")
    boolean failFast;

    @Option(names = "--quiet", description = "No progress, echoed rejects or summary on stderr (errors still go there).")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that read and score a plain input file in parallel, each a byte range of whole records"
                + " (default: the cores of this machine). The output is the same for every N. Gzip data, stdin and pipes are"
                + " read by one reader whatever N (not splittable); so is every input with --threads 1.")
    Integer threads;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "" + FilterSpec.DEFAULT_CHUNK_SIZE,
            description = {"Most rows per pipeline chunk, 1 to 1048576 (default ${DEFAULT-VALUE}); a chunk also ends at",
                "4 Mi characters. Output is flushed after each chunk: --chunk-size 1 answers a coprocess row by row."})
    int chunkSize;

    @Option(names = "--max-row-chars", paramLabel = "N", defaultValue = "" + FilterSpec.DEFAULT_MAX_ROW_CHARS,
            description = "Longest row accepted, in characters (default ${DEFAULT-VALUE}); a longer one stops the run (exit 2).")
    int maxRowChars;

    @Option(names = "--pareto", paramLabel = "COL:DIR,COL:DIR[,...]",
            description = "Keep only the Pareto front of the kept rows over these objectives (2 or more), e.g. macs:min,acc:max."
                    + " COL: a numeric metric or a numeric input column; DIR: min or max (metrics default to min; input columns"
                    + " must say).")
    String pareto;

    @Option(names = "--top", paramLabel = "K", description = "Keep only the K best kept rows by --by (ties: the earlier row).")
    Integer top;

    @Option(names = "--by", paramLabel = "COL[:min|max]", description = "The column ranking --top (metrics default to min).")
    String by;

    @Option(names = "--sort", paramLabel = "COL[:min|max]",
            description = "Order the selected rows by this column, ties by input order (default: input order for --pareto, best first for --top).")
    String sort;

    @Mixin
    ConventionOptions conventions;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return filter(err);
        } catch (OutputFailedException e) {
            return ExitCode.of(e, err);
        } catch (InputFailedException e) {
            return ExitCode.of(e, err);
        }
    }

    /**
     * Checks the options, then the outputs' destinations, then the input's header; only then opens
     * the outputs (temporary files), runs, and replaces the targets if the run succeeded.
     */
    private int filter(PrintWriter err) throws IOException {
        FilterSpec filterSpec = filterSpec();
        RowSelection selection = selection();
        Destination out = Destination.output(output);
        Destination rej = rejects != null ? Destination.output(rejects) : Destination.defaultRejects(out);
        Destination.requireDistinct(input, out, rej);
        String rejectsName = rej == null ? null : Text.escape(rej.describe(), Text.ECHO_LIMIT);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads " + n + ": at least 1");
        }
        try (CsvInput in = CsvInput.open(input)) {
            // a plain regular file is read in byte ranges on n threads; stdin, a pipe and gzip data by one reader
            ByteSource file = n > 1 ? in.splittable() : null;
            FilterPipeline pipeline = new FilterPipeline(filterSpec).keptRows(selection);
            LongSupplier progress = file != null ? pipeline::rangeBytesWritten : in::bytesRead;
            ConsoleReporter reporter = new ConsoleReporter(err, quiet, System.console() != null, progress, rejectsName);
            pipeline.listener(reporter);
            FilterPipeline.Prepared job = file != null ? pipeline.prepare(file, n) : pipeline.prepare(in.reader());
            FilterStats stats;
            try (AtomicOutput o = AtomicOutput.open(out); AtomicOutput r = rej != null ? AtomicOutput.open(rej) : null) {
                try {
                    Warmup.stop();      // the real rows take over the warm-up's core (Main started it)
                    stats = job.run(o.writer(), r != null ? r.writer() : Writer.nullWriter());
                } catch (FailFastException e) {
                    err.println("archmeter: --fail-fast: rejected line " + e.line() + ": " + e.reason() + " ("
                            + Text.count(e.stats().rowsRead(), "row") + " read" + leftAsTheyWere(out, rej) + ")");
                    err.flush();
                    return ExitCode.FAIL_FAST;
                }
                // both written out before either is renamed: a full disk fails the run before any file is replaced
                o.finish();
                if (r != null) {
                    r.finish();
                }
                o.publish();
                if (r != null) {
                    r.publish();
                }
            }
            reporter.summary(stats.withBytesRead(file != null ? file.size() : in.bytesRead()), in.compressed());
            if (selection != null && !quiet) {
                err.println(selection.describe(stats.kept()));
                err.flush();
            }
        }
        return ExitCode.OK;
    }

    private static String leftAsTheyWere(Destination out, Destination rej) {
        List<String> files = new ArrayList<>();
        for (Destination d : new Destination[] {out, rej}) {
            if (d != null && d.kind() == Destination.Kind.FILE) {
                files.add(Text.escape(d.name(), Text.ECHO_LIMIT));
            }
        }
        return files.isEmpty() ? "" : "; " + String.join(" and ", files) + (files.size() == 1 ? " is" : " are") + " left as before";
    }

    /** The class count of {@code --classes}: at least 1; absent, each space's own ({@link SpaceOptions#SPACE_DEFAULT}). */
    static int classes(Integer classes) {
        if (classes == null) {
            return SpaceOptions.SPACE_DEFAULT;
        }
        if (classes < 1) {
            throw new IllegalArgumentException("--classes must be at least 1, not " + classes);
        }
        return classes;
    }

    /** The --pareto / --top selection, or null. */
    RowSelection selection() {
        if (pareto == null && top == null && by == null && sort == null) {
            return null;
        }
        if (pareto == null && top == null) {
            throw new IllegalArgumentException(by != null ? "--by needs --top K" : "--sort orders a selection: add --pareto or --top");
        }
        if (all) {
            throw new IllegalArgumentException("--all writes every row as it comes; it cannot be combined with --pareto or --top");
        }
        if (top != null && top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, not " + top);
        }
        return new RowSelection(pareto != null ? Objective.parseList(pareto) : List.of(), top != null ? top : 0,
                by != null ? Objective.parse(by) : null, sort != null ? Objective.parse(sort) : null);
    }

    FilterSpec filterSpec() {
        List<Constraint> constraints = new ArrayList<>();
        max.forEach(m -> constraints.add(Constraint.max(m)));
        min.forEach(m -> constraints.add(Constraint.min(m)));
        return FilterSpec.builder()
                .conventions(conventions.toConventions())
                .defaultInput(inputShape != null ? SummaryCommand.inputShape(inputShape) : null)
                .cellClasses(classes(classes))
                .archColumn(archColumn)
                .constraints(constraints)
                .columns(columns != null ? FilterSpec.parseColumns(columns) : List.of(Metric.DEFAULT_COLUMNS))
                .all(all)
                .failFast(failFast)
                .chunkSize(chunkSize)
                .maxRowChars(maxRowChars)
                .build();
    }
}
