package io.archmeter.spark;

import io.archmeter.cli.ConventionOptions;
import io.archmeter.engine.Metric;
import io.archmeter.io.ConsoleReporter;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.Quantity;
import io.archmeter.model.InputShape;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * {@code archmeter-spark filter IN... -o OUT --max macs=600M ...}: {@code archmeter filter} as a
 * Spark job. The same options where they make sense, the same engine, the same reject reasons and
 * line numbers, the same summary; input and output on any Hadoop path, CSV or Parquet.
 */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores every architecture of CSV or Parquet candidate files on Spark and keeps the rows that meet",
            "the constraints: archmeter filter for a cluster (same options, engine, reasons and summary).",
            "",
            "Input: files, directories or globs on any Hadoop path (file:, hdfs:, s3a:, ...). CSV (RFC 4180,",
            "a header, every file the same one; .gz read whole) is cut into byte ranges at record boundaries,",
            "quoted line breaks included, one partition per range; Parquet is read as Spark reads it.",
            "Output: a directory of part files (Spark's layout) in input order, CSV with a header in each part",
            "(values unchanged, RFC 4180 quoting) or Parquet; rejects (line, reason, input columns; file first",
            "when there are several input files) in a second directory.",
            "Not here: --fail-fast, --chunk-size, --threads (Spark's tasks are the parallelism).",
            "",
            "Locally: spark/bin/archmeter-spark filter IN -o OUT [options] (local[*], or --master local[N]).",
            "On a cluster: spark-submit --master yarn|k8s://https://HOST:PORT --class io.archmeter.spark.SparkMain",
            "  spark/target/archmeter-spark.jar filter hdfs:///in.csv -o hdfs:///out [options]",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (rows may have been rejected: see the summary and the rejects)",
            "2:usage error, malformed CSV (the message gives the file and line) or an I/O error"})
public final class SparkFilterJob implements Callable<Integer> {
    @Spec
    CommandSpec commandSpec;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Candidate files, directories or globs (CSV, or Parquet: see --input-format).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output directory of the kept rows.")
    String output;

    @Option(names = "--max", paramLabel = "NAME=VALUE", description = "Keep rows with NAME <= VALUE (repeatable); as in archmeter filter.")
    List<String> max = new ArrayList<>();

