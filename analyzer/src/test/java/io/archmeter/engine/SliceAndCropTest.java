package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel slice ({@code slice_c16_at16}: PyTorch's {@code x[:, 16:32]}) and the crop
 * ({@code crop_o1}: {@code x[:, :, 1:, 1:]}), both views: no arithmetic, no parameters, no new
 * tensor, and the tensor they view stays alive while they are read. Every number below is worked
 * out by hand from those PyTorch semantics and the receptive-field recurrence (output pixel i of a
 * crop is input pixel i + o), never read from archmeter.
 */
@DisplayName("channel slice and crop")
class SliceAndCropTest {

    @Test
    void aSliceIsAFreeViewThatKeepsItsWholeInputAliveWhileItIsRead() {
        // 8x8x3 input (192 elements). conv 3x3 to 24 with bias: 27 * 64 * 24 = 41,472 MACs, 27 * 24 + 24 = 672 params,
        // 1,536 elements. slice to 16: a view. conv 1x1 to 8: 16 * 64 * 8 = 8,192 MACs, 16 * 8 + 8 = 136 params,
        // 512 elements. While the 1x1 runs, the sliced 1,536-element tensor is alive under the view: peak
        // (1,536 + 512) * 4 = 8,192 bytes (a copying slice would have peaked at (1,536 + 1,024) * 4 = 10,240).
        Metrics m = score("conv_k3_c24 slice_c16 conv_k1_c8", "8x8x3");
        assertAll(
                () -> assertEquals(41_472L + 8_192, m.macs()),
                () -> assertEquals(672L + 136, m.params()),
                () -> assertEquals(8_192, m.activationPeakBytes()),
                () -> assertEquals((1_536L + 512) * 4, m.activationTotalBytes()),
                () -> assertEquals(3, m.receptiveFieldH()),
                () -> assertEquals("8x8x8", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels()));
        // counting element-wise costs: a view moves nothing
        assertEquals(score("conv_k3_c24 slice_c16 conv_k1_c8", "8x8x3", Conventions.DEFAULT.withCountElementwise(true)).flops(),
                m.flops());
    }

    @Test
    void aSliceAtAnOffsetTakesThoseChannelsAndTheyMustBeThere() {
        // channels [16, 24) of 24: 8 channels; a 1x1 conv to 4 after it reads 8 inputs: 8 * 4 * 4 * 4 = 512 MACs
        Metrics m = score("slice_c8_at16 conv_k1_c4_b0", "4x4x24");
        assertEquals(512, m.macs());
        assertEquals(32, m.params());
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class, () -> score("slice_c8_at17", "4x4x24"));
        assertTrue(e.getMessage().contains("layer 1 (slice): channels [17, 25) are not all in the input's 24 channels"),
                e.getMessage());
    }

    @Test
    void shuffleNetV2sSplitIsTwoSlicesOfTheGroupInputAndCostsNothing() {
        // ( first half | second half )cat on 4x4x4 (64 elements): the halves are views of x; the cat allocates
        // 64 elements; x, the cat's output alive together: 128 elements = 512 bytes
        Metrics m = score("( slice_c2 | slice_c2_at2 )cat", "4x4x4");
        assertAll(
                () -> assertEquals(0, m.macs()),
                () -> assertEquals(64L * 4, m.activationTotalBytes()),
                () -> assertEquals(128L * 4, m.activationPeakBytes()),
                () -> assertEquals(4, m.outChannels()));
    }

    @Test
    void factorizedReducesTwoHalvesSeeNeighbouringPixelsSoTheJoinedFieldIsTwoPixelsWide() {
        // DARTS FactorizedReduce on 32x32x16: cat(conv_1(x), conv_2(x[:, :, 1:, 1:])), both 1x1 stride 2 to 8, no bias.
        // conv_1 output pixel i sees input pixel 2i (r 1, S 2, P 0); the crop is 31x31 and its pixel i is input pixel
        // i + 1 (P = -1), so conv_2 output pixel i sees input pixel 2i + 1 (r 1, S 2, P -1); both give
        // floor((32 - 1) / 2) + 1 = floor((31 - 1) / 2) + 1 = 16. The cat's pixel i sees pixels 2i and 2i + 1: r 2, S 2,
        // P 0, and its two halves' centres differ (unaligned). MACs 2 * 16 * 16 * 16 * 8 = 65,536; params 2 * 16 * 8.
        // Memory: x (16,384 elements) is alive through both convolutions (the crop is a view of it):
        // peak (16,384 + 2,048 + 2,048) * 4 = 81,920 bytes; then the cat's 4,096 elements.
        Metrics m = score("( conv_k1_s2_p0_c8_b0 | crop_o1 conv_k1_s2_p0_c8_b0 )cat", "32x32x16");
        assertAll(
                () -> assertEquals("16x16x16", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels()),
                () -> assertEquals(2, m.receptiveFieldH()),
                () -> assertEquals(2, m.receptiveFieldW()),
                () -> assertEquals(2, m.strideH()),
                () -> assertEquals(0, m.padH()),
                () -> assertTrue((m.receptiveFieldFlags() & MetricRecord.RF_UNALIGNED) != 0, "the halves' centres differ"),
                () -> assertEquals(65_536, m.macs()),
                () -> assertEquals(256, m.params()),
                () -> assertEquals(81_920, m.activationPeakBytes()),
                () -> assertEquals((2_048L + 2_048 + 4_096) * 4, m.activationTotalBytes()));
    }

    @Test
    void aCropAfterAStridedLayerShiftsTheFieldByOneEffectiveStride() {
        // 9x9 input, conv 3x3 stride 2 "same" (p 1): 5x5, pixel i sees input [2i - 1, 2i + 1] (r 3, S 2, P 1).
        // crop_o1: 4x4, its pixel i is the conv's pixel i + 1, seeing [2i + 1, 2i + 3]: r 3, S 2, P -1.
        LayerTable t = Scoring.trace("conv_k3_s2_c4 crop_o1", "9x9x1");
        assertAll(
                () -> assertEquals(4, t.get(1, LayerMetricsRecord.OUT_H_OFFSET)),
                () -> assertEquals(3, t.get(1, LayerMetricsRecord.RF_H_OFFSET)),
                () -> assertEquals(2, t.get(1, LayerMetricsRecord.STRIDE_H_OFFSET)),
                () -> assertEquals(-1, t.get(1, LayerMetricsRecord.PAD_H_OFFSET)),
                () -> assertEquals(0, t.get(1, LayerMetricsRecord.ACT_BYTES_OFFSET)));
        // an offset of 2 rows and none across: 3x5, P -3 along H and 1 along W
        Metrics m = score("conv_k3_s2_c4 crop_o2x0", "9x9x1");
        assertEquals("3x5", m.outHeight() + "x" + m.outWidth());
        assertEquals(-3, m.padH());
        assertEquals(1, m.padW());
    }

    @Test
    void factorizedReduceOnAnOddSizeDoesNotJoinAsInPyTorch() {
        // 7x7: conv_1 gives floor(6 / 2) + 1 = 4, conv_2 on the 6x6 crop floor(5 / 2) + 1 = 3: torch.cat refuses 4x4 and 3x3
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> score("( conv_k1_s2_p0_c8 | crop_o1 conv_k1_s2_p0_c8 )cat", "7x7x16"));
        assertTrue(e.getMessage().contains("inputs 4x4x8 and 3x3x8 do not join"), e.getMessage());
    }

    @Test
    void aCropThatLeavesNoPixelIsAnInvalidShape() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class, () -> score("gap crop_o1", "4x4x2"));
        assertTrue(e.getMessage().contains("layer 2 (crop): dropping 1x1 rows x columns leaves no pixel of the 1x1 input"),
                e.getMessage());
    }

    @Test
    void theBuilderWritesBothAsTheGrammarDoes() {
        CandidateBatch b = new CandidateBatch();
        new CandidateBuilder(b).begin(8, 8, 32).slice(16, 8).crop(1, 1).slice(0, 4).end();
        assertEquals("slice_c8_at16", ArchFormatter.token(b.records(), 0));
        assertEquals("crop_o1", ArchFormatter.token(b.records(), io.archmeter.encoding.LayerRecord.offset(1)));
        assertEquals("slice_c4", ArchFormatter.token(b.records(), io.archmeter.encoding.LayerRecord.offset(2)));
        assertTrue(b.isGraph(0), "a candidate with views is scored as a graph");
        CandidateBatch chain = new CandidateBatch();
        new CandidateBuilder(chain).begin(8, 8, 32).conv(1, 1, 8).relu().end();
        assertFalse(chain.isGraph(0));
    }

    @Test
    void theGrammarWantsTheirKeys() {
        ArchSyntaxException missing = assertThrows(ArchSyntaxException.class, () -> score("slice_at2", "8x8x16"));
        assertTrue(missing.getMessage().contains("missing required key c (channels kept, e.g. slice_c16)"), missing.getMessage());
        ArchSyntaxException offset = assertThrows(ArchSyntaxException.class, () -> score("crop", "8x8x16"));
        assertTrue(offset.getMessage().contains("missing required key o"), offset.getMessage());
        ArchSyntaxException kernel = assertThrows(ArchSyntaxException.class, () -> score("crop_o1_k3", "8x8x16"));
        assertTrue(kernel.getMessage().contains("key 'k' does not apply to crop (expected one of o)"), kernel.getMessage());
    }
}
