package io.archmeter.bench.process;

import io.archmeter.bench.CsvFixture;
import io.archmeter.bench.CsvReadBenchmark;
import io.archmeter.bench.FilterPipelineBenchmark;
import io.archmeter.bench.GeneratedCandidates;
import io.archmeter.io.Constraint;
import io.archmeter.io.CsvInput;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.Utf8PassThrough;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per row, in steady state, of the Commons CSV floor and of {@code filter} at 1, 2 …
 * threads, in one JVM: each body runs on the same {@link CsvFixture} file over and over,
 * interleaved, and the process's CPU time (every thread: workers, writer, GC, JIT) of each run
 * after the warm-up rounds is divided by the rows. On a shared machine CPU time moves far less
 * with other load than wall time does, so this is the figure to compare there; on 2 cores the
 * filter reaches the one-thread floor at best when its CPU per row is at most twice the floor's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.process.CpuPerRow [ROWS] [ROUNDS] [THREADS,…]
 * </pre>
 *
 * Defaults: 300,000 rows, 8 rounds (the first 3 are warm-up), threads 1,2. The command line's
 * input path ({@link CsvInput}, byte ranges for threads ≥ 2) and output path (UTF-8 encoding into
 * a stream that discards the bytes) are used. {@code only=filter} as a fourth argument leaves
 * the floor out (for a profile of the filter alone).
 */
public final class CpuPerRow {
    private static final int WARMUP_ROUNDS = 3;

    private CpuPerRow() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String[] threads = (args.length > 2 ? args[2] : "1,2").split(",");
        Path file = CsvFixture.write(rows, 20, GeneratedCandidates.SEED);
        FilterPipeline pipeline = new FilterPipeline(FilterSpec.builder()
                .constraint(Constraint.max(FilterPipelineBenchmark.MAX_MACS)).build());
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            if (!"only=filter".equals(args.length > 3 ? args[3] : "")) {
                measure(micros, "floor", rows, round, () -> floor(file));
            }
            for (String t : threads) {
                int n = Integer.parseInt(t);
                measure(micros, "filter threads=" + n, rows, round, () -> filter(pipeline, file, n).rowsRead());
            }
        }
        double floor = micros.containsKey("floor") ? median(micros.get("floor")) : Double.NaN;
        for (Map.Entry<String, List<Double>> e : micros.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "%-20s %6.3f µs CPU/row (runs %s)  %.2f× the floor's CPU; 2 cores at best %.2f× the floor%n",
                    e.getKey(), m, fmt(e.getValue()), m / floor, 2 * floor / m);
        }
        Files.deleteIfExists(file);
    }

    private interface Body {
        long run() throws IOException;
    }

    private static void measure(Map<String, List<Double>> micros, String name, int rows, int round, Body body) throws IOException {
        long cpu0 = processCpuNanos();
        long check = body.run();
        long cpu = processCpuNanos() - cpu0;
        if (check <= 0) {
            throw new IllegalStateException(name + " read nothing");
        }
        if (round >= WARMUP_ROUNDS) {
            micros.computeIfAbsent(name, k -> new ArrayList<>()).add(cpu / 1e3 / rows);
        } else {
            micros.computeIfAbsent(name, k -> new ArrayList<>());
        }
    }

    private static long floor(Path file) throws IOException {
        long chars = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, CsvReadBenchmark.FORMAT)) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }

    private static FilterStats filter(FilterPipeline pipeline, Path file, int threads) throws IOException {
        try (CsvInput in = CsvInput.open(file.toString())) {
            var ranges = threads > 1 ? in.splittable() : null;
            FilterPipeline.Prepared job = ranges != null ? pipeline.prepare(ranges, threads) : pipeline.prepare(in.reader());
            // the command line's output path: AtomicOutput's writer (UTF-8, invalid bytes kept, ASCII lines as bytes)
            try (Writer out = Utf8PassThrough.bufferedWriter(OutputStream.nullOutputStream())) {
                return job.run(out, Writer.nullWriter());
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(List<Double> v) {
        return Arrays.toString(v.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toArray());
    }
}
