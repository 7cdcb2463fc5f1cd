package io.archmeter.bench.process;

import io.archmeter.bench.CsvFixture;
import io.archmeter.bench.GeneratedCandidates;

import java.io.File;
import java.io.IOException;
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
 * Times whole processes on one file of {@value #ROWS} rows (the {@link CsvFixture} rows, 20-layer
 * architectures): the Commons CSV parse-only floor ({@link CsvParseOnly}), {@code archmeter filter
 * --max macs=300M} with {@code --threads} 1, 2 … N, and, when built, the Spark job on
 * {@code local[2]}. Runs are interleaved (floor, filter 1, filter 2, …, floor, …) so that a load
 * that comes and goes hits every command alike; each command's score is its median wall time,
 * as rows/s, its error half the spread of its runs.
 *
 * <p>What each side gets. The floor is {@code java -cp benchmarks.jar CsvParseOnly FILE}: a plain
 * JVM with its defaults (the JDK's own class-data archive, G1, the default heap), one thread
 * parsing. The filter is run as its users run it, through the {@code ./archmeter} launcher of the
 * repository's top directory: bash, the launcher's up-to-date check of the jar, then
 * {@code java -XX:SharedArchiveFile=… -jar archmeter.jar filter …} with the class-data archive the
 * launcher makes once per build ({@code process.sh} runs the launcher once before timing, so no
 * timed run builds anything), JVM defaults otherwise; it writes its output to a file, forced to
 * the disk and renamed into place as every filter run does. Both use the JVM that runs this
 * program (its {@code bin} directory leads the launcher's {@code PATH}). Run 0 of every command is
 * not counted: it warms the page cache.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.archmeter.bench.process.ProcessTiming OUT.json RUNS THREADS[,THREADS…] [SPARK_LAUNCHER]
 * </pre>
 *
 * OUT.json is an array of JMH-shaped entries ({@code io.archmeter.bench.process.WholeProcess.*},
 * unit ops/s = rows/s) for {@code ReportMain merge}.
 */
public final class ProcessTiming {
    public static final int ROWS = 1_000_000;
    static final String BENCH = "io.archmeter.bench.process.WholeProcess.";

    private ProcessTiming() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String[] threads = args[2].split(",");
        String spark = args.length > 3 ? args[3] : null;
        Path work = Files.createTempDirectory("archmeter-process-");
        Path csv = work.resolve("candidates-1m.csv");
        System.err.println("process timing: writing " + ROWS + " rows to " + csv);
        CsvFixture.write(csv, ROWS, 20, GeneratedCandidates.SEED);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String launcher = Path.of("archmeter").toAbsolutePath().toString();

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("csvParseOnly", List.of(java, "-cp", cp, CsvParseOnly.class.getName(), csv.toString()));
        for (String t : threads) {
            commands.put("filter threads=" + t, List.of(launcher, "filter", csv.toString(), "-o",
                    work.resolve("kept.csv").toString(), "--max", "macs=300M", "--quiet", "--threads", t));
        }
        if (spark != null) {
            commands.put("sparkLocal master=local[2]", List.of(spark, "filter", csv.toString(), "-o", work.resolve("spark-kept.csv").toString(),
                    "--max", "macs=300M", "--quiet", "--overwrite", "--master", "local[2]"));
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int r = 0; r <= runs; r++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                double s = time(c.getValue(), work);
                if (r > 0) {
                    // run 0 warms the page cache and the disk: not counted
                    seconds.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(s);
                }
                System.err.printf(Locale.ROOT, "  %-28s run %d: %.2f s%n", c.getKey(), r, s);
            }
        }
        Files.writeString(out, json(seconds), StandardCharsets.UTF_8);
        System.err.println("process timing: wrote " + out);
        deleteRecursively(work);
    }

    private static double time(List<String> command, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        // the launcher runs `java` from the PATH: this JVM's, as the floor's
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        int code = p.waitFor();
        double s = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code + ": "
                    + Files.readString(work.resolve("stderr.txt")));
        }
        return s;
    }

    /** The timings as a JMH result file: per command, the median as rows/s, half the spread as its error. */
    public static String json(Map<String, List<Double>> seconds) {
        StringBuilder sb = new StringBuilder("[");
        for (Map.Entry<String, List<Double>> e : seconds.entrySet()) {
            double[] s = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            double spread = (ROWS / s[0] - ROWS / s[s.length - 1]) / 2;
            String[] name = e.getKey().split(" ");
            sb.append(sb.length() > 1 ? ",\n" : "\n").append("  {\"benchmark\": \"").append(BENCH).append(name[0])
                    .append("\", \"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1, ");
            sb.append("\"jdkVersion\": \"").append(System.getProperty("java.version")).append("\", \"vmName\": \"")
                    .append(System.getProperty("java.vm.name")).append("\", ");
            if (name.length > 1) {
                String[] kv = name[1].split("=", 2);
                sb.append("\"params\": {\"").append(kv[0]).append("\": \"").append(kv[1]).append("\"}, ");
            }
            double[] rate = Arrays.stream(s).map(x -> ROWS / x).toArray();
            sb.append(String.format(Locale.ROOT, "\"primaryMetric\": {\"score\": %.1f, \"scoreError\": %.1f, \"scoreUnit\": \"ops/s\", "
                    + "\"rawData\": [%s]}}", ROWS / median, spread, Arrays.toString(rate)));
        }
        return sb.append("\n]\n").toString();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            List<Path> inside;
            try (var list = Files.list(p)) {
                inside = list.toList();
            }
            for (Path q : inside) {
                deleteRecursively(q);
            }
        }
        Files.delete(p);
    }
}
