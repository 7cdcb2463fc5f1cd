package io.archmeter.cli;

import io.archmeter.cli.FilterCommandTest.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where {@code filter} writes and when: options and header checked before any output is opened,
 * files replaced only by a run that succeeds, two outputs that are one destination refused, the
 * default rejects file only beside a regular file (issue #9 items 2, 3 and 10; issue #10's
 * constraint checks).
 */
@DisplayName("filter's outputs: checked first, replaced whole, never two in one place")
class FilterOutputsTest {
    static final String PREVIOUS = "previous result\n";

    @TempDir
    Path tmp;
    Path in;
    Path out;
    Path rejects;

    @BeforeEach
    void files() throws IOException {
        in = Files.writeString(tmp.resolve("in.csv"), FilterCommandTest.CSV);
        out = Files.writeString(tmp.resolve("kept.csv"), PREVIOUS);
        rejects = tmp.resolve("kept.rejects.csv");
    }

    private Cli filter(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("filter", in.toString(), "-o", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    /** The previous output is intact, no rejects file appeared, and no temporary file is left in the directory. */
    private void assertNothingReplaced(Cli cli) throws IOException {
        assertEquals(PREVIOUS, Files.readString(out), "the previous output must be left as it was: " + cli.err());
        assertFalse(Files.exists(rejects), "no rejects file may appear: " + cli.err());
        assertEquals(List.of(), temporaries(), cli.err());
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().contains(".tmp-")).toList();
        }
    }

    // ---- item 3: checked before anything is written; replaced only on success ------------------

    @Test
    void aTypoInTheArchColumnLeavesThePreviousOutputUntouched() throws IOException {
        Cli cli = filter("--arch-column", "archh");
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("no 'archh' column in the header (columns: id, arch, acc)"), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void anUnknownConstraintColumnLeavesThePreviousOutputUntouched() throws IOException {
        Cli cli = filter("--max", "latency=5");
        assertEquals(ExitCode.USAGE, cli.code());
        assertNothingReplaced(cli);
    }

    @Test
    void badOptionValuesLeaveThePreviousOutputUntouched() throws IOException {
        for (String[] bad : new String[][] {{"--chunk-size", "0"}, {"--chunk-size", "2147483647"}, {"--input", "224x224"},
            {"--flops", "fused"}, {"--max", "macs"}, {"--max-row-chars", "0"}, {"--columns", "macs,latency"}}) {
            Cli cli = filter(bad);
            assertEquals(ExitCode.USAGE, cli.code(), String.join(" ", bad) + ": " + cli.err());
            assertNothingReplaced(cli);
        }
    }

    @Test
    void chunkSizesBeyondTheLimitAreRefusedNamingIt() {
        Cli cli = filter("--chunk-size", "2147483647");
        assertTrue(cli.err().contains("chunk size must be from 1 to 1,048,576 rows, not 2,147,483,647"), cli.err());
    }

    @Test
    void aDirectoryAsInputIsRefusedNamingItAndTheCause() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("runs"));
        Cli cli = Cli.run("filter", dir.toString(), "-o", out.toString());
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("cannot read " + dir + ": Is a directory"), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void aRejectsPathInAMissingDirectoryIsRefusedBeforeTheOutputIsTouched() throws IOException {
        Path missing = tmp.resolve("no-such-dir").resolve("r.csv");
        Cli cli = filter("--rejects", missing.toString());
        assertEquals(ExitCode.IO, cli.code());
        assertTrue(cli.err().contains("cannot write " + missing + ": No such directory: " + tmp.resolve("no-such-dir")), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void anOutputThatIsADirectoryIsRefused() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("outdir"));
        Cli cli = Cli.run("filter", in.toString(), "-o", dir.toString());
        assertEquals(ExitCode.IO, cli.code());
        assertTrue(cli.err().contains("cannot write " + dir + ": Is a directory"), cli.err());
    }

