package io.archmeter.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.CSV_DEPTH;
import static io.archmeter.bench.BenchmarkDefaults.CSV_ROWS;

/**
 * Baseline (b), the floor of any CSV filter: reading the {@link CsvFixture} file of
 * {@value BenchmarkDefaults#CSV_ROWS} rows through Commons CSV and doing nothing else than
 * touching each value (the sum of their lengths is returned). In <b>rows/s</b>. A filter that
 * reads the same file cannot be faster; {@code FilterPipelineBenchmark}'s ratio to this one is
 * the share of the time spent in I/O and CSV rather than in parsing and scoring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CsvReadBenchmark {
    /** The CSV dialect of the fixture: RFC 4180, first line a header. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Rows of the file: {@value BenchmarkDefaults#CSV_ROWS}, as {@code @OperationsPerInvocation} says; tests lower it. */
    int rows = CSV_ROWS;

    Path file;

    @Setup(Level.Trial)
    public void setup() {
        file = CsvFixture.write(rows, CSV_DEPTH, GeneratedCandidates.SEED);
    }

    /** Reads every row; returns the total length of every value read. */
    @Benchmark
    @OperationsPerInvocation(CSV_ROWS)
    public long readAll() throws IOException {
        long chars = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }
}
