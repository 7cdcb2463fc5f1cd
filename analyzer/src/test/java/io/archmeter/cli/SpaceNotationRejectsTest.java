package io.archmeter.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad notations of every search space are rows {@code filter} rejects, each with a reason naming what
 * is wrong, beside good rows of the same spaces: never a crash, and rows in = kept + rejected.
 */
@DisplayName("filter on search-space notations")
class SpaceNotationRejectsTest {
    private static final String V2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0),"
            + " ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)],"
            + " normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
            + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)],"
            + " reduce_concat=[2, 3, 4, 5])";

    /** Each bad row and the words its reason must hold. */
    private static final String[][] BAD = {
        {"{\"matrix\": [[0, 1, 0], [1, 0, 1], [0, 0, 0]], \"ops\": [\"input\", \"conv3x3-bn-relu\", \"output\"]}",
            "NAS-Bench-101 spec: matrix[1][0] = 1 is on or below the diagonal: the matrix must be upper-triangular"},
        {"nb101:1000000.000000.00000.0000.000.00.1:c3.c3.c3.c3.c3.c3",
            "NAS-Bench-101 spec: 7 matrix rows make 8 vertices: NAS-Bench-101 cells have at most 7"},
        {"{\"matrix\": [[0, 1, 0], [0, 0, 1], [0, 0, 0]], \"ops\": [\"input\", \"conv5x5-bn-relu\", \"output\"]}",
            "NAS-Bench-101 spec: vertex 1: unknown op 'conv5x5-bn-relu' (did you mean 'conv3x3-bn-relu'?)"},
        {"nb101:10.0:c3", "NAS-Bench-101 spec: no path leads from input to output"},
        {V2.replace("'dil_conv_3x3'", "'dil_conv_3x4'"), "DARTS genotype: normal edge 8: unknown op 'dil_conv_3x4'"
            + " (did you mean 'dil_conv_3x3'?)"},
        {V2.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', 5)"), "DARTS genotype: normal edge 8 ('dil_conv_3x3', 5):"
            + " node 3 reads states 0 to 4"},
        {"regnet:d=22,w0=20,wa=24.48,wm=2.54,g=16", "RegNet: invalid settings (torchvision: wa >= 0, w0 > 0 and a multiple of 8"},
        {"regnet:d=22,w0=24,wa=24000000,wm=2,g=16", "RegNet: block 2 would be"},
        {"regnet:d=22,w0=24,wa=24.48,wm=2.54", "RegNet: missing key 'g'"},
    };

    @TempDir
    Path dir;

    @Test
    void badNotationsOfEverySpaceAreRejectedWithTheirReasonAndGoodOnesKept() throws IOException {
        Path in = dir.resolve("spaces.csv");
        StringWriter csv = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            p.printRecord("id", "arch");
            p.printRecord("good-nb101", "nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp");
            p.printRecord("good-darts", V2);
            p.printRecord("good-regnet", "regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16");
            for (int i = 0; i < BAD.length; i++) {
                p.printRecord("bad" + i, BAD[i][0]);
            }
        }
        Files.writeString(in, csv.toString());
        Path out = dir.resolve("kept.csv");
        InProcessRun run = InProcessRun.of("filter", in.toString(), "-o", out.toString(), "--columns", "params", "--quiet");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> kept = records(out);
        assertEquals(List.of("good-nb101", "good-darts", "good-regnet"), kept.stream().map(r -> r.get("id")).toList());
        // the published counts, on each notation's reference input and classes (no --input, no --classes)
        assertEquals(List.of("2694282", "3349342", "5495976"), kept.stream().map(r -> r.get("params")).toList());
        List<CSVRecord> rejects = records(dir.resolve("kept.rejects.csv"));
        assertEquals(BAD.length, rejects.size());
        for (int i = 0; i < BAD.length; i++) {
            CSVRecord r = rejects.get(i);
            assertEquals("bad" + i, r.get("id"));
            assertTrue(r.get("reason").startsWith("syntax: ") && r.get("reason").contains(BAD[i][1]), r.get("reason"));
        }
    }

    private static List<CSVRecord> records(Path p) throws IOException {
        try (Reader in = Files.newBufferedReader(p)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