    @Test
    void aGzipInputCorruptMidwayReplacesNothing() throws IOException {
        StringBuilder csv = new StringBuilder("id,arch\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",conv_k3_c").append(1 + i % 50).append(" relu\n");
        }
        byte[] gz = gzip(csv.toString());
        Path corrupt = tmp.resolve("in.csv.gz");
        // cut short: the rows of the first chunks decompress, then the data ends
        Files.write(corrupt, java.util.Arrays.copyOf(gz, gz.length * 2 / 3));
        Cli cli = Cli.run("filter", corrupt.toString(), "-o", out.toString(), "--chunk-size", "100");
        assertEquals(ExitCode.USAGE, cli.code(), cli.err());
        assertTrue(cli.err().contains(corrupt + ": corrupt gzip data at byte "), cli.err());
        assertTrue(cli.err().contains("unexpected end of the data"), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void aMalformedRowMidwayReplacesNothing() throws IOException {
        StringBuilder csv = new StringBuilder("id,arch\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",conv_k3_c8\n");
        }
        csv.append("5000\n");
        Files.writeString(in, csv);
        Cli cli = filter("--chunk-size", "10");
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("line 5002: 1 field, but the header has 2 (id, arch)"), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void aSuccessfulRunReplacesTheFileWholeKeepingItsPermissionsAndLeavesNoTemporary() throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Cli cli = filter("--max", "macs=100M");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertTrue(Files.readString(out).startsWith("id,arch,acc,macs,"), Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(List.of(), temporaries());
    }

    @Test
    void anOutputThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.csv"), PREVIOUS);
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real.getFileName());
        Cli cli = Cli.run("filter", in.toString(), "-o", link.toString(), "--rejects", tmp.resolve("r.csv").toString());
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("id,arch,acc,macs,"));
    }

    // ---- item 2: no two outputs in one place ---------------------------------------------------

