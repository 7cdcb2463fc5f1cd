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

    private InProcessRun run(Path in, String threads) {
        return InProcessRun.of("filter", in.toString(), "-o", dir.resolve("out-" + threads + ".csv").toString(), "--threads", threads,
                "--max", "macs=300M", "--min", "acc=0.6", "--chunk-size", "64");
    }

    /** The summary less its last line (time, rows/s, MB/s: of the run, not of the rows). */
    private static String withoutTime(String err) {
        return err.substring(0, err.lastIndexOf('\n', err.length() - 2));
    }
}