    @Option(names = "--min", paramLabel = "NAME=VALUE", description = "Keep rows with NAME >= VALUE (repeatable); as in archmeter filter.")
    List<String> min = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "NAME[,NAME...]", split = ",",
            description = "Metric columns to append (default: those of archmeter filter).")
    List<String> columns;

    @Option(names = "--all", description = "Write every valid row, with a trailing 'pass' column, instead of only the kept rows.")
    boolean all;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = "Input shape of rows without an 'input' cell (default: each notation's reference input, as filter's).")
    String inputShape;

    @Option(names = "--classes", paramLabel = "N",
            description = "Classes of search-space networks (default: each space's reference, as filter's).")
    Integer classes;

    @Option(names = "--arch-column", paramLabel = "NAME", defaultValue = FilterSpec.DEFAULT_ARCH_COLUMN,
            description = "The architecture column (default ${DEFAULT-VALUE}).")
    String archColumn;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = "Output directory of the rejected rows (default: OUT with .rejects before its .csv or .parquet, or after it).")
    String rejects;

    @Option(names = "--format", paramLabel = "csv|parquet",
            description = "Output format (default: parquet if OUT ends in .parquet, else csv).")
    String format;

    @Option(names = "--input-format", paramLabel = "csv|parquet",
            description = "Input format (default: parquet if the first IN ends in .parquet, else csv).")
    String inputFormat;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master when not run by spark-submit (default ${DEFAULT-VALUE}: every core of this machine).")
    String master;

    @Option(names = "--block-size", paramLabel = "BYTES", defaultValue = "64MiB",
            description = "CSV input: bytes per block of the split scan, about the size of a partition (default ${DEFAULT-VALUE}).")
    String blockSize;

    @Option(names = "--overwrite", description = "Replace OUT and the rejects directory if they exist (default: refuse).")
    boolean overwrite;

    @Option(names = "--cache", description = {"Keep the scored rows in Spark's cache (memory, then disk) for the three passes",
        "(output, rejects, counts) instead of reading and scoring the input for each: for inputs slower to read than to score."})
    boolean cache;

    @Option(names = "--quiet", description = "No summary on stderr.")
    boolean quiet;

    @Mixin
    ConventionOptions conventions;

    /** A session to run in (tests); null: the job makes its own and stops it at the end. */
    SparkSession session;

    @Override
    public Integer call() throws IOException {
        FilterSpec spec = filterSpec();
        boolean parquetIn = "parquet".equals(formatOf(inputFormat, inputs.get(0)));
        boolean parquetOut = "parquet".equals(formatOf(format, output));
        String rejectsPath = rejects != null ? rejects : defaultRejects(output);
        long block = Quantity.parse(blockSize, true).longValueExact();
        SparkSession spark = session != null ? session : newSession(master);
        try {
            long start = System.nanoTime();
            Dataset<Row> in;
            Scored scored;
            long bytes = -1;
            if (parquetIn) {
                in = spark.read().parquet(inputs.toArray(new String[0]));
                scored = ArchmeterSpark.score(in, spec);
            } else {
                List<org.apache.hadoop.fs.FileStatus> files = SparkCsv.files(spark, inputs);
                bytes = files.stream().mapToLong(org.apache.hadoop.fs.FileStatus::getLen).sum();
                in = SparkCsv.read(spark, files, block);
                if (files.size() == 1) {
                    // one file: rejects as the filter's (line, reason, cells)
                    in = in.drop(SparkCsv.FILE);
                }
                scored = ArchmeterSpark.score(in, spec, SparkCsv.LINE, files.size() > 1 ? SparkCsv.FILE : null);
            }
            // three passes (output, rejects, counts) each read and score the input again unless --cache: measured on
            // local[2], 1 M rows, scoring again cost 7 s of CPU where building and reading Spark's cache cost 19 s
            Dataset<Row> persisted = cache ? scored.all().persist(StorageLevel.MEMORY_AND_DISK()) : scored.all();
            try {
                Scored s = scored.over(persisted);
                write(s.output(), output, parquetOut);
                write(s.rejects(), rejectsPath, parquetOut);
                FilterStats stats = stats(persisted, spec, bytes, System.nanoTime() - start);
                if (!quiet) {
                    PrintWriter err = commandSpec.commandLine().getErr();
                    err.println(ConsoleReporter.summaryText(stats, false, rejectsPath).replace("filter: ", "filter (spark): "));
                    err.flush();
                }
            } finally {
                if (cache) {
                    persisted.unpersist();
                }
            }
            return 0;
        } finally {
            if (session == null) {
                spark.stop();
            }
        }
    }

    FilterSpec filterSpec() {
        List<Constraint> constraints = new ArrayList<>();
        max.forEach(m -> constraints.add(Constraint.max(m)));
        min.forEach(m -> constraints.add(Constraint.min(m)));
        return FilterSpec.builder()
                .conventions(conventions.toConventions())
                .defaultInput(inputShape != null ? InputShape.parseHxWxC(inputShape) : null)
                .cellClasses(classes != null ? classes : 0)
                .archColumn(archColumn)
                .constraints(constraints)
                .columns(columns != null ? FilterSpec.parseColumns(columns) : List.of(Metric.DEFAULT_COLUMNS))
                .all(all)
                .build();
    }

    /** Counts as the filter's summary gives them, in one pass over the scored rows. */
    static FilterStats stats(Dataset<Row> all, FilterSpec spec, long bytes, long nanos) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(sum(when(col(Scored.REASON).isNotNull(), 1L).otherwise(0L)));
        aggs.add(sum(when(col(Scored.PASS), 1L).otherwise(0L)));
        for (int i = 0; i < spec.constraints().size(); i++) {
            aggs.add(sum(when(col(Scored.FAILED).bitwiseAND(lit(1L << i)).notEqual(0L), 1L).otherwise(0L)));
        }
        Row r = all.agg(count(lit(1)), aggs.toArray(new Column[0])).first();
        long rows = r.getLong(0);
        long rejected = r.isNullAt(1) ? 0 : r.getLong(1);
        long kept = r.isNullAt(2) ? 0 : r.getLong(2);
        long[] removedBy = new long[spec.constraints().size()];
        for (int i = 0; i < removedBy.length; i++) {
            removedBy[i] = r.isNullAt(3 + i) ? 0 : r.getLong(3 + i);
        }
        return new FilterStats(rows, kept, rows - kept - rejected, rejected, spec.constraints(), removedBy, bytes, nanos);
    }

    private void write(Dataset<Row> ds, String path, boolean parquet) {
        DataFrameWriter<Row> w = ds.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        if (parquet) {
            w.parquet(path);
        } else {
            // RFC 4180 as the filter writes it: quotes doubled, values unchanged (Spark trims them by default)
            w.option("header", true).option("quote", "\"").option("escape", "\"")
                    .option("ignoreLeadingWhiteSpace", false).option("ignoreTrailingWhiteSpace", false)
                    .option("emptyValue", "").option("lineSep", "\n").csv(path);
        }
    }

    static String formatOf(String given, String path) {
        if (given != null) {
            if (!given.equals("csv") && !given.equals("parquet")) {
                throw new IllegalArgumentException("format '" + given + "': csv or parquet");
            }
            return given;
        }
        return path.endsWith(".parquet") ? "parquet" : "csv";
    }

    /** {@code out.csv -> out.rejects.csv}, {@code out.parquet -> out.rejects.parquet}, {@code out -> out.rejects}. */
    static String defaultRejects(String output) {
        String base = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
        for (String suffix : new String[] {".csv", ".parquet"}) {
            if (base.endsWith(suffix)) {
                return base.substring(0, base.length() - suffix.length()) + ".rejects" + suffix;
            }
        }
        return base + ".rejects";
    }

    /** A session on {@code master} unless spark-submit (or the caller's configuration) names one. */
    static SparkSession newSession(String master) {
        SparkConf conf = new SparkConf().setAppName("archmeter filter");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
