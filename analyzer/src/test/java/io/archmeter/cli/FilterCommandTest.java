package io.archmeter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterCommandTest {
    static final String CSV = "id,arch,acc\n"
            + "1,conv_k3_s2_c16 bn relu gap fc_c10,0.71\n"
            + "2,conv_k3_s2_c64 bn relu conv_k3_c128 bn relu gap fc_c1000,0.78\n"
            + "3,conv_k3_z2 relu,0.75\n"
            + "4,conv_k3_s2_c16 bn relu gap fc_c10,0.65\n"
            + "5,maxpool_k300 fc_c10,0.9\n";

    @TempDir
    Path tmp;

    /** One run of the command line with stdin, stdout and stderr captured (stdout holds the bytes of '-' and picocli's output). */
    record Cli(int code, String out, String err) {
        static Cli run(byte[] stdin, String... args) {
            InProcessRun r = InProcessRun.withStdin(stdin, args);
            return new Cli(r.exit(), r.out(), r.err());
        }

        static Cli run(String... args) {
            return run(new byte[0], args);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static String gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gzipInputAndOutputRoundTripToTheSameRowsAsPlainFiles() throws IOException {
        Path plain = write("in.csv", CSV);
        Path gz = tmp.resolve("in.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, Cli.run("filter", plain.toString(), "-o", tmp.resolve("a.csv").toString(), "--max", "macs=100M").code());
        assertEquals(0, Cli.run("filter", gz.toString(), "-o", tmp.resolve("b.csv.gz").toString(), "--max", "macs=100M",
                "--rejects", tmp.resolve("b.rejects.csv.gz").toString()).code());

        assertEquals(Files.readString(tmp.resolve("a.csv")), gunzip(tmp.resolve("b.csv.gz")));
        assertEquals(Files.readString(tmp.resolve("a.rejects.csv")), gunzip(tmp.resolve("b.rejects.csv.gz")));
    }

    @Test
    void dashReadsStdinAndWritesStdout() throws IOException {
        Path rejects = tmp.resolve("r.csv");
        Cli cli = Cli.run(CSV.getBytes(StandardCharsets.UTF_8), "filter", "-", "-o", "-", "--columns", "macs",
                "--rejects", rejects.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        assertEquals("id,arch,acc,macs\n"
                + "1,conv_k3_s2_c16 bn relu gap fc_c10,0.71,5419168\n"
                + "2,conv_k3_s2_c64 bn relu conv_k3_c128 bn relu gap fc_c1000,0.78,946648064\n"
                + "4,conv_k3_s2_c16 bn relu gap fc_c10,0.65,5419168\n", cli.out());
        assertEquals(3, Files.readAllLines(rejects).size());
        assertEquals("", cli.err());
    }

    @Test
    void defaultRejectsFileSitsNextToTheOutputWithoutItsCsvGzSuffix() throws IOException {
        Path in = write("in.csv", CSV);
        assertEquals(0, Cli.run("filter", in.toString(), "-o", tmp.resolve("kept.csv.gz").toString()).code());
        assertTrue(Files.readString(tmp.resolve("kept.rejects.csv")).startsWith("line,reason,id,arch,acc\n4,\"syntax:"));
    }

    @Test
    void summaryOnStderrReconcilesAndCountsEachConstraint() throws IOException {
        Path in = write("in.csv", CSV);
        Cli cli = Cli.run("filter", in.toString(), "-o", tmp.resolve("k.csv").toString(), "--max", "macs=100M",
                "--min", "acc=0.7");
        assertEquals(0, cli.code());
        assertTrue(cli.err().contains("filter: 5 rows read = 1 kept + 2 filtered out + 2 rejected"), cli.err());
        assertTrue(cli.err().contains("a row failing several constraints counts against each"), cli.err());
        assertTrue(cli.err().matches("(?s).*--max macs=100M\\s+1\\n.*--min acc=0.7\\s+1\\n.*"), cli.err());
        assertTrue(cli.err().contains("rows/s") && cli.err().contains("MB/s"), cli.err());
        assertTrue(cli.err().contains("rejected line 4: syntax: token 1 'conv_k3_z2'"), cli.err());
    }

    @Test
    void onlyTheFirstFiveRejectReasonsAreEchoed() throws IOException {
        StringBuilder csv = new StringBuilder("arch\n");
        for (int i = 0; i < 8; i++) {
            csv.append("conv_k3_z").append(i).append('\n');
        }
        Cli cli = Cli.run("filter", write("in.csv", csv.toString()).toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(5, cli.err().lines().filter(l -> l.startsWith("rejected line")).count(), cli.err());
        assertTrue(cli.err().contains("further rejects are only written to"), cli.err());
    }

    @Test
    void quietSilencesProgressRejectsAndSummary() throws IOException {
        Cli cli = Cli.run("filter", write("in.csv", CSV).toString(), "-o", tmp.resolve("k.csv").toString(), "--quiet");
        assertEquals(0, cli.code());
        assertEquals("", cli.err());
    }

    @Test
    void failFastExitsWith3NamingTheLineAndReasonAndReplacesNoFile() throws IOException {
        Files.writeString(tmp.resolve("k.csv"), "previous\n");
        Cli cli = Cli.run("filter", write("in.csv", CSV).toString(), "-o", tmp.resolve("k.csv").toString(), "--fail-fast");
        assertEquals(3, cli.code());
        assertTrue(cli.err().contains("--fail-fast: rejected line 4: syntax: token 1 'conv_k3_z2'"), cli.err());
        assertTrue(cli.err().contains("(3 rows read; "), cli.err());
        assertEquals("previous\n", Files.readString(tmp.resolve("k.csv")), "a failed run replaces nothing");
        assertFalse(Files.exists(tmp.resolve("k.rejects.csv")));
    }

    @Test
    void failFastToStdoutHasWrittenTheRowsBeforeTheRejectedOne() {
        Cli cli = Cli.run(CSV.getBytes(StandardCharsets.UTF_8), "filter", "-", "-o", "-", "--columns", "macs", "--fail-fast");
        assertEquals(3, cli.code());
        assertEquals(3, cli.out().lines().count(), cli.out());
    }

    @Test
    void unbalancedQuoteExitsWith2NamingTheLine() throws IOException {
        Cli cli = Cli.run("filter", write("in.csv", "id,arch\n1,conv_k3_c1\n2,\"conv_k3_c1\n").toString(), "-o",
                tmp.resolve("k.csv").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("archmeter: line 3: unbalanced double quote"), cli.err());
    }

    @Test
    void missingArchColumnExitsWith2() throws IOException {
        Cli cli = Cli.run("filter", write("in.csv", "id,net\n1,conv_k3_c1\n").toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("archmeter: line 1: no 'arch' column in the header (columns: id, net)"), cli.err());
    }

    @Test
    void wrongFieldCountExitsWith2NamingTheLine() throws IOException {
        Cli cli = Cli.run("filter", write("in.csv", "id,arch\n1,conv_k3_c1\n2\n").toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("archmeter: line 3: 1 field, but the header has 2 (id, arch)"), cli.err());
    }

    @Test
    void unknownConstraintColumnExitsWith2ListingTheValidNames() throws IOException {
        Cli cli = Cli.run("filter", write("in.csv", CSV).toString(), "-o", tmp.resolve("k.csv").toString(), "--min", "top1=0.7");
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("unknown column 'top1'") && cli.err().contains("input columns id, arch, acc"), cli.err());
    }

    @Test
    void fractionalMetricLimitAndUnknownMetricColumnExitWith2() throws IOException {
        Path in = write("in.csv", CSV);
        Cli fraction = Cli.run("filter", in.toString(), "--max", "macs=1.5");
        assertEquals(2, fraction.code());
        assertTrue(fraction.err().contains("whole number"), fraction.err());
        Cli column = Cli.run("filter", in.toString(), "--columns", "macs,latency");
        assertEquals(2, column.code());
        assertTrue(column.err().contains("unknown metric column 'latency'"), column.err());
    }

    @Test
    void missingInputFileExitsWith2NamingIt() {
        Cli cli = Cli.run("filter", tmp.resolve("nope.csv").toString(), "-o", tmp.resolve("k.csv").toString());
        assertEquals(2, cli.code());
        assertTrue(cli.err().contains("cannot read") && cli.err().contains("nope.csv"), cli.err());
    }

    @Test
    void outputThatIsTheInputIsRefused() throws IOException {
        Path in = write("in.csv", CSV);
        assertEquals(2, Cli.run("filter", in.toString(), "-o", in.toString()).code());
        assertEquals(CSV, Files.readString(in));
    }

    @Test
    void helpDocumentsTheExitCodesAndTheSuffixes() {
        Cli cli = Cli.run("filter", "--help");
        assertEquals(0, cli.code());
        assertTrue(cli.out().contains("Exit codes:"), cli.out());
        assertTrue(cli.out().matches("(?s).*\\n\\s+3\\s+--fail-fast.*"), cli.out());
        assertTrue(cli.out().contains("KiB"), cli.out());
        assertFalse(cli.out().isBlank());
    }

    @Test
    void nasBench201CellsAndSizeStringsFilterWithTheirClassesAndInput() throws IOException {
        Path in = write("nb201.csv", "id,arch\n"
                + "a,|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|\n"
                + "b,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n"
                + "c,8:16:32:48:64\n");
        Path out = tmp.resolve("out.csv");
        Cli cli = Cli.run("filter", in.toString(), "-o", out.toString(), "--input", "32x32x3", "--columns", "flops,params",
                "--max", "flops=100M", "--quiet");
        assertEquals(0, cli.code(), cli.err());
        assertEquals("id,arch,flops,params\nb,|none~0|+|none~0|none~1|+|none~0|none~1|none~2|,7783050,73306\n"
                + "c,8:16:32:48:64,26780298,251394\n", Files.readString(out));
        Cli c100 = Cli.run("filter", in.toString(), "-o", out.toString(), "--input", "32x32x3", "--columns", "params",
                "--classes", "100", "--quiet");
        assertEquals(0, c100.code(), c100.err());
        assertTrue(Files.readString(out).contains(",73306\n".replace("73306", Long.toString(73_306 + 64 * 90 + 90))),
                Files.readString(out));
    }
}
