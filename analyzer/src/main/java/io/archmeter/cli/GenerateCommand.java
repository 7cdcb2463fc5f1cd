package io.archmeter.cli;

import io.archmeter.gen.CandidateGenerator;
import io.archmeter.io.AtomicOutput;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.Text;
import io.archmeter.grammar.SyntheticSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code archmeter generate --rows N -o FILE.csv[.gz]}: a reproducible candidate CSV for
 * {@code filter}, with columns {@code id,arch,acc}.
 *
 * <p>Rows come from {@link CandidateGenerator} (valid on 224x224x3). {@code acc} is a made-up
 * accuracy, uniform in [0.5000, 0.8000] with four decimals: something numeric to constrain with
 * {@code --min acc=0.7}, not a prediction. With {@code --invalid-rate}, that fraction of rows
 * (drawn at random) gets one bad token inserted after the stem: half a syntax error (e.g.
 * {@code conv_k3_z2}), half a token that parses but makes the shapes invalid (e.g.
 * {@code maxpool_k300}), so that both reject paths of {@code filter} show. The same options give
 * the same bytes on every machine. The file is written through {@link AtomicOutput}: whole or not
 * at all, every write checked.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Writes a search space's candidates, or scores and filters them in memory (--score).",
        description = {"Generates the candidates of a search space, in its own notation (columns id,arch), and with",
            "--score scores them in memory and keeps those within the --max/--min constraints, with metric",
            "columns, as 'archmeter filter' would on the written file.",
            "SPACE: nb101, nb201, nats-sss (--all walks every candidate), darts, regnet, regnety, chains, blocks",
            "(--count N --seed S samples; the same seed gives the same rows whatever the thread count).",
            "--input and --classes default to each space's reference (e.g. 32x32x3 and 10 for nb101).",
            "",
            "Without SPACE: the legacy synthetic file, columns id,arch,acc (acc a made-up accuracy in",
            "[0.5,0.8] with 4 decimals), e.g. archmeter generate --rows 1000000 --layers 20 --seed 1 -o c.csv.gz",
            "A file is replaced only when it has been written whole; every write is checked.",
            "",
            "Examples:",
            "  archmeter generate nb101 --all -o nb101.csv.gz",
            "  archmeter generate regnet --count 10000000 --score --max macs=400M --max params=6M -o kept.csv",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:usage error (a bad option)",
            "4:I/O error: the output could not be written (disk full, closed stdout, missing directory)",
            "141:stdout's reader went away (e.g. | head): stopped at once, quietly"})
public final class GenerateCommand implements Callable<Integer> {
    /** Tokens that do not parse. */
    static final String[] SYNTAX_ERRORS = {"conv_k3_z2", "cnv_k3_c32", "conv_c32", "conv_k3.5_c16", "relu_k3"};
    /** Tokens that parse but make a generated candidate's shapes invalid (a 300 window on 112x112; 7 groups on 16..40 channels). */
    static final String[] SHAPE_ERRORS = {"maxpool_k300", "avgpool_k250", "conv_k3_g7_c28"};
    /** Mixes the seed for the row-level draws, so they do not repeat the generator's own stream. */
    private static final long ROW_STREAM = 0x9E3779B97F4A7C15L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPACE", description = "The search space (see above).")
    String space;

    @Option(names = "--all", description = "Every candidate of an enumerable space (nb101, nb201, nats-sss), in its order.")
    boolean all;

    @Option(names = "--count", paramLabel = "N", description = "Number of samples of the space.")
    Long count;

    @Mixin
    SpaceScoreOptions score;

    @Option(names = "--rows", paramLabel = "N", description = "Legacy synthetic file (no SPACE): number of rows.")
    Long rows;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "20", description = "Layers per candidate (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--min-layers", paramLabel = "L", description = "With --max-layers: depth uniform in [min, max] per row, instead of --layers.")
    Integer minLayers;

    @Option(names = "--max-layers", paramLabel = "L", description = "See --min-layers.")
    Integer maxLayers;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--invalid-rate", paramLabel = "P", defaultValue = "0",
            description = "Fraction of rows made invalid, e.g. 0.001 (default ${DEFAULT-VALUE}).")
    double invalidRate;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv[.gz]", defaultValue = "-",
            description = "Output file; .gz compresses; '-' (default) is stdout.")
    String output;

    /** The deepest candidate generated: a row stays a few hundred kilobytes at most. */
    static final int MAX_LAYERS = 10_000;

    @Override
    public Integer call() throws IOException {
        if (space != null) {
            return new SpaceGeneration(spec, this).run();
        }
        if (rows == null) {
            throw new ParameterException(spec.commandLine(), "name a SPACE (" + SyntheticSpace.GENERATE.names()
                    + ") or give --rows N for the legacy synthetic file");
        }
        int lo = minLayers != null ? minLayers : layers;
        int hi = maxLayers != null ? maxLayers : minLayers != null ? minLayers : layers;
        validate(lo, hi);
        PrintWriter err = spec.commandLine().getErr();
        try (AtomicOutput out = AtomicOutput.open(output)) {
            long invalid = write(out.writer(), lo, hi);
            out.commit();
            err.printf("generate: %s (%s made invalid) written to %s%n", Text.count(rows, "row"), Text.count(invalid, "row"),
                    Text.escape(out.destination().describe(), Text.ECHO_LIMIT));
            err.flush();
            return ExitCode.OK;
        } catch (OutputFailedException e) {
            return ExitCode.of(e, err);
        }
    }

    /** Writes the header and the rows; returns how many were made invalid. */
    private long write(Writer out, int lo, int hi) throws IOException {
        CandidateGenerator generator = new CandidateGenerator(seed);
        SplittableRandom random = new SplittableRandom(seed ^ ROW_STREAM);
        long invalid = 0;
        // arch tokens hold no comma, quote or line break, so no field needs quoting
        out.write("id,arch,acc\n");
        for (long id = 1; id <= rows; id++) {
            int depth = lo == hi ? lo : lo + random.nextInt(hi - lo + 1);
            String arch = generator.next(depth);
            String acc = BigDecimal.valueOf(5000 + random.nextInt(3001), 4).toPlainString();
            if (random.nextDouble() < invalidRate) {
                arch = corrupt(arch, random);
                invalid++;
            }
            out.write(Long.toString(id));
            out.write(',');
            out.write(arch);
            out.write(',');
            out.write(acc);
            out.write('\n');
        }
        return invalid;
    }

    private void validate(int lo, int hi) {
        if (rows < 0) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 0, not " + rows);
        }
        if (lo < 5 || hi < lo || hi > MAX_LAYERS) {
            throw new ParameterException(spec.commandLine(), "layers must be from 5 to " + MAX_LAYERS
                    + ", with --min-layers <= --max-layers (got " + lo + ".." + hi + ")");
        }
        if (!(invalidRate >= 0 && invalidRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--invalid-rate must be in [0, 1], not " + invalidRate);
        }
    }

    /** Inserts one bad token after the stem (the first three tokens). */
    static String corrupt(String arch, SplittableRandom random) {
        String[] pool = random.nextBoolean() ? SYNTAX_ERRORS : SHAPE_ERRORS;
        String bad = pool[random.nextInt(pool.length)];
        int cut = 0;
        for (int spaces = 0; spaces < 3; spaces++) {
            cut = arch.indexOf(' ', cut) + 1;
        }
        return arch.substring(0, cut) + bad + " " + arch.substring(cut);
    }
}
