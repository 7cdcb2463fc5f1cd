package io.archmeter.io;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("AtomicOutput: checked writes, files whole or not at all")
class AtomicOutputTest {
    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void nothingAppearsUnderTheNameUntilCommitAndThenAllOfIt() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old\n");
        try (AtomicOutput out = AtomicOutput.open(target.toString())) {
            out.writer().write("new\n");
            out.writer().flush();
            assertEquals("old\n", Files.readString(target), "the target is untouched while writing");
            assertEquals(2, files().size(), "the temporary file sits beside the target");
            out.commit();
        }
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void closingWithoutCommitDeletesTheTemporaryAndKeepsTheOldFile() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old\n");
        try (AtomicOutput out = AtomicOutput.open(target.toString())) {
            out.writer().write("half a result");
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aNameEndingInGzGetsGzipData() throws IOException {
        Path target = tmp.resolve("out.csv.gz");
        try (AtomicOutput out = AtomicOutput.open(target.toString())) {
            out.writer().write("id,arch\n");
            out.commit();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(target))) {
            assertEquals("id,arch\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFailedWriteNamesTheOutputAndTheCauseAndEveryLaterWriteFailsToo() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        try (AtomicOutput out = AtomicOutput.open("/dev/full")) {
            Writer w = out.writer();
            w.write("x");
            OutputFailedException first = assertThrows(OutputFailedException.class, w::flush);
            assertEquals("cannot write /dev/full: No space left on device", first.getMessage());
            assertTrue(!first.brokenPipe());
            OutputFailedException again = assertThrows(OutputFailedException.class, () -> out.stream().write(1));
            assertSame(first, again);
        }
    }

    @Test
    @SuppressWarnings("try")   // the redirect is held only for its close, which restores the streams
    void aReaderGoneFromThePipeIsTold() throws IOException {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        try (StdStreams.Redirect r = StdStreams.redirect(InputStream.nullInputStream(), gone);
             AtomicOutput out = AtomicOutput.open("-")) {
            OutputFailedException e = assertThrows(OutputFailedException.class, () -> out.stream().write(1));
            assertTrue(e.brokenPipe());
            assertEquals("cannot write stdout: Broken pipe", e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("try")   // the redirect is held only for its close, which restores the streams
    void stdoutIsFlushedByCommitAndNeverClosed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream stdout = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (StdStreams.Redirect r = StdStreams.redirect(InputStream.nullInputStream(), stdout);
             AtomicOutput out = AtomicOutput.open("-")) {
            out.writer().write("é\n");
            assertEquals(0, bytes.size(), "buffered until flushed");
            out.commit();
        }
        assertEquals("é\n", bytes.toString(StandardCharsets.UTF_8));
        assertTrue(!closed[0]);
    }

    @Test
    void finishWritesEverythingOutBeforePublishRenames() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old\n");
        try (AtomicOutput out = AtomicOutput.open(target.toString())) {
            out.writer().write("new\n");
            assertThrows(IllegalStateException.class, out::publish);
            out.finish();
            assertEquals("old\n", Files.readString(target));
            out.publish();
        }
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void aFileIsForcedToTheDiskWhileItIsWrittenAndStillAppearsWholeAtCommit() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old\n");
        StringBuilder expected = new StringBuilder();
        int forces;
        try (AtomicOutput out = AtomicOutput.open(Destination.output(target.toString()), 4096)) {
            for (int i = 0; i < 20_000; i++) {
                String line = i + ",conv_k3_c" + (i % 97) + " relu\n";
                out.writer().write(line);
                expected.append(line);
            }
            assertEquals("old\n", Files.readString(target), "forced, not published");
            out.commit();
            forces = out.earlyForces();
        }
        assertEquals(expected.toString(), Files.readString(target));
        assertEquals(List.of(target), files());
        // the writer's 64 KiB buffer reaches the file in writes of 64 KiB: one force per write at most, one at a time
        int writes = (expected.length() + (1 << 16) - 1) >> 16;
        assertTrue(forces >= 1 && forces <= writes, forces + " forces for " + writes + " writes");
    }

    @Test
    void anOutputAbandonedWhileForcesRunLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.csv"), "old\n");
        try (AtomicOutput out = AtomicOutput.open(Destination.output(target.toString()), 1)) {
            for (int i = 0; i < 2_000; i++) {
                out.stream().write(new byte[1024]);
            }
            assertTrue(out.earlyForces() >= 1);
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void streamsAreNeverForced() throws IOException {
        try (AtomicOutput out = AtomicOutput.open(Destination.output("-"), 1)) {
            assertEquals(0, out.earlyForces());
        }
    }
}
