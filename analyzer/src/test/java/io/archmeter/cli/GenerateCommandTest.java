package io.archmeter.cli;

import io.archmeter.cli.FilterCommandTest.Cli;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theSameSeedGivesTheSameBytes() {
        Cli a = Cli.run("generate", "--rows", "50", "--seed", "9", "--invalid-rate", "0.1");
        Cli b = Cli.run("generate", "--rows", "50", "--seed", "9", "--invalid-rate", "0.1");
        assertEquals(0, a.code());
        assertEquals(a.out(), b.out());
        assertTrue(!a.out().equals(Cli.run("generate", "--rows", "50", "--seed", "10").out()));
    }

    @Test
    void rowsHaveIdArchAndAnAccuracyBetweenHalfAndFourFifthsWithFourDecimals() {
        List<String> lines = Cli.run("generate", "--rows", "200", "--layers", "12").out().lines().toList();
        assertEquals("id,arch,acc", lines.get(0));
        assertEquals(201, lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            assertEquals(String.valueOf(i), cells[0]);
            assertEquals(12, cells[1].split(" ").length, cells[1]);
            assertTrue(cells[2].matches("0\\.[5-8]\\d{3}") && Double.parseDouble(cells[2]) <= 0.8, cells[2]);
        }
    }

    @Test
    void depthStaysWithinMinAndMaxLayers() {
        List<String> lines = Cli.run("generate", "--rows", "300", "--min-layers", "12", "--max-layers", "40").out().lines().toList();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String line : lines.subList(1, lines.size())) {
            int depth = line.split(",")[1].split(" ").length;
            min = Math.min(min, depth);
            max = Math.max(max, depth);
        }
        assertTrue(min >= 12 && max <= 40 && max - min > 20, min + ".." + max);
    }

    @Test
    void invalidRowsAreRejectedByFilterAndTheOthersKept() throws IOException {
        String csv = Cli.run("generate", "--rows", "2000", "--seed", "3", "--invalid-rate", "0.05").out();
        FilterStats s = new FilterPipeline(FilterSpec.builder().build()).run(new StringReader(csv), new StringWriter(), new StringWriter());
        assertEquals(2000, s.rowsRead());
        assertTrue(s.rejected() > 50 && s.rejected() < 150, s.toString());
        assertEquals(2000 - s.rejected(), s.kept());
    }

    @Test
    void gzipOutputIsWrittenByName() throws IOException {
        Path out = tmp.resolve("c.csv.gz");
        assertEquals(0, Cli.run("generate", "--rows", "10", "-o", out.toString()).code());
        assertEquals(0x1f, Files.readAllBytes(out)[0] & 0xff);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Cli.run("generate", "--rows", "10", "--layers", "3").code());
        assertEquals(2, Cli.run("generate", "--rows", "10", "--invalid-rate", "2").code());
        assertEquals(2, Cli.run("generate").code());
    }

    @Test
    void theBundledDatasetIsWhatItsReadmeCommandGenerates() throws IOException {
        Path bundled = Path.of("..", "datasets", "candidates.csv");
        assumeTrue(Files.exists(bundled), "run from the analyzer module of a checkout");
        Path again = tmp.resolve("candidates.csv");
        assertEquals(0, Cli.run("generate", "--rows", "3000", "--min-layers", "12", "--max-layers", "40", "--seed", "2026",
                "--invalid-rate", "0.003", "-o", again.toString()).code());
        assertEquals(Files.readString(bundled), Files.readString(again));
    }

    @Test
    void aFailedRunLeavesThePreviousFileAndAMissingDirectoryIsNamed() throws IOException {
        Path out = Files.writeString(tmp.resolve("c.csv"), "previous\n");
        assertEquals(ExitCode.USAGE, Cli.run("generate", "--rows", "10", "--layers", "3", "-o", out.toString()).code());
        assertEquals("previous\n", Files.readString(out));
        Path missing = tmp.resolve("nowhere").resolve("c.csv");
        Cli cli = Cli.run("generate", "--rows", "10", "-o", missing.toString());
        assertEquals(ExitCode.IO, cli.code());
        assertTrue(cli.err().contains("cannot write " + missing + ": No such directory: " + tmp.resolve("nowhere")), cli.err());
        assertEquals(ExitCode.USAGE, Cli.run("generate", "--rows", "10", "--layers", "2000000000").code(), "a bounded depth");
    }

    @Test
    void aFileTheUserMayNotWriteIsNotReplacedByARename() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write any file");
        Path out = Files.writeString(tmp.resolve("c.csv"), "previous\n");
        assumeTrue(out.toFile().setWritable(false));
        Cli cli = Cli.run("generate", "--rows", "10", "-o", out.toString());
        assertEquals(ExitCode.IO, cli.code());
        assertTrue(cli.err().contains("cannot write " + out + ": Permission denied"), cli.err());
        assertEquals("previous\n", Files.readString(out));
    }
}
