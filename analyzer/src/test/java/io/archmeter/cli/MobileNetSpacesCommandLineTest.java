package io.archmeter.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MobileNet-family notations through the command line: {@code filter} reads each row's notation
 * through the registry and {@code summary} names the space and the input it used. Every expected
 * number is the reference code's own (see {@code src/test/resources/spaces/README.md}): timm's
 * {@code mobilenetv3_large_100} 5,483,032 parameters and 216,589,760 MACs at 224; OFA's smallest
 * sub-network at r = 128 3,410,792 and 41,476,224; MCUNet's mcunet-in2 net_config 729,392 and
 * 67,287,200 at its own 160; the ProxylessNAS mobile net_config 4,080,512 and 320,427,584.
 */
@DisplayName("MobileNet-family spaces on the command line")
class MobileNetSpacesCommandLineTest {
    private static final String OFA_SMALLEST_128 = "ofa-mbv3:{\"ks\": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],"
            + " \"e\": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], \"d\": [2, 2, 2, 2, 2], \"r\": [128]}";

    @TempDir
    Path tmp;

    private static String resource(String name) throws IOException {
        try (var in = MobileNetSpacesCommandLineTest.class.getResourceAsStream("/spaces/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    private static String csvCell(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Test
    void filterCostsEveryNotationOnItsOwnInputWithItsSpacesClasses() throws IOException {
        Path in = Files.writeString(tmp.resolve("mobile.csv"), "id,arch\n"
                + "timm,timm:mobilenetv3_large_100\n"
                + "ofa," + csvCell(OFA_SMALLEST_128) + "\n"
                + "mcunet," + csvCell(resource("mcunet-in2.net_config.json")) + "\n"
                + "mobile," + csvCell(resource("proxyless_mobile.net_config.json")) + "\n"
                + "bad," + csvCell("ofa-mbv3:{\"ks\": [3], \"e\": [3], \"d\": [2], \"r\": [128]}") + "\n");
        Path out = tmp.resolve("out.csv");
        Path rejects = tmp.resolve("rejects.csv");
        // --input 224x224x3 is the default: OFA's r = 128 and mcunet-in2's resolution 160 are costed at their own
        InProcessRun r = InProcessRun.of("filter", in.toString(), "-o", out.toString(), "--rejects", rejects.toString(),
                "--columns", "params,macs", "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(Files.readString(out))).getRecords();
        // the MACs are those of each network on its own resolution (OFA at 128, mcunet-in2 at 160), not on 224
        assertEquals(List.of("timm", "5483032", "216589760"), List.of(rows.get(1).get(0), rows.get(1).get(2), rows.get(1).get(3)));
        assertEquals(List.of("ofa", "3410792", "41476224"), List.of(rows.get(2).get(0), rows.get(2).get(2), rows.get(2).get(3)));
        assertEquals(List.of("mcunet", "729392", "67287200"), List.of(rows.get(3).get(0), rows.get(3).get(2), rows.get(3).get(3)));
        assertEquals(List.of("mobile", "4080512", "320427584"), List.of(rows.get(4).get(0), rows.get(4).get(2), rows.get(4).get(3)));
        assertEquals(5, rows.size(), "header and four kept rows");
        String rejected = Files.readString(rejects);
        assertTrue(rejected.contains("ofa-mbv3: 'ks' has 1 entries, expected 20 (one per block slot)"), rejected);
    }

    @Test
    void classesDefaultToTheSpacesOwnAndAnExplicitCountChangesTheClassifier() throws IOException {
        Path in = Files.writeString(tmp.resolve("ofa.csv"), "id,arch\nofa," + csvCell(OFA_SMALLEST_128) + "\n");
        Path out = tmp.resolve("out.csv");
        InProcessRun ten = InProcessRun.of("filter", in.toString(), "-o", out.toString(), "--columns", "params", "--classes", "10",
                "--quiet");
        assertEquals(0, ten.exit(), ten.err());
        // fc 1280 -> 10 instead of 1280 -> 1000: (1280 + 1) * 990 = 1,268,190 parameters fewer
        assertTrue(Files.readString(out).endsWith("," + (3_410_792 - 1_268_190) + "\n"), Files.readString(out));
    }

    @Test
    void summaryNamesTheSpaceAndSaysWhenTheNotationsResolutionOverridesInput() {
        InProcessRun r = InProcessRun.of("summary", OFA_SMALLEST_128, "--input", "224x224x3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Once-for-All MobileNetV3 sub-networks"), r.out());
        assertTrue(r.out().contains(" on 128x128x3 "), r.out());
        assertTrue(r.out().contains("3,410,792"), r.out());
        assertTrue(r.err().contains("the notation states its own input, 128x128x3, which --input 224x224x3 does not change"), r.err());
        InProcessRun quiet = InProcessRun.of("summary", OFA_SMALLEST_128);
        assertEquals("", quiet.err(), "no note without --input");
    }

    @Test
    void aPastedTimmArchDefGetsTimmsNumbersOrAnErrorNeverAnotherMeaning() {
        // _gen_mobilenet_v3's arch_def for mobilenetv3_large_100, pasted into the timm: notation: timm's own numbers
        InProcessRun timm = InProcessRun.of("summary", "timm:mobilenetv3_large_100:[['ds_r1_k3_s1_e1_c16_nre'],"
                + " ['ir_r1_k3_s2_e4_c24_nre', 'ir_r1_k3_s1_e3_c24_nre'], ['ir_r3_k5_s2_e3_c40_se0.25_nre'],"
                + " ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'], ['ir_r2_k3_s1_e6_c112_se0.25'],"
                + " ['ir_r3_k5_s2_e6_c160_se0.25'], ['cn_r1_k1_s1_c960']]");
        assertEquals(0, timm.exit(), timm.err());
        assertTrue(timm.out().contains("5,483,032"), timm.out());
        // the same blocks in the plain grammar: refused, saying what differs
        InProcessRun plain = InProcessRun.of("summary", "cn_k3_s2_c16_hswish ds_k3_c16 ir_k3_s2_e4_c24 ir_r3_k5_s2_e3_c40_se0.25");
        assertEquals(2, plain.exit());
        assertTrue(plain.err().contains("se is timm's squeeze-excite ratio"), plain.err());
    }
}
