package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static io.archmeter.encoding.LayerRecord.CHANNELS_FROM_INPUT;
import static io.archmeter.encoding.LayerRecord.FLAG_BIAS;
import static io.archmeter.encoding.LayerRecord.FLAG_CEIL;
import static io.archmeter.encoding.LayerRecord.GROUPS_PER_CHANNEL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The architecture grammar: every op, every key, every error. */
@DisplayName("architecture grammar")
class ArchParserTest {

    /** The records of a one-token architecture: op kh kw sh sw ph pw dh dw groups cout cmult flags. */
    private static int[] record(String token) {
        CandidateBatch b = ArchParser.parse(token, new InputShape(32, 32, 8));
        assertEquals(1, b.layers(0));
        return Arrays.copyOf(b.records(), LayerRecord.LENGTH);
    }

    private static String error(String arch) {
        ArchSyntaxException e = assertThrows(ArchSyntaxException.class, () -> ArchParser.parse(arch, new InputShape(32, 32, 8)));
        return e.getMessage();
    }

    @Test
    void convWithOnlyAKernelHasStride1SamePaddingOneGroupInputChannelsAndABias() {
        assertArrayEquals(new int[] {0, 3, 3, 1, 1, 1, 1, 1, 1, 1, CHANNELS_FROM_INPUT, 1, FLAG_BIAS, 1, 0}, record("conv_k3"));
    }

    @Test
    void convTakesEveryKeyInAnyOrder() {
        assertArrayEquals(new int[] {0, 5, 3, 2, 1, 0, 4, 2, 3, 4, 64, 1, 0, 1, 0}, record("conv_c64_g4_b0_d2x3_p0x4_s2x1_k5x3"));
    }

    @Test
    void samePaddingIsFloorOfDilationTimesKernelMinusOneOverTwoPerAxis() {
        int[] r = record("conv_k4x7_d3x1");
        assertEquals(4, r[LayerRecord.PAD_H_OFFSET]);   // floor(3*3/2)
        assertEquals(3, r[LayerRecord.PAD_W_OFFSET]);   // floor(1*6/2)
    }

    @Test
    void depthwiseTakesAMultiplierAndDerivesGroupsAndChannelsFromTheInput() {
        assertArrayEquals(new int[] {1, 5, 5, 2, 2, 2, 2, 1, 1, GROUPS_PER_CHANNEL, CHANNELS_FROM_INPUT, 3, 0, 1, 0}, record("dw_k5_s2_m3_b0"));
        assertArrayEquals(new int[] {1, 3, 3, 1, 1, 0, 0, 2, 2, GROUPS_PER_CHANNEL, CHANNELS_FROM_INPUT, 1, FLAG_BIAS, 1, 0}, record("dw_k3_p0_d2"));
    }

    @Test
    void poolingStrideDefaultsToItsKernelAndPaddingToZero() {
        assertArrayEquals(new int[] {2, 3, 3, 3, 3, 0, 0, 1, 1, 1, CHANNELS_FROM_INPUT, 1, 0, 1, 0}, record("maxpool_k3"));
        assertArrayEquals(new int[] {3, 2, 2, 1, 1, 1, 1, 1, 1, 1, CHANNELS_FROM_INPUT, 1, FLAG_CEIL, 1, 0}, record("avgpool_k2_s1_p1_ceil1"));
        assertArrayEquals(new int[] {2, 3, 3, 2, 2, 0, 0, 2, 2, 1, CHANNELS_FROM_INPUT, 1, 0, 1, 0}, record("maxpool_k3_s2_d2_ceil0"));
    }

    @Test
    void fcNeedsItsOutputFeaturesAndMayDropItsBias() {
        assertArrayEquals(new int[] {5, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1000, 1, FLAG_BIAS, 1, 0}, record("fc_c1000"));
        assertArrayEquals(new int[] {5, 1, 1, 1, 1, 0, 0, 1, 1, 1, 10, 1, 0, 1, 0}, record("fc_b0_c10"));
    }

    /** The ops that take no keys, from their descriptions (joins close groups and are no tokens). */
    static Stream<Op> opsWithoutKeys() {
        return Arrays.stream(Op.values()).filter(op -> op.keyMask() == 0 && !op.isJoin());
    }

    @ParameterizedTest
    @MethodSource("opsWithoutKeys")
    void everyOpWithoutKeysParsesToANeutralRecord(Op op) {
        int[] r = record(op.token());
        assertEquals(op.code(), r[LayerRecord.OP_OFFSET]);
        LayerRecord.validate(r, 0);
    }

    @ParameterizedTest
    @MethodSource("opsWithoutKeys")
    void everyOpWithoutKeysRejectsAKey(Op op) {
        assertTrue(error(op.token() + "_k3").contains(op.token() + " takes no keys"));
    }

    @Test
    void tokensAreSeparatedByAnyRunOfSpacesOrTabs() {
        CandidateBatch b = ArchParser.parse("  conv_k3_c8 \t bn   relu  ", new InputShape(8, 8, 3));
        assertEquals(3, b.layers(0));
    }