    @Test
    void outputAndRejectsBothOnStdoutAreRefusedBeforeWritingAnything() {
        for (String rej : new String[] {"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
            Cli cli = Cli.run(FilterCommandTest.CSV.getBytes(StandardCharsets.UTF_8), "filter", "-", "-o", "-", "--rejects", rej);
            assertEquals(ExitCode.USAGE, cli.code(), rej);
            assertTrue(cli.err().contains("two outputs go to the same place ('-' and '" + rej + "', both stdout)"), cli.err());
            assertEquals("", cli.out(), "nothing written");
        }
    }

    @Test
    void outputAndRejectsThatAreOneFileUnderTwoNamesAreRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("alias.csv"), out);
        Path hard = Files.createLink(tmp.resolve("hard.csv"), out);
        Path sub = Files.createDirectory(tmp.resolve("sub"));
        String dotted = sub + "/../kept.csv";
        for (String rej : new String[] {link.toString(), hard.toString(), dotted, out.toString()}) {
            Cli cli = filter("--rejects", rej);
            assertEquals(ExitCode.USAGE, cli.code(), rej + ": " + cli.err());
            assertTrue(cli.err().contains("two outputs go to the same place"), cli.err());
            assertEquals(PREVIOUS, Files.readString(out));
        }
    }

    @Test
    void anOutputThatIsTheInputUnderAnotherNameIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("same-as-input.csv"), in);
        Cli cli = Cli.run("filter", in.toString(), "-o", link.toString());
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("is the input"), cli.err());
        Cli rej = Cli.run("filter", in.toString(), "-o", out.toString(), "--rejects", link.toString());
        assertEquals(ExitCode.USAGE, rej.code());
        assertEquals(FilterCommandTest.CSV, Files.readString(in));
    }

    @Test
    void theNullDeviceMayTakeBothOutputs() {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        Cli cli = Cli.run("filter", in.toString(), "-o", "/dev/null", "--rejects", "/dev/null", "--quiet");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
    }

    // ---- item 10: the default rejects file, and saying where rejects went ----------------------

    @Test
    void outputToADeviceWritesNoRejectsFileNamedAfterIt() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        Path wrong = Path.of("/dev/null.rejects.csv");
        // an earlier version may have left one: then it must stay as it is
        String before = Files.exists(wrong) ? Files.getLastModifiedTime(wrong) + " " + Files.size(wrong) : null;
        Cli cli = Cli.run("filter", in.toString(), "-o", "/dev/null");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertEquals(before, Files.exists(wrong) ? Files.getLastModifiedTime(wrong) + " " + Files.size(wrong) : null);
        assertTrue(cli.err().contains("2 rejected (rejects not written: the output is not a file; give --rejects FILE to keep them)"),
                cli.err());
    }

    @Test
    void outputToStdoutWritesNoRejectsFileUnlessAsked() throws IOException {
        Path cwdRejects = Path.of("rejects.csv").toAbsolutePath();
        assumeFalse(Files.exists(cwdRejects), "left by an earlier version");
        Cli cli = Cli.run("filter", in.toString(), "-o", "-");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertFalse(Files.exists(cwdRejects), "the old default, rejects.csv in the current directory");
        assertTrue(cli.err().contains("rejects not written"), cli.err());

        Path asked = tmp.resolve("asked.csv");
        Cli given = Cli.run("filter", in.toString(), "-o", "-", "--rejects", asked.toString());
        assertTrue(given.err().contains("2 rejected (rejects: " + asked + ")"), given.err());
        assertEquals(3, Files.readAllLines(asked).size());
    }

    @Test
    void aFileOutputGetsItsRejectsBesideIt() throws IOException {
        Cli cli = filter();
        assertEquals(ExitCode.OK, cli.code());
        assertTrue(cli.err().contains("(rejects: " + rejects + ")"), cli.err());
        assertEquals(3, Files.readAllLines(rejects).size());
    }

    // ---- issue #10: constraints that cannot be met by any number -------------------------------

    @Test
    void aConstraintOnTheArchitectureColumnIsAUsageErrorBeforeAnyRowIsRead() throws IOException {
        // line 3 is malformed: reading any row would fail on it instead
        Files.writeString(in, "id,arch,acc\n1,conv_k3_c8,0.7\n2\n");
        Cli cli = filter("--max", "arch=5");
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("--max arch: 'arch' is the architecture column, not a number"), cli.err());
        assertNothingReplaced(cli);
    }

    @Test
    void constraintsOnTheInputShapeColumnOnOutShapeOrTwiceOnOneColumnAreUsageErrors() throws IOException {
        Files.writeString(in, "id,arch,input,acc\n1,conv_k3_c8,32x32x3,0.7\n");
        Cli input = filter("--min", "input=3");
        assertEquals(ExitCode.USAGE, input.code());
        assertTrue(input.err().contains("'input' is the input-shape column, not a number"), input.err());
        Cli shape = filter("--max", "out_shape=7");
        assertEquals(ExitCode.USAGE, shape.code());
        assertTrue(shape.err().contains("out_shape is not a number"), shape.err());
        Cli twice = filter("--max", "macs=1M", "--max", "macs=2M");
        assertEquals(ExitCode.USAGE, twice.code());
        assertTrue(twice.err().contains("--max macs is given twice (--max macs=1M and --max macs=2M): give it once"), twice.err());
        assertEquals(ExitCode.OK, filter("--min", "macs=1M", "--max", "macs=2G").code(), "a range is two different bounds");
        assertNothingReplacedExceptByTheLastRun();
    }

    private void assertNothingReplacedExceptByTheLastRun() throws IOException {
        assertTrue(Files.readString(out).startsWith("id,arch,input,acc,macs"));
        assertEquals(List.of(), temporaries());
    }

    @Test
    void aMetricNameThatIsAlsoAnInputColumnIsAmbiguousAndRefused() throws IOException {
        Files.writeString(in, "id,arch,macs\n1,conv_k3_c8,5\n");
        Cli cli = filter("--columns", "params", "--max", "macs=100");
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("'macs' is both a metric and a column of the input"), cli.err());
    }

    @Test
    void countsAreWrittenWithTheirNounInTheSingularForOne() throws IOException {
        Files.writeString(in, "id,arch\n1,conv_k3_c8\n");
        Cli cli = filter();
        assertTrue(cli.err().contains("filter: 1 row read = 1 kept + 0 filtered out + 0 rejected"), cli.err());
        Cli gen = Cli.run("generate", "--rows", "1", "-o", tmp.resolve("g.csv").toString());
        assertTrue(gen.err().contains("generate: 1 row (0 rows made invalid) written to"), gen.err());
    }

    static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
