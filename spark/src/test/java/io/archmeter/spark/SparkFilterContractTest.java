package io.archmeter.spark;

import io.archmeter.cli.Main;
import io.archmeter.io.MixedCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract: the Spark job writes, for every row, what {@code archmeter filter} writes for it
 * (the same values and metrics, in the same order across part files), and the same rejects with the
 * same lines and reasons, on files with quoted multi-line fields cut into many partitions.
 */
class SparkFilterContractTest {
    private static final String[] OPTIONS = {"--max", "macs=300M", "--min", "acc=0.6", "--all", "--columns",
        "macs,flops,params,act_peak_bytes,rf,rf_stride,out_shape"};

    @TempDir
    Path dir;

    @Test
    void everyRowGetsTheFiltersMetricsAndTheRejectsAreTheFilters() throws IOException {
        Path in = MixedCsv.write(dir.resolve("in.csv"), 3, 1500);
        Outputs filter = archmeterFilter(in);
        Path out = dir.resolve("spark-out.csv");
        String summary = sparkFilter(List.of(in.toString()), out, "--block-size", "16KiB");

        assertSameRows(filter.rows, readParts(out));
        assertSameRows(filter.rejects, readParts(dir.resolve("spark-out.rejects.csv")));
        assertTrue(filter.rejects.size() > 20, "the file should have rejects of every kind: " + filter.rejects.size());
        assertTrue(countParts(out) > 5, "16 KiB blocks of a " + Files.size(in) + "-byte file: many partitions");
        assertTrue(summary.startsWith("filter (spark): 1,500 rows read = "), summary);
        assertEquals(filter.summaryCounts, counts(summary.replace("filter (spark): ", "filter: ")), "the summary's counts");
    }

    @Test
    void aJobOverSeveralFilesReadsThemAllInOrderAndNamesTheFileOfEachReject() throws IOException {
        // with --cache: the three passes read Spark's cache instead of the files
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path a = MixedCsv.write(inputs.resolve("a.csv"), 5, 400);
        Path b = MixedCsv.write(inputs.resolve("b.csv"), 6, 300);
        Files.writeString(inputs.resolve("_SUCCESS"), "");
        Outputs fa = archmeterFilter(a);
        Outputs fb = archmeterFilter(b);
        Path out = dir.resolve("out");
        sparkFilter(List.of(inputs.toString()), out, "--block-size", "8KiB", "--cache");

        List<List<String>> expected = new ArrayList<>(fa.rows);
        expected.addAll(fb.rows);
        assertSameRows(expected, readParts(out));
        List<List<String>> rejects = readParts(dir.resolve("out.rejects"));
        assertEquals(fa.rejects.size() + fb.rejects.size(), rejects.size());
        for (int i = 0; i < rejects.size(); i++) {
            boolean first = i < fa.rejects.size();
            List<String> want = first ? fa.rejects.get(i) : fb.rejects.get(i - fa.rejects.size());
            assertTrue(rejects.get(i).get(0).endsWith(first ? "a.csv" : "b.csv"), rejects.get(i).get(0));
            assertEquals(want, rejects.get(i).subList(1, rejects.get(i).size()));
        }
    }

    /** Equal lists, or a failure naming the first row that differs. */
    static void assertSameRows(List<List<String>> expected, List<List<String>> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), actual.size(), "rows");
    }

    // ---- the two runs -------------------------------------------------------------------

    /** Rows and rejects as archmeter filter writes them (header dropped), and its summary's first line. */
    record Outputs(List<List<String>> rows, List<List<String>> rejects, String summaryCounts) {
    }

    private Outputs archmeterFilter(Path in) throws IOException {
        Path out = dir.resolve(in.getFileName() + ".filter.csv");
        Path rej = dir.resolve(in.getFileName() + ".filter.rejects.csv");
        List<String> args = new ArrayList<>(List.of("filter", in.toString(), "-o", out.toString(), "--rejects", rej.toString()));
        args.addAll(List.of(OPTIONS));
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args.toArray(new String[0])), err.toString());
        return new Outputs(dropHeader(parse(Files.readString(out))), dropHeader(parse(Files.readString(rej))), counts(err.toString()));
    }

    /** The summary without its timing line and with the rejects file's name left out. */
    static String counts(String stderr) {
        List<String> lines = stderr.lines().dropWhile(l -> !l.startsWith("filter: ")).toList();
        return String.join("\n", lines.subList(0, lines.size() - 1)).replaceAll("\\(rejects: [^)]*\\)", "(rejects: R)");
    }

    /** Runs the job in the shared session; returns its stderr. */
    static String sparkFilter(List<String> inputs, Path out, String... extra) {
        SparkFilterJob job = new SparkFilterJob();
        job.session = SharedSpark.get();
        CommandLine cl = new CommandLine(job);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(inputs);
        args.addAll(List.of("-o", out.toString()));
        args.addAll(List.of(OPTIONS));
        args.addAll(List.of(extra));
        int code = cl.execute(args.toArray(new String[0]));
        assertEquals(0, code, err.toString());
        return err.toString();
    }

    /** The rows of every CSV part file of a Spark output directory, in part order, each part's header dropped. */
    static List<List<String>> readParts(Path outDir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Stream<Path> parts = Files.list(outDir)) {
            for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                rows.addAll(dropHeader(parse(Files.readString(p, StandardCharsets.UTF_8))));
            }
        }
        return rows;
    }

    static long countParts(Path outDir) throws IOException {
        try (Stream<Path> parts = Files.list(outDir)) {
            return parts.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
                rows.add(rec.toList());
            }
        }
        return rows;
    }

    private static List<List<String>> dropHeader(List<List<String>> rows) {
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }
}
