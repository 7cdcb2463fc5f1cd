package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code archmeter generate ofa-mbv3 | mcunet | proxyless}: the exact sizes (worked out by hand from
 * the spaces' rules), the resolutions and widths drawn, the same rows at any chunking, and misuse.
 * The numbers of the candidates themselves are checked by the round-trip contract
 * ({@link GenerateSpacesTest}) and by the reference code's counts (spaces tests).
 */
@DisplayName("generate on the MobileNet-family spaces")
class MobileNetGenerateTest {
    private static final Pattern R = Pattern.compile("\"\"r\"\":\\[?(\\d+)");
    private static final Pattern W = Pattern.compile("\"\"w\"\":([0-9.]+)");

    @TempDir
    Path dir;

    /**
     * OFA-MBv3: 5 stages, each of depth 2, 3 or 4 with 3 kernels x 3 expansions per block:
     * (9^2 + 9^3 + 9^4)^5 = 7371^5 = 21,758,655,492,572,485,851; x 25 resolutions (128..224 step 4)
     * x 2 widths = 1,087,932,774,628,624,292,550. MCUNet's space has a sixth stage of one block
     * (9 choices): 7371^5 x 9 = 195,827,899,433,152,372,659, x 12 resolutions x 9 widths of the paper =
     * 21,149,413,138,780,456,247,172. ProxylessNAS: 6 first blocks of 6 ops, 15 others of 7 (Zero):
     * 6^6 x 7^15 = 46,656 x 4,747,561,509,943 = 221,502,229,807,900,608.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "ofa-mbv3|--count 0|21,758,655,492,572,485,851",
        "ofa-mbv3|--count 0 --resolution all --width all|1,087,932,774,628,624,292,550",
        "ofa-mbv3|--count 0 --resolution 160,192,224|65,275,966,477,717,457,553",
        "mcunet|--count 0|195,827,899,433,152,372,659",
        "mcunet|--count 0 --resolution all --width all|21,149,413,138,780,456,247,172",
        "proxyless|--count 0|221,502,229,807,900,608",
        "proxyless|--count 0 --width all|443,004,459,615,801,216"})
    void eachSpacePrintsItsExactSize(String space, String options, String size) {
        InProcessRun r = InProcessRun.of(("generate " + space + " " + options + " -o " + dir.resolve("x.csv")).split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("the space has exactly " + size + " candidates"), r.err());
    }

    @Test
    void ofaCandidatesDrawEveryResolutionAndWidthOfOfaAndNoOther() throws IOException {
        Set<Integer> expectedR = new TreeSet<>();
        for (int r = 128; r <= 224; r += 4) {
            expectedR.add(r);
        }
        assertDrawn("ofa-mbv3", 3000, expectedR, Set.of("1.0", "1.2"));
    }

    @Test
    void mcunetCandidatesDrawThePapersResolutionsAndWidths() throws IOException {
        Set<Integer> expectedR = new TreeSet<>();
        for (int r = 48; r <= 224; r += 16) {
            expectedR.add(r);
        }
        assertDrawn("mcunet", 3000, expectedR, Set.of("1.0", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"));
    }

    /** The notation states "w" only where it differs from 1.0; 1.0 is counted when it is absent. */
    private void assertDrawn(String space, int count, Set<Integer> resolutions, Set<String> widths) throws IOException {
        Path out = dir.resolve(space + ".csv");
        InProcessRun r = InProcessRun.of("generate", space, "--count", "" + count, "--seed", "3", "--resolution", "all", "--width", "all",
                "--quiet", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Set<Integer> seenR = new TreeSet<>();
        Set<String> seenW = new TreeSet<>();
        for (String line : Files.readAllLines(out).subList(1, count + 1)) {
            Matcher m = R.matcher(line);
            assertTrue(m.find(), line);
            seenR.add(Integer.parseInt(m.group(1)));
            Matcher w = W.matcher(line);
            seenW.add(w.find() ? w.group(1) : "1.0");
        }
        assertEquals(resolutions, seenR);
        assertEquals(new TreeSet<>(widths), seenW);
    }

    @Test
    void theSameSeedGivesTheSameBytesAtAnyChunkSize() throws IOException {
        for (String space : new String[] {"ofa-mbv3", "mcunet", "proxyless"}) {
            Path a = dir.resolve("a.csv");
            Path b = dir.resolve("b.csv");
            String[] common = {"generate", space, "--count", "9000", "--seed", "5", "--resolution", "all", "--score", "--quiet",
                "--max", "macs=300M", "--columns", "macs,params,act_peak_bytes"};
            assertEquals(0, InProcessRun.of(concat(common, "--chunk-size", "4096", "-o", a.toString())).exit());
            assertEquals(0, InProcessRun.of(concat(common, "--chunk-size", "37", "-o", b.toString())).exit());
            assertEquals(Files.readString(a), Files.readString(b), space);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "generate ofa-mbv3 --count 3 --resolution 230|ofa-mbv3: resolution 230 is not one of OFA's 128, 132, ..., 224",
        "generate ofa-mbv3 --count 3 --width 1.3|ofa-mbv3: width 'w' 1.3 is not one of OFA's released supernets' widths 1.0, 1.2",
        "generate ofa-mbv3 --count 3 --resolution 224,224|--resolution names 224 twice",
        "generate ofa-mbv3 --count 3 --width 1.2345|--width: '1.2345' is not a positive multiplier with at most 3 decimals",
        "generate ofa-mbv3 --count 3 --input 160x160x3|--input does not apply to ofa-mbv3",
        "generate ofa-mbv3 --all|ofa-mbv3 has 21,758,655,492,572,485,851 candidates, too many to walk",
        "generate nb101 --count 3 --resolution 32|nb101 takes no --resolution (its input is --input)",
        "generate regnet --count 3 --width 2|regnet takes no --width",
        "generate timm --count 3|timm is read (filter, summary), not generated",
        "generate net_config --count 3|net_config is read (filter, summary), not generated",
        "generate mcunet --count 3 --width 0.05|mcunet: width 'w' 0.05 is outside 0.1 ... 2.0"})
    void misuseIsAUsageErrorNamingWhatIsWrong(String line, String message) {
        InProcessRun r = InProcessRun.of(line.split(" "));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
