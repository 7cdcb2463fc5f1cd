package io.archmeter.bench.process;

import io.archmeter.bench.CsvReadBenchmark;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor as a program: reads a CSV with Commons CSV on one thread, touching every value, as
 * {@link CsvReadBenchmark#readAll} does, and prints the rows and characters read. A filter that
 * reads the same file cannot be faster on one thread; with more, it can.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.process.CsvParseOnly FILE.csv</pre>
 */
public final class CsvParseOnly {
    private CsvParseOnly() {
    }

    public static void main(String[] args) throws IOException {
        long rows = 0;
        long chars = 0;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, CsvReadBenchmark.FORMAT)) {
            for (CSVRecord record : parser) {
                rows++;
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        System.out.println(rows + " rows, " + chars + " characters");
    }
}
