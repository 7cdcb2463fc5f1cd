package io.archmeter.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The commands in a JVM of their own, with a real stdout that is full ({@code /dev/full}), closed
 * ({@code >&-}) or a pipe whose reader goes ({@code | head}), killed mid-run, talking to a coprocess,
 * and in a 256 MiB heap: issue #9 items 1, 3 and 8, issue #15's flushing.
 */
@DisplayName("the commands with real streams, in a JVM of their own")
class RealStreamsTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void onLinux() throws IOException {
        assumeTrue(Subprocess.unixDevices(), "needs /dev/full and /proc/self/fd");
        Files.writeString(tmp.resolve("in.csv"), FilterCommandTest.CSV);
    }

    @Test
    void filterToAFullStdoutExitsWith4SayingTheDiskIsFull() {
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" filter in.csv -o - --rejects r.csv > /dev/full", tmp, 120);
        assertEquals(ExitCode.IO, r.exit(), r.err());
        assertTrue(r.err().contains("archmeter: cannot write stdout: No space left on device"), r.err());
        assertFalse(r.err().contains("rows read ="), "no success summary after a failed write: " + r.err());
    }

    @Test
    void filterToAClosedStdoutExitsWith4() {
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" filter in.csv -o - --rejects r.csv >&-", tmp, 120);
        assertEquals(ExitCode.IO, r.exit(), r.err());
        assertTrue(r.err().contains("archmeter: cannot write stdout: "), r.err());
    }

    @Test
    void filterToTheFullDeviceByNameExitsWith4NamingIt() {
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" filter in.csv -o /dev/full", tmp, 120);
        assertEquals(ExitCode.IO, r.exit(), r.err());
        assertTrue(r.err().contains("archmeter: cannot write /dev/full: No space left on device"), r.err());
    }

    @Test
    void generateToAFullOrClosedStdoutExitsWith4() {
        Subprocess.Result full = Subprocess.shell("\"$ARCHMETER\" generate --rows 10 > /dev/full", tmp, 120);
        assertEquals(ExitCode.IO, full.exit(), full.err());
        assertTrue(full.err().contains("cannot write stdout: No space left on device"), full.err());
        Subprocess.Result closed = Subprocess.shell("\"$ARCHMETER\" generate --rows 10 >&-", tmp, 120);
        assertEquals(ExitCode.IO, closed.exit(), closed.err());
        assertFalse(closed.err().contains("written to"), closed.err());
    }

    @Test
    void filterIntoHeadStopsReadingAnEndlessInputAndEndsQuietlyWith141() {
        // before: the filter went on reading the endless input after head had gone, and never ended
        Subprocess.Result r = Subprocess.shell("(echo id,arch; yes 1,conv_k3_c8) | \"$ARCHMETER\" filter - -o - --columns macs"
                + " | head -2; echo \"exit=${PIPESTATUS[1]}\"", tmp, 120);
        assertEquals(List.of("id,arch,macs", "1,conv_k3_c8," + 3 * 3 * 3 * 224 * 224 * 8, "exit=141"), r.out().lines().toList(),
                r.err());
        assertFalse(r.err().contains("archmeter:"), "a closed pipe is not an error: " + r.err());
    }

    @Test
    void generateIntoHeadStopsAtOnceWith141() {
        // 100 million rows would take many minutes: only a stop at the first failed write ends in time
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" generate --rows 100000000 | head -1; echo \"exit=${PIPESTATUS[0]}\"",
                tmp, 120);
        assertEquals(List.of("id,arch,acc", "exit=141"), r.out().lines().toList(), r.err());
    }

    @Test
    void rejectsToStdoutWhenStdoutIsTheOutputFileIsRefused() throws IOException {
        Files.writeString(tmp.resolve("f.csv"), "previous\n");
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" filter in.csv -o f.csv --rejects /dev/stdout >> f.csv", tmp, 120);
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("two outputs go to the same place ('f.csv' and '/dev/stdout'"), r.err());
        assertEquals("previous\n", Files.readString(tmp.resolve("f.csv")));
    }

    @Test
    void aRunKilledMidwayLeavesThePreviousOutputAndNoTemporaryFile() throws Exception {
        for (int round = 0; round < 3; round++) {
            killMidway();
        }
    }

    @Test
    void anInputThatEndsAsTheJvmShutsDownNeverLeavesAPartialFile() throws Exception {
        // Process.destroy sends SIGTERM and then closes stdin: the end of input races the shutdown, as when
        // Ctrl-C kills both 'producer' and 'archmeter filter' in a pipeline. Whichever wins, the file is the
        // previous one or the whole result, never a part (nothing is renamed once the shutdown has begun)
        String whole = "id,arch,macs,flops,params,weight_bytes,act_peak_bytes,act_total_bytes,rf,rf_stride,out_shape\n"
                + "1,conv_k3_c8,10838016,11239424,224,896,2207744,1605632,3,1,224x224x8\n";
        for (int round = 0; round < 5; round++) {
            Path out = tmp.resolve("out.csv");
            Files.writeString(out, "previous\n");
            Process p = Subprocess.archmeter(List.of(), "filter", "-", "-o", out.toString(), "--chunk-size", "1", "--quiet")
                    .directory(tmp.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().write("id,arch\n1,conv_k3_c8\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            awaitTemporaryWithRows();
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String now = Files.readString(out);
            assertTrue(now.equals("previous\n") || now.equals(whole), p.exitValue() + ": " + now);
            assertEquals(List.of(), temporaries());
        }
    }

    private void awaitTemporaryWithRows() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (temporaries().isEmpty() || Files.size(temporaries().get(0)) == 0) {
            assertTrue(System.nanoTime() < deadline, "no temporary file appeared");
            Thread.sleep(20);
        }
    }

    private void killMidway() throws Exception {
        Path out = tmp.resolve("out.csv");
        Files.writeString(out, "previous\n");
        Process p = Subprocess.archmeter(List.of(), "filter", "-", "-o", out.toString(), "--chunk-size", "1", "--quiet")
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write("id,arch\n1,conv_k3_c8\n2,conv_k3_c8\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            // the run is under way once its temporary file exists and holds rows
            awaitTemporaryWithRows();
            // SIGTERM, as a scheduler's kill, with stdin still open (Process.destroy would also close it)
            assertTrue(p.toHandle().destroy());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(143, p.exitValue(), "ended by the signal, not by the end of its input");
        }
        assertEquals("previous\n", Files.readString(out), "a killed run must not replace the output");
        assertEquals(List.of(), temporaries(), "the shutdown hook deletes the temporary file");
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".out.csv.tmp-")).toList();
        }
    }

    @Test
    void aCoprocessGetsEachRowsAnswerBeforeClosingStdin() throws Exception {
        Process p = Subprocess.archmeter(List.of(), "filter", "-", "-o", "-", "--chunk-size", "1", "--columns", "macs", "--quiet")
                .directory(tmp.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        OutputStream stdin = p.getOutputStream();
        stdin.write("id,arch\n1,conv_k3_c8\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        assertEquals("id,arch,macs", poll(lines));
        // conv 3x3, 3 -> 8 channels on 224x224: 3*3*3*8 MACs per output pixel
        assertEquals("1,conv_k3_c8," + 216L * 224 * 224, poll(lines), "the answer must come before stdin closes");
        stdin.write("2,conv_k1_c4\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        assertEquals("2,conv_k1_c4," + 12L * 224 * 224, poll(lines));
        stdin.close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private static String poll(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertNotNull(line, "no answer within 60 s");
        return line;
    }

    @Test
    void twoHundredLayerRowsFilterIn256MiBOfHeap() {
        // 60,000 rows of 200 layers: 16,384-row chunks of them held 4 x 3.3 M layers and ran out of memory
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" generate --rows 60000 --layers 200 --seed 5"
                + " | \"$ARCHMETER_256M\" filter - -o /dev/null --max macs=1G", tmp, 600);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*filter: 60,000 rows read = \\d[\\d,]* kept \\+ \\d[\\d,]* filtered out \\+ 0 rejected.*"),
                r.err());
    }
}
