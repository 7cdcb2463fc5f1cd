package io.archmeter.cli;

import io.archmeter.cli.FilterCommandTest.Cli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code filter} does with hostile or odd input: gzip recognised by its bytes and read
 * strictly, bytes that are not UTF-8 kept, numbers and rows of any length bounded, controls in
 * cells escaped in messages, duplicated columns that the run reads refused (issue #9 items 5, 8,
 * 9 and 11).
 */
@DisplayName("filter's input: recognised, kept as written, bounded, escaped")
class FilterInputTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- gzip ------------------------------------------------------------------------------------

    @Test
    void gzipDataInAFileNamedCsvIsReadAsGzip() throws IOException {
        Path in = write("in.csv", FilterOutputsTest.gzip(FilterCommandTest.CSV));
        Cli cli = Cli.run("filter", in.toString(), "-o", "-", "--columns", "macs", "--quiet");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertTrue(cli.out().startsWith("id,arch,acc,macs\n1,conv_k3_s2_c16 bn relu gap fc_c10,0.71,"), cli.out());
    }

    @Test
    void gzipDataOnStdinIsReadAsGzipAndPlainDataNamedGzAsPlain() throws IOException {
        Cli piped = Cli.run(FilterOutputsTest.gzip(FilterCommandTest.CSV), "filter", "-", "-o", "-", "--columns", "macs", "--quiet");
        assertEquals(ExitCode.OK, piped.code(), piped.err());
        assertEquals(4, piped.out().lines().count());
        Path plain = write("plain.csv.gz", FilterCommandTest.CSV);
        Cli named = Cli.run("filter", plain.toString(), "-o", "-", "--columns", "macs", "--quiet");
        assertEquals(piped.out(), named.out());
    }

    @Test
    void concatenatedGzipMembersAreAllRead() throws IOException {
        Path in = write("in.csv.gz", concat(FilterOutputsTest.gzip("id,arch\n1,conv_k3_c8\n"), FilterOutputsTest.gzip("2,conv_k1_c4\n")));
        Cli cli = Cli.run("filter", in.toString(), "-o", "-", "--columns", "macs", "--quiet");
        assertEquals("id,arch,macs\n1,conv_k3_c8," + 216L * 224 * 224 + "\n2,conv_k1_c4," + 12L * 224 * 224 + "\n", cli.out());
    }

    @Test
    void trailingBytesAfterTheGzipDataAreAnError() throws IOException {
        byte[] gz = FilterOutputsTest.gzip(FilterCommandTest.CSV);
        Path in = write("in.csv.gz", concat(gz, utf8("garbage\n")));
        Cli cli = Cli.run("filter", in.toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains(in + ": corrupt gzip data at byte " + String.format("%,d", gz.length)
                + ": trailing data after the gzip data (bytes 67 61…): not a gzip member"), cli.err());
        assertFalse(Files.exists(tmp.resolve("k.csv")));
    }

    @Test
    void aDamagedChecksumIsAnError() throws IOException {
        byte[] gz = FilterOutputsTest.gzip(FilterCommandTest.CSV);
        gz[gz.length - 8] ^= 1;     // the CRC-32 of the trailer
        Cli cli = Cli.run("filter", write("in.csv.gz", gz).toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("CRC-32 mismatch"), cli.err());
    }

    // ---- UTF-8 and the byte-order mark -----------------------------------------------------------

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderNamesTheFirstColumnWithoutQuotes() throws IOException {
        Path in = write("in.csv", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8("\"id\",\"arch\"\n1,conv_k3_c8\n")));
        Cli cli = Cli.run("filter", in.toString(), "-o", "-", "--columns", "macs", "--max", "macs=1G", "--quiet");
        assertEquals("id,arch,macs\n1,conv_k3_c8," + 216L * 224 * 224 + "\n", cli.out(), cli.err());
    }

    @Test
    void everyKindOfInvalidUtf8PassesThroughByteForByte() throws IOException {
        byte[][] invalid = {
            {(byte) 0x80},                                  // a continuation byte alone
            {(byte) 0xff},                                  // never valid
            {(byte) 0xc0, (byte) 0xaf},                     // overlong '/'
            {(byte) 0xe2, (byte) 0x82},                     // cut short before the ','
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},        // an encoded surrogate
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},   // beyond U+10FFFF
        };
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        in.writeBytes(utf8("id,name,arch\n"));
        expected.writeBytes(utf8("id,name,arch,params\n"));
        for (int i = 0; i < invalid.length; i++) {
            byte[] name = concat(utf8("n"), invalid[i], utf8("é"));
            in.writeBytes(concat(utf8(i + ","), name, utf8(",conv_k1_c4\n")));
            expected.writeBytes(concat(utf8(i + ","), name, utf8(",conv_k1_c4,16\n")));     // 3*4 weights + 4 biases
        }
        Path out = tmp.resolve("out.csv");
        Cli cli = Cli.run("filter", write("in.csv", in.toByteArray()).toString(), "-o", out.toString(), "--columns", "params");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(out));
    }

    @Test
    void anArchitectureWithAnInvalidByteIsRejectedShowingTheByteAndKeptRawInTheRejects() throws IOException {
        byte[] row = concat(utf8("7,conv_k3_c8"), new byte[] {(byte) 0xff}, utf8("\n"));
        Path rejects = tmp.resolve("r.csv");
        Cli cli = Cli.run("filter", write("in.csv", concat(utf8("id,arch\n"), row)).toString(), "-o", tmp.resolve("k.csv").toString(),
                "--rejects", rejects.toString());
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertTrue(cli.err().contains("rejected line 2: syntax: ") && cli.err().contains("\\xff"), cli.err());
        byte[] written = Files.readAllBytes(rejects);
        byte[] tail = concat(utf8(",7,conv_k3_c8"), new byte[] {(byte) 0xff}, utf8("\n"));
        assertArrayEquals(tail, java.util.Arrays.copyOfRange(written, written.length - tail.length, written.length));
    }

    // ---- bounded numbers, rows and messages ------------------------------------------------------

    @Test
    void aLimitWithAnEnormousExponentIsRefusedAtOnceWithAShortMessage() throws IOException {
        Path in = write("in.csv", FilterCommandTest.CSV);
        long start = System.nanoTime();
        Cli big = Cli.run("filter", in.toString(), "--max", "macs=1e999999999");
        Cli tiny = Cli.run("filter", in.toString(), "--min", "acc=1e-99999999");
        Cli longNumber = Cli.run("filter", in.toString(), "--min", "acc=0." + "1".repeat(100_000));
        // before: 23 s and 5 GB for the first; a generous bound that only a bug would reach
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
        for (Cli cli : new Cli[] {big, tiny, longNumber}) {
            assertEquals(ExitCode.USAGE, cli.code(), cli.err());
            assertTrue(cli.err().length() < 1000, () -> cli.err().length() + " characters: " + cli.err().substring(0, 300));
        }
        assertTrue(big.err().contains("numbers have at most 64 characters and a magnitude within 1e-1000 to 1e1000"), big.err());
        assertTrue(longNumber.err().contains("…"), longNumber.err());
    }

    @Test
    void cellsWithEnormousNumbersAreRejectedWithABoundedReason() throws IOException {
        Path in = write("in.csv", "id,arch,acc\n1,conv_k3_c8,1e-99999999\n2,conv_k3_c8," + "9".repeat(200_000) + "\n3,conv_k3_c8,0.8\n");
        Path rejects = tmp.resolve("r.csv");
        Cli cli = Cli.run("filter", in.toString(), "-o", tmp.resolve("k.csv").toString(), "--rejects", rejects.toString(),
                "--min", "acc=0.5");
        assertEquals(ExitCode.OK, cli.code(), cli.err());
        assertTrue(cli.err().contains("3 rows read = 1 kept + 0 filtered out + 2 rejected"), cli.err());
        assertTrue(cli.err().contains("rejected line 2: column 'acc': '1e-99999999' is a number beyond 1e1000 or below 1e-1000"
                + " in magnitude (constrained by --min acc=0.5)"), cli.err());
        assertTrue(cli.err().contains("rejected line 3: column 'acc': '" + "9".repeat(200) + "…' is not a number of at most 64 characters"),
                cli.err());
        // the rows are kept whole (200,000 digits), the reasons short
        assertTrue(Files.size(rejects) < 200_000 + 2_000, Files.size(rejects) + " bytes");
    }

    @Test
    void aRowLongerThanTheLimitStopsTheRunNamingItsLine() throws IOException {
        Path in = write("in.csv", "id,arch\n1,conv_k3_c8\n2," + "relu ".repeat(100_000) + "\n");
        Path out = write("k.csv", "previous\n");
        Cli cli = Cli.run("filter", in.toString(), "-o", out.toString(), "--max-row-chars", "1000");
        assertEquals(ExitCode.USAGE, cli.code());
        assertTrue(cli.err().contains("line 3: a row longer than 1,000 characters (the limit; a larger one can be set with"
                + " --max-row-chars)"), cli.err());
        assertEquals("previous\n", Files.readString(out));
        Cli allowed = Cli.run("filter", in.toString(), "-o", out.toString(), "--quiet");
        assertEquals(ExitCode.OK, allowed.code(), "500,000 characters are within the default limit: " + allowed.err());
    }

    @Test
    void aHugeCellIsEchoedCutShort() throws IOException {
        Path in = write("in.csv", "id,arch\n1,cnv_" + "x".repeat(1_000_000) + "\n");
        Cli cli = Cli.run("filter", in.toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(ExitCode.OK, cli.code());
        assertTrue(cli.err().length() < 5_000, cli.err().length() + " characters of stderr");
        assertTrue(cli.err().contains("…"), cli::err);
    }

    @Test
    void ansiEscapesAndCarriageReturnsInCellsAreEscapedInMessages() throws IOException {
        Path in = write("in.csv", "id,arch,input\n1,\"conv_k3_z2\u001b[2J\rX\",\n2,conv_k3_c8,\"32x\u001b]0;t\u0007\"\n");
        Cli cli = Cli.run("filter", in.toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(ExitCode.OK, cli.code());
        assertFalse(cli.err().contains("\u001b") || cli.err().contains("\r") || cli.err().contains("\u0007"), cli.err());
        assertTrue(cli.err().contains("\\x1b[2J\\rX"), cli.err());
        assertTrue(cli.err().contains("input: '32x\\x1b]0;t\\x07' is not HxWxC"), cli.err());
        Cli header = Cli.run("filter", write("h.csv", "id,\"ar\u001b[31mch\"\n1,x\n").toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(ExitCode.USAGE, header.code());
        assertTrue(header.err().contains("(columns: id, ar\\x1b[31mch)"), header.err());
    }

    @Test
    void duplicateColumnsThatTheRunReadsAreRefusedAndOthersPassThrough() throws IOException {
        Cli input = Cli.run("filter", write("a.csv", "input,arch,input\n32x32x3,conv_k3_c8,64x64x3\n").toString(), "-o", "-");
        assertEquals(ExitCode.USAGE, input.code());
        assertTrue(input.err().contains("the header has 'input' twice (columns 1 and 3), and it is the input-shape column"), input.err());
        Cli constrained = Cli.run("filter", write("b.csv", "acc,arch,acc\n0.1,conv_k3_c8,0.9\n").toString(), "-o", "-",
                "--min", "acc=0.5");
        assertEquals(ExitCode.USAGE, constrained.code());
        assertTrue(constrained.err().contains("the header has 'acc' twice (columns 1 and 3), and it is constrained by --min acc=0.5"),
                constrained.err());
        Cli unread = Cli.run("filter", write("c.csv", "note,arch,note\na,conv_k3_c8,b\n").toString(), "-o", "-", "--columns", "macs",
                "--quiet");
        assertEquals(ExitCode.OK, unread.code(), unread.err());
        assertEquals("note,arch,note,macs\na,conv_k3_c8,b," + 216L * 224 * 224 + "\n", unread.out());
    }
}
