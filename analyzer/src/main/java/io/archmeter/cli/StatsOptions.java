package io.archmeter.cli;

import io.archmeter.io.FilterSpec;
import io.archmeter.stats.Histogram;
import io.archmeter.stats.QuantileSketch;
import io.archmeter.stats.RowSample;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** What {@code stats} and {@code report} share: the input, how to score it, the columns, budgets and sampling. */
public final class StatsOptions {
    @Parameters(index = "0", paramLabel = "IN.csv[.gz]",
            description = "Candidates with an 'arch' column (scored here, as 'filter' scores them), or a file 'filter' wrote"
                    + " (its metric columns are read). '-' for stdin.")
    String input;

    @Option(names = "--columns", paramLabel = "NAME[,NAME...]", split = ",",
            description = "The columns to summarise (default: macs, flops, params, weight_bytes, act_peak_bytes,"
                    + " act_total_bytes, rf, rf_stride, and every other column numeric in the first row but arch, input,"
                    + " id).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "NAME=V1,V2,...",
            description = "A budget dimension (repeatable): how many rows each combination keeps. NAME=... keeps rows <= each"
                    + " limit, NAME>=... rows >= it. Limits take filter's suffixes: --budget macs=100M,200M,400M --budget"
                    + " act_peak_bytes=256KiB,512KiB --budget rf>=128.")
    List<String> budgets = new ArrayList<>();

    @Option(names = "--bins", paramLabel = "N", defaultValue = "" + Histogram.DEFAULT_BINS,
            description = "Histogram bins per column (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--sample", paramLabel = "ROWS", defaultValue = "" + RowSample.DEFAULT_CAPACITY,
            description = "Rows in the uniform sample behind the correlations and the scatter (default ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--exact", paramLabel = "N", defaultValue = "" + QuantileSketch.DEFAULT_EXACT_LIMIT,
            description = "Distinct values per column counted exactly before quantiles switch to the 0.1%% sketch (default"
                    + " ${DEFAULT-VALUE}; e.g. 65536 for a whole NATS-Bench size space, at about 2 MB and more time a"
                    + " column).")
    int exact;

    @Option(names = "--seed", defaultValue = "" + RowSample.DEFAULT_SEED, description = "Seed of the sample (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = "Input shape (height x width x channels) of rows without an 'input' cell, when scoring."
                + " Default: each notation's reference input, as in filter.")
    String inputShape;

    @Option(names = "--classes", paramLabel = "N",
            description = "Classes of search-space networks, when scoring. Default: each space's reference, as in filter.")
    Integer classes;

    @Option(names = "--arch-column", paramLabel = "NAME", defaultValue = FilterSpec.DEFAULT_ARCH_COLUMN,
            description = "The architecture column (default ${DEFAULT-VALUE}).")
    String archColumn;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = "Write the rows that cannot be scored here (default: only counted, the first 5 echoed to stderr).")
    String rejects;

    @Option(names = "--threads", paramLabel = "N",
            description = "When scoring: threads that read and score a plain input file in byte ranges, as filter --threads"
                    + " (default: the cores of this machine); gzip data, stdin and pipes are read by one reader.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress or echoed rejects on stderr (errors still go there).")
    boolean quiet;

    @Mixin
    ConventionOptions conventions;
}
