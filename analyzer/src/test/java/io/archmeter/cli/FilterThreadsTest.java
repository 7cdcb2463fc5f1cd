package io.archmeter.cli;

import io.archmeter.io.MixedCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code archmeter filter --threads N}: the same files and the same summary as one reader, for every N. */
class FilterThreadsTest {
    @TempDir
    Path dir;

    @Test
    void twoAndFourThreadsWriteTheFilesAndSummaryOfOneReader() throws IOException {
        Path in = MixedCsv.write(dir.resolve("in.csv"), 11, 3000);
        InProcessRun one = run(in, "1");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.err().contains("\nfilter: 3,000 rows read = "), one.err());
        for (String threads : new String[] {"2", "4"}) {
            InProcessRun n = run(in, threads);
            assertEquals(0, n.exit(), n.err());
            assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.csv")), Files.readAllBytes(dir.resolve("out-" + threads + ".csv")));
            assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.rejects.csv")),
                    Files.readAllBytes(dir.resolve("out-" + threads + ".rejects.csv")));
            assertEquals(withoutTime(one.err()).replace("out-1", "out-N"), withoutTime(n.err()).replace("out-" + threads, "out-N"));
        }
    }

    @Test
    void aGzipInputIsReadByOneReaderWhateverTheThreads() throws IOException {
        Path in = MixedCsv.write(dir.resolve("in.csv"), 12, 500);
        Path gz = dir.resolve("in.csv.gz");
        try (var o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(in));
        }
        InProcessRun plain = run(in, "1");
        InProcessRun zipped = InProcessRun.of("filter", gz.toString(), "-o", dir.resolve("out-gz.csv").toString(), "--threads", "2",
                "--max", "macs=300M", "--min", "acc=0.6");
        assertEquals(0, zipped.exit(), zipped.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.csv")), Files.readAllBytes(dir.resolve("out-gz.csv")));
        assertEquals(0, plain.exit());
    }

    @Test
    void aByteOrderMarkInvalidUtf8AndAFeffCharacterMidFileComeOutAsWithOneReader() throws IOException {
        // EF BB BF before a quoted header (dropped), bytes that are not UTF-8 in a note (passed through), and
        // U+FEFF starting a row far into the file (a character of its cell: only the file's first one is a BOM)
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("\"id\",arch,input,acc,note\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String body = MixedCsv.text(13, 2000);
        body = body.substring(body.indexOf('\n') + 1);
        int mid = body.indexOf('\n', body.length() / 2) + 1;
        bytes.write(body.substring(0, mid).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write("\uFEFF7001,conv_k3_c8 relu,,0.9,feff\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(new byte[] {'7', '0', '0', '2', ',', 'r', 'e', 'l', 'u', ',', ',', '0', '.', '9', ',', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
            '\n'});
        bytes.write(body.substring(mid).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path in = Files.write(dir.resolve("in.csv"), bytes.toByteArray());
        InProcessRun one = run(in, "1");
        assertEquals(0, one.exit(), one.err());
        String kept = Files.readString(dir.resolve("out-1.csv"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(kept.startsWith("id,arch,"), "the BOM dropped and the quoted header read as id");
        assertTrue(kept.contains("\u00EF\u00BB\u00BF7001,"), "U+FEFF mid-file kept as its three bytes");
        assertTrue(kept.contains(",0.9,\u00C3(\u00FF,"), "invalid bytes written back as read");
        InProcessRun two = run(in, "2");
        assertEquals(0, two.exit(), two.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.csv")), Files.readAllBytes(dir.resolve("out-2.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.rejects.csv")), Files.readAllBytes(dir.resolve("out-2.rejects.csv")));
    }

    @Test
    void gzipDataNamedCsvIsToldByItsFirstBytesAndReadByOneReader() throws IOException {
        Path in = MixedCsv.write(dir.resolve("in.csv"), 14, 500);
        Path disguised = dir.resolve("zipped.csv");
        try (var o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(disguised))) {
            o.write(Files.readAllBytes(in));
        }
        InProcessRun plain = run(in, "1");
        assertEquals(0, plain.exit(), plain.err());
        InProcessRun zipped = InProcessRun.of("filter", disguised.toString(), "-o", dir.resolve("out-z.csv").toString(), "--threads",
                "2", "--max", "macs=300M", "--min", "acc=0.6", "--chunk-size", "64");
        assertEquals(0, zipped.exit(), zipped.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-1.csv")), Files.readAllBytes(dir.resolve("out-z.csv")));
    }

    @Test
    void aHeaderWithoutTheArchColumnLeavesTheOutputAsItWasOnTwoThreads() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,net\n1,relu\n");
        Path out = Files.writeString(dir.resolve("out-2.csv"), "previous\n");
        InProcessRun two = run(in, "2");
        assertEquals(2, two.exit(), two.err());
        assertTrue(two.err().contains("arch"), two.err());
        assertEquals("previous\n", Files.readString(out), "checked before any output was opened");
        assertEquals(false, Files.exists(dir.resolve("out-2.rejects.csv")));
    }

    private InProcessRun run(Path in, String threads) {
        return InProcessRun.of("filter", in.toString(), "-o", dir.resolve("out-" + threads + ".csv").toString(), "--threads", threads,
                "--max", "macs=300M", "--min", "acc=0.6", "--chunk-size", "64");
    }

    /** The summary less its last line (time, rows/s, MB/s: of the run, not of the rows). */
    private static String withoutTime(String err) {
        return err.substring(0, err.lastIndexOf('\n', err.length() - 2));
    }
}
