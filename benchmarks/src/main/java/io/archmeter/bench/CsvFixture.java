package io.archmeter.bench;

import io.archmeter.gen.CandidateGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The CSV file read by {@code CsvReadBenchmark} and filtered by {@code FilterPipelineBenchmark}:
 * a header {@code id,arch,acc} and one row per generated candidate, e.g.
 * {@code 7,conv_k3_s2_c32 bn relu6 … gap fc_c1000,0.7312}. Written to a temporary file in setup
 * (and deleted on exit), so that both benchmarks read the very same bytes.
 */
public final class CsvFixture {
    public static final String HEADER = "id,arch,acc";

    private CsvFixture() {
    }

    /** Writes {@code rows} rows of {@code depth}-layer candidates to a new temporary file. */
    public static Path write(int rows, int depth, long seed) {
        try {
            Path file = Files.createTempFile("archmeter-bench-", ".csv");
            file.toFile().deleteOnExit();
            write(file, rows, depth, seed);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code rows} rows to {@code file}. */
    public static void write(Path file, int rows, int depth, long seed) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            Rows source = new Rows(depth, seed);
            for (int i = 0; i < rows; i++) {
                out.write(row(source.next(i)));
                out.write('\n');
            }
        }
    }

    /** The rows' values without CSV: {@code [id, arch, acc]} of every row, for the tests' expected values. */
    public static String[][] values(int rows, int depth, long seed) {
        Rows r = new Rows(depth, seed);
        String[][] v = new String[rows][];
        for (int i = 0; i < rows; i++) {
            v[i] = r.next(i);
        }
        return v;
    }

    private static String row(String[] v) {
        return v[0] + ',' + v[1] + ',' + v[2];
    }

    /** The deterministic source of the rows. */
    private static final class Rows {
        private final CandidateGenerator generator;
        private final SplittableRandom accuracy;
        private final int depth;

        Rows(int depth, long seed) {
            this.generator = new CandidateGenerator(seed);
            this.accuracy = new SplittableRandom(seed ^ 0x5DEECE66DL);
            this.depth = depth;
        }

        String[] next(int id) {
            return new String[] {Integer.toString(id), generator.next(depth),
                String.format(Locale.ROOT, "%.4f", 0.5 + 0.45 * accuracy.nextDouble())};
        }
    }
}
