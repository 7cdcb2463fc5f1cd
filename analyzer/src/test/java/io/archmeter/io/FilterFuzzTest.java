package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.gen.CandidateGenerator;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of the whole input path of {@code filter} (stdin bytes, gzip detection, UTF-8,
 * CSV, grammar, engine, writer): valid rows are mutated byte by byte and token by token, whole
 * files are cut, prefixed, gzipped and damaged, and every run must
 * <ul>
 *   <li>not crash: it ends normally, or with a {@link MalformedCsvException} or
 *       {@link CorruptInputException} whose message is short and free of control characters;</li>
 *   <li>reconcile: rows read = kept + filtered out + rejected, and the output and rejects files
 *       hold exactly those rows;</li>
 *   <li>leave valid rows alone: every output row whose id, architecture and input cell are as in
 *       the clean file has exactly the metrics it has in a clean run.</li>
 * </ul>
 * A failure prints the seed and the input. {@code -Darchmeter.fuzz.iterations=N} (default
 * {@value #DEFAULT_ITERATIONS}, a few seconds) or {@code -Darchmeter.fuzz.seconds=S} runs longer;
 * {@code -Darchmeter.fuzz.seed=N} replays one run.
 */
@DisplayName("filter under fuzzed input")
class FilterFuzzTest {
    static final int DEFAULT_ITERATIONS = 300;
    static final int ROWS = 40;
    private static final String[] JUNK_BYTES = {"\"", ",", "\n", "\r", "\r\n", "\u0000", "\u001b[31m", " ", "|", "(", ")add", "_",
        "~", "x", "9", "é", "\uFEFF", "\u202e"};
    private static final String[] JUNK_TOKENS = {"conv_k3_z2", "maxpool_k300", "res_c64_r3", "(", ")add", ")cat", "|", "conv_k0",
        "conv_k3_c0", "fc_c2147483647", "conv_k3_c99999999", "dw_k3_m0", "cn_k3_c8_r5", "ir_k3_e6_c16_se0.25", "bot_c64",
        "|nor_conv_3x3~0|+|skip_connect~0|none~1|+|avg_pool_3x3~0|nor_conv_1x1~1|skip_connect~2|", "8:16:32:48:64", "gap", "fc_c10"};
    private static final String[] JUNK_NUMBERS = {"0", "1", "2147483648", "99999999999999999999", "-1", "1e-99999999", "n/a", "", " 0.7 ",
        "9".repeat(100)};

    @Test
    void mutatedRowsNeverCrashAlwaysReconcileAndLeaveValidRowsMetricsUnchanged() throws Exception {
        Long replay = Long.getLong("archmeter.fuzz.seed");
        long seconds = Long.getLong("archmeter.fuzz.seconds", 0L);
        int iterations = replay != null ? 1 : Integer.getInteger("archmeter.fuzz.iterations", DEFAULT_ITERATIONS);
        SplittableRandom master = new SplittableRandom(20261130L);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int completed = 0;
        int stopped = 0;
        for (int i = 0; i < iterations || seconds > 0 && System.nanoTime() < deadline; i++) {
            long seed = replay != null ? replay : master.nextLong();
            if (runOne(seed)) {
                completed++;
            } else {
                stopped++;
            }
        }
        // the mutations must mostly leave a readable file, or the checks of valid rows would rarely run
        assertTrue(3 * completed > completed + stopped, completed + " runs completed, " + stopped + " stopped on malformed input");
    }

    /** One fuzzed run; true if it completed, false if it stopped on malformed input (both fine). */
    private static boolean runOne(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Clean clean = Clean.of(random.nextLong());
        byte[] input = mutate(clean, random);
        FilterSpec spec = FilterSpec.builder().all(true).columns(Metric.values()).constraint(Constraint.max("macs=300M"))
                .chunkSize(1 + random.nextInt(20)).batchLayers(1 + random.nextInt(400)).chunkChars(50 + random.nextInt(5000))
                .maxRowChars(100_000).build();
        try {
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(clean, input, spec), () -> "hung for 60 s");
        } catch (Throwable t) {
            String what = failure(seed, input, "failed: " + t);
            System.err.println(what);
            throw new AssertionError(what, t);
        }
    }

    @SuppressWarnings("try")   // the redirect is held only for its close, which restores the streams
    private static boolean check(Clean clean, byte[] input, FilterSpec spec) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter rejects = new StringWriter();
        FilterStats s;
        try (StdStreams.Redirect r = StdStreams.redirect(new ByteArrayInputStream(input), OutputStreamOf.NOTHING);
             CsvInput in = CsvInput.open("-")) {
            s = new FilterPipeline(spec).run(in.reader(), out, rejects);
        } catch (MalformedCsvException | CorruptInputException e) {
            assertShortAndPrintable(e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            // a header the spec cannot use (the arch column mutated away): refused before any row
            assertShortAndPrintable(e.getMessage());
            return false;
        }
        List<CSVRecord> kept = FilterRun.parse(out.toString());
        List<CSVRecord> rejected = FilterRun.parse(rejects.toString());
        assertEquals(s.rowsRead(), s.kept() + s.filteredOut() + s.rejected());
        assertEquals(s.kept() + s.filteredOut(), kept.size() - 1, "every valid row is in the --all output");
        assertEquals(s.rejected(), rejected.size() - 1, "every rejected row is in the rejects");
        for (CSVRecord r : rejected.subList(1, rejected.size())) {
            assertShortAndPrintable(r.get(1));
        }
        for (CSVRecord r : kept.subList(1, kept.size())) {
            String expected = clean.metrics.get(r.get(0) + "," + r.get(1));
            if (expected != null) {
                assertEquals(expected, String.join(",", r.values()).substring(r.get(0).length() + r.get(1).length() + 2),
                        "metrics of the unchanged row " + r.get(0));
            }
        }
        return true;
    }

    private static void assertShortAndPrintable(String message) {
        assertTrue(message.length() <= Text.REASON_LIMIT + 400, () -> message.length() + " characters: " + message.substring(0, 300));
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0x1b, () -> "a control character in " + message);
        }
    }

    private static String failure(long seed, byte[] input, String what) {
        String text = Text.escape(new String(input, StandardCharsets.ISO_8859_1), 20_000);
        return "fuzz run " + what + "; replay with -Darchmeter.fuzz.seed=" + seed + "\ninput (bytes as ISO-8859-1, escaped):\n" + text;
    }

    /** A clean file of valid rows, and each row's metric columns from a clean run, by "id,arch". */
    private record Clean(List<String> ids, List<String> archs, Map<String, String> metrics) {
        static Clean of(long seed) {
            CandidateGenerator g = new CandidateGenerator(seed);
            List<String> ids = new ArrayList<>();
            List<String> archs = new ArrayList<>();
            StringBuilder csv = new StringBuilder("id,arch\n");
            for (int i = 0; i < ROWS; i++) {
                String arch = i % 3 == 0 ? g.nextBlocks(1 + i % 5) : g.next(5 + i % 15);
                ids.add("r" + i);
                archs.add(arch);
                csv.append("r").append(i).append(',').append(arch).append('\n');
            }
            FilterSpec spec = FilterSpec.builder().all(true).columns(Metric.values()).constraint(Constraint.max("macs=300M")).build();
            try {
                FilterRun run = FilterRun.of(spec, csv.toString());
                Map<String, String> metrics = new HashMap<>();
                for (CSVRecord r : run.outRecords().subList(1, ROWS + 1)) {
                    String line = String.join(",", r.values());
                    metrics.put(r.get(0) + "," + r.get(1), line.substring(r.get(0).length() + r.get(1).length() + 2));
                }
                assertEquals(ROWS, metrics.size(), "the clean rows are all valid");
                return new Clean(ids, archs, metrics);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The clean file with some rows mutated, and sometimes the whole file cut, prefixed, gzipped or damaged. */
    static byte[] mutate(Clean clean, SplittableRandom random) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(random.nextInt(20) == 0 ? mutateText("id,arch\n", random) : "id,arch\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < ROWS; i++) {
            String row = clean.ids.get(i) + "," + clean.archs.get(i) + "\n";
            if (random.nextInt(5) == 0) {
                // a text edit often breaks the CSV's shape (a quote, a comma, a line break), which ends the run: one in three
                b.writeBytes(random.nextInt(3) == 0 ? mutateText(row, random) : mutateTokens(clean.ids.get(i), clean.archs.get(i), random));
            } else {
                b.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = b.toByteArray();
        switch (random.nextInt(12)) {
            case 0: return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));          // cut anywhere
            case 1: return concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, bytes);        // a byte-order mark
            case 2: return gzip(bytes);
            case 3: {
                byte[] gz = gzip(bytes);
                return java.util.Arrays.copyOf(gz, random.nextInt(gz.length + 1));                    // gzip cut short
            }
            case 4: return concat(gzip(bytes), new byte[] {(byte) random.nextInt(256), 'x'});        // trailing garbage
            case 5: {
                byte[] gz = gzip(bytes);
                gz[10 + random.nextInt(gz.length - 10)] ^= (byte) (1 + random.nextInt(255));        // a damaged byte
                return gz;
            }
            default: return bytes;
        }
    }

    private static byte[] mutateText(String row, SplittableRandom random) {
        StringBuilder s = new StringBuilder(row);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, JUNK_BYTES[random.nextInt(JUNK_BYTES.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
                case 2 -> s.setCharAt(at, (char) (' ' + random.nextInt(95)));
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + random.nextInt(12))));
            }
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));    // invalid UTF-8, likely
        }
        return bytes;
    }

    private static byte[] mutateTokens(String id, String arch, SplittableRandom random) {
        List<String> tokens = new ArrayList<>(List.of(arch.split(" ")));
        switch (random.nextInt(5)) {
            case 0 -> tokens.add(random.nextInt(tokens.size() + 1), JUNK_TOKENS[random.nextInt(JUNK_TOKENS.length)]);
            case 1 -> tokens.remove(random.nextInt(tokens.size()));
            case 2 -> java.util.Collections.swap(tokens, random.nextInt(tokens.size()), random.nextInt(tokens.size()));
            case 3 -> {
                int t = random.nextInt(tokens.size());
                tokens.set(t, tokens.get(t).replaceAll("\\d+", JUNK_NUMBERS[random.nextInt(JUNK_NUMBERS.length)]));
            }
            default -> {
                int t = random.nextInt(tokens.size());
                tokens.add(t, tokens.get(t));
            }
        }
        return (id + ",\"" + String.join(" ", tokens).replace("\"", "\"\"") + "\"\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(bytes);
        }
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A stdout for the redirect that the fuzzed runs never use. */
    private static final class OutputStreamOf {
        static final java.io.OutputStream NOTHING = java.io.OutputStream.nullOutputStream();
    }
}
