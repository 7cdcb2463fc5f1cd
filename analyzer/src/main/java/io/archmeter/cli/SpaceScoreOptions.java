package io.archmeter.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code generate SPACE}: scoring in memory with {@code filter}'s constraints and
 * output columns, the network's input and classes, the rejects file.
 */
public final class SpaceScoreOptions {
    @Option(names = "--score", description = "Score every candidate in memory (no strings) and keep those within the constraints.")
    boolean score;

    @Option(names = "--max", paramLabel = "NAME=VALUE", description = "With --score: keep candidates with NAME <= VALUE (as filter --max).")
    List<String> max = new ArrayList<>();

    @Option(names = "--min", paramLabel = "NAME=VALUE", description = "With --score: keep candidates with NAME >= VALUE (as filter --min).")
    List<String> min = new ArrayList<>();

    @Option(names = "--columns", paramLabel = "NAME[,NAME...]", split = ",",
            description = "With --score: metric columns to append (as filter --columns).")
    List<String> columns;

    @Option(names = "--pass", description = "With --score: write every valid candidate with a trailing 'pass' column (filter --all).")
    boolean pass;

    @Option(names = "--input", paramLabel = "HxWxC", description = "Input of every network (default: the space's, e.g. 32x32x3 for nb101).")
    String input;

    @Option(names = "--classes", paramLabel = "N", description = "Classifier outputs (default: the space's reference, e.g. 10 for nb101).")
    Integer classes;

    @Option(names = "--rejects", paramLabel = "PATH",
            description = "With --score: where candidates that cannot be scored go (default as filter's: OUT.rejects.csv).")
    String rejects;

    @Option(names = "--quiet", description = "No progress, echoed rejects or summary on stderr.")
    boolean quiet;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "4096",
            description = "Candidates per chunk built and scored by one thread (default ${DEFAULT-VALUE}).")
    int chunkSize;

    @Mixin
    ConventionOptions conventions;
}