    @Test
    void theCaffeAlexnetWithFloorPoolingParsesTo22Layers() {
        CandidateBatch b = ArchParser.parse("conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_p2_g2_c256 relu lrn maxpool_k3_s2"
                + " conv_k3_c384 relu conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu dropout fc_c4096"
                + " relu dropout fc_c1000", new InputShape(227, 227, 3));
        assertEquals(22, b.layers(0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            conv_k3 relu mystery                 | token 3 'mystery': unknown op 'mystery'
            convv_k3                             | unknown op 'convv' (did you mean 'conv'?)
            relu7                                | unknown op 'relu7' (did you mean 'relu'?)
            _k3                                  | missing op before '_'
            conv_k3_z2                           | token 1 'conv_k3_z2': unknown key 'z' for conv
            conv_k3_kk3                          | unknown key 'kk' for conv (did you mean 'k'?)
            conv_k3_m2                           | key 'm' does not apply to conv (expected one of k, s, p, d, g, c, b)
            avgpool_k3_d2                        | key 'd' does not apply to avgpool
            fc_c10_k3                            | key 'k' does not apply to fc
            conv_k3_k5                           | key 'k' is given twice
            conv_s2_c8                           | missing required key k (kernel size, e.g. conv_k3)
            maxpool_s2                           | missing required key k
            fc                                   | missing required key c (output features, e.g. fc_c1000)
            conv_k                               | key 'k' has no value: expected kernel size as an integer or HxW, e.g. k3
            conv_k3_c                            | key 'c' has no value
            conv_k3x                             | value '3x' of key 'k' is not an unsigned integer or HxW
            conv_kx3                             | unknown key 'kx' for conv (did you mean 'k'?)
            conv_k3x3x3                          | value '3x3x3' of key 'k'
            conv_k3_g2x2                         | value '2x2' of key 'g' is not an unsigned integer
            conv_k3.5                            | 'k' takes no decimal
            conv_k3_s-1                          | value '-1' of key 's'
            conv_k0                              | kernel size 'k' is 0: expected at least 1
            conv_k3_s0                           | stride 's' is 0: expected at least 1
            conv_k3_d0                           | dilation 'd' is 0
            conv_k3_c0                           | output channels 'c' is 0
            conv_k3_g0                           | groups 'g' is 0
            dw_k3_m0                             | channel multiplier 'm' is 0
            conv_k3_b2                           | bias (0 or 1) 'b' is 2: expected 0 or 1
            maxpool_k3_ceil2                     | 'ceil' is 2: expected 0 or 1
            conv_k99999999999                    | value of 'k' is too large
            conv__k3                             | empty part between '_' separators
            conv_k3_                             | empty part
            conv_3                               | part '3' does not start with a key
            conv_K3                              | part 'K3' does not start with a key
            relu,                                | unknown op 'relu,'
            """)
    void everyErrorNamesTheTokenAndWhatWasExpected(String arch, String expected) {
        String message = error(arch);
        assertTrue(message.contains(expected), () -> "message: " + message);
        assertTrue(message.startsWith("token "), () -> "message names the token: " + message);
    }

    @Test
    void parsingChainsIntoAReusedBatchAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        io.archmeter.gen.CandidateGenerator gen = new io.archmeter.gen.CandidateGenerator(11);
        String[] archs = new String[500];
        for (int i = 0; i < archs.length; i++) {
            archs[i] = gen.next(20);
        }
        CandidateBatch batch = new CandidateBatch();
        TokenCache cache = new TokenCache();
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < 20; rep++) {
                batch.clear();
                for (String arch : archs) {
                    ArchParser.parseCandidate(arch, 224, 224, 3, 10, batch, rep % 2 == 0 ? null : cache);
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                // 10,000 candidates of 20 layers, with and without the token cache; slack for the measurement itself
                assertTrue(allocated < 1024, "parsing allocated " + allocated + " bytes");
            }
        }
        assertEquals(500, batch.size());
    }

    @Test
    void anEmptyArchitectureIsAnError() {
        assertTrue(error("   ").contains("empty architecture"));
        assertTrue(error("").contains("empty architecture"));
    }

    @Test
    void theErrorCarriesThePositionAndTheToken() {
        ArchSyntaxException e = assertThrows(ArchSyntaxException.class,
                () -> ArchParser.parse("conv_k3 bn relu6 dw_k3_x1", new InputShape(8, 8, 3)));
        assertEquals(4, e.position());
        assertEquals("dw_k3_x1", e.token());
    }

    @Test
    void aFailedParseLeavesTheBatchAsItWas() {
        CandidateBatch b = new CandidateBatch();
        ArchParser.parseCandidate("conv_k3 relu", 8, 8, 3, b);
        assertThrows(ArchSyntaxException.class, () -> ArchParser.parseCandidate("conv_k3 bogus", 8, 8, 3, b));
        ArchParser.parseCandidate("bn", 8, 8, 3, b);
        assertEquals(2, b.size());
        assertEquals(2, b.layers(0));
        assertEquals(1, b.layers(1));
        assertEquals(3, b.layerCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2_ceil1 conv_k5_g2_c256
            conv_k1x7_p1x3_c64_b0 dw_k5_s2_m2 maxpool_k3_s2_p1_d2 avgpool_k2_s1 gap fc_c10_b0
            conv_k3_d2_c8 conv_k3_p0_d2_g2 bn relu relu6 sigmoid swish hswish hsigmoid tanh gelu lrn dropout flatten id
            """)
    void formattingIsTheInverseOfParsing(String arch) {
        CandidateBatch b = ArchParser.parse(arch, new InputShape(64, 64, 8));
        String formatted = ArchFormatter.format(b.records(), 0, b.layers(0));
        assertEquals(arch, formatted);
        CandidateBatch again = ArchParser.parse(formatted, new InputShape(64, 64, 8));
        assertArrayEquals(Arrays.copyOf(b.records(), b.layers(0) * LayerRecord.LENGTH),
                Arrays.copyOf(again.records(), again.layers(0) * LayerRecord.LENGTH));
    }
}
