package io.archmeter.engine;

import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.archmeter.engine.Scoring.score;
import static io.archmeter.engine.Scoring.trace;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small cases checked by hand, one formula at a time. The arithmetic is in each comment. */
@DisplayName("layer formulas on hand-checked cases")
class LayerFormulasTest {

    @Test
    void dilationWidensTheKernelInOutputSizeAndReceptiveField() {
        // 10x10x1, 3x3 dilation 2, no padding: effective kernel 2*(3-1)+1 = 5, out = (10 - 4 - 1)/1 + 1 = 6
        Metrics m = score("conv_k3_d2_p0_c1", "10x10x1");
        assertAll(
                () -> assertEquals(6, m.outHeight()),
                () -> assertEquals(6, m.outWidth()),
                () -> assertEquals(9L * 36, m.macs()),            // 9 weights per output, 36 outputs
                () -> assertEquals(10, m.params()),               // 9 + bias
                () -> assertEquals(5, m.receptiveFieldH()));      // 1 + (3-1)*2*1
    }

    @Test
    void samePaddingOfADilatedKernelIsDTimesKMinusOneOverTwo() {
        // "same" padding floor(2*(3-1)/2) = 2 keeps 10x10
        Metrics m = score("conv_k3_d2_c1", "10x10x1");
        assertEquals(10, m.outHeight());
        assertEquals(2, m.padH());
    }

    @Test
    void rectangularKernelsStridesAndPaddingsWorkPerAxis() {
        // 20x30x4, kernel 1x7, stride 2x1, padding 0x3:
        // H: (20 + 0 - 0 - 1)/2 + 1 = 10; W: (30 + 6 - 6 - 1)/1 + 1 = 30
        Metrics m = score("conv_k1x7_s2x1_p0x3_c8", "20x30x4");
        assertAll(
                () -> assertEquals(10, m.outHeight()),
                () -> assertEquals(30, m.outWidth()),
                () -> assertEquals(7L * 4 * 10 * 30 * 8, m.macs()),   // 67,200
                () -> assertEquals(7L * 4 * 8 + 8, m.params()),       // 232
                () -> assertEquals(1, m.receptiveFieldH()),
                () -> assertEquals(7, m.receptiveFieldW()),
                () -> assertEquals(2, m.strideH()),
                () -> assertEquals(1, m.strideW()),
                () -> assertEquals(0, m.padH()),
                () -> assertEquals(3, m.padW()));
    }

    @Test
    void groupsDivideTheInputChannelsEachKernelSees() {
        // 8x8x16, 3x3, 4 groups, 32 out, no bias: each output sees 9 * 16/4 = 36 inputs
        Metrics m = score("conv_k3_g4_c32_b0", "8x8x16");
        assertEquals(36L * 64 * 32, m.macs());       // 73,728
        assertEquals(36L * 32, m.params());          // 1,152
        assertEquals(m.macs(), m.flops());           // no bias: nothing added
    }

    @Test
    void depthwiseConvolutionHasOneInputChannelPerKernelAndAMultiplier() {
        // 8x8x16, depthwise 3x3, multiplier 2: 16 groups, 32 outputs, each sees 9 inputs
        Metrics m = score("dw_k3_m2", "8x8x16");
        assertEquals(32, m.outChannels());
        assertEquals(9L * 64 * 32, m.macs());        // 18,432
        assertEquals(9L * 32 + 32, m.params());      // 320
    }

    @Test
    void ceilPoolingRoundsUpButNeverStartsAWindowInThePadding() {
        // 6x6, 3x3 stride 2: floor (6-3)/2+1 = 2, ceil ceil(3/2)+1 = 3
        assertEquals(2, score("maxpool_k3_s2", "6x6x1").outHeight());
        assertEquals(3, score("maxpool_k3_s2_ceil1", "6x6x1").outHeight());
        // 5x5, 2x2 stride 2 padding 1: ceil((5+2-2)/2)+1 = 4, but window 4 would start at 6 >= 5+1: 3
        assertEquals(3, score("maxpool_k2_s2_p1_ceil1", "5x5x1").outHeight());
        assertEquals(3, Scorer.outSize(5, 2, 2, 1, 1, true));
        assertEquals(3, Scorer.outSize(5, 2, 2, 1, 1, false));
    }

    @Test
    void poolingStrideDefaultsToTheKernelAndKeepsTheChannels() {
        Metrics m = score("avgpool_k2", "8x6x5");
        assertEquals("4x3x5", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
        assertEquals(0, m.macs());
        assertEquals(0, m.params());
    }

    @Test
    void aLayerWhoseOutputWouldBeZeroIsAnErrorNamingTheLayerAndTheNumbers() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> score("relu conv_k3_p0_c4", "2x2x3"));
        assertEquals(2, e.layer());
        assertTrue(e.getMessage().contains("layer 2 (conv)"), e.getMessage());
        assertTrue(e.getMessage().contains("output size 0x0"), e.getMessage());
        assertTrue(e.getMessage().contains("input 2x2"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel 3x3"), e.getMessage());
        assertThrows(InvalidArchitectureException.class, () -> score("maxpool_k3", "2x2x1"));
    }

    @Test
    void channelsNotDivisibleByGroupsAreAnError() {
        InvalidArchitectureException in = assertThrows(InvalidArchitectureException.class, () -> score("conv_k3_g4_c8", "8x8x6"));
        assertTrue(in.getMessage().contains("input channels 6 not divisible by groups 4"), in.getMessage());
        InvalidArchitectureException out = assertThrows(InvalidArchitectureException.class, () -> score("conv_k3_g2_c5", "8x8x6"));
        assertTrue(out.getMessage().contains("output channels 5 not divisible by groups 2"), out.getMessage());
    }

    @Test
    void aCountThatOverflowsALongIsAnErrorNotAWrappedNumber() {
        // 100000 x 100000 x 1000 input, 3x3 conv to 1e6 channels: 9 * 1000 * 1e10 * 1e6 = 9e19 MACs > 9.2e18
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> score("conv_k3_c1000000", "100000x100000x1000"));
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
        assertEquals(1, e.layer());
        // the input tensor alone: 2e9 * 2e9 * 3 elements
        assertThrows(InvalidArchitectureException.class, () -> score("relu", "2000000000x2000000000x3"));
    }

    @Test
    void activationMemoryCountsAllocatedOutputsAndThePeakOfInputPlusOutput() {
        // 4x4x2 input = 32 elements. conv -> 4x4x4 = 64, bn and relu in place, maxpool -> 2x2x4 = 16,
        // gap -> 4, fc -> 3. total = 64 + 16 + 4 + 3 = 87 elements; peak = conv's 32 + 64 = 96 elements.
        Metrics m = score("conv_k3_c4 bn relu maxpool_k2 gap fc_c3", "4x4x2");
        assertEquals(87L * 4, m.activationTotalBytes());
        assertEquals(96L * 4, m.activationPeakBytes());
        // params: conv 9*2*4 + 4 = 76, bn 2*4 = 8 (running stats are buffers), fc 4*3 + 3 = 15
        assertEquals(99, m.params());
    }

    @Test
    void aNetworkOfInPlaceLayersPeaksAtItsInputAndAllocatesNothing() {
        Metrics m = score("bn relu dropout id", "2x2x1");
        assertEquals(16, m.activationPeakBytes());
        assertEquals(0, m.activationTotalBytes());
        assertEquals(2, m.params());
    }

    @Test
    void lrnAllocatesAnOutputOfItsInputsSize() {
        Metrics m = score("lrn", "3x3x2");
        assertEquals(18L * 4, m.activationTotalBytes());
        assertEquals(36L * 4, m.activationPeakBytes());
    }

    @Test
    void strictFlopsAreTwiceTheMacsPlusTheBiasAdditions() {
        // 4x4x2 -> 3x3 conv -> 4x4x4: MACs = 18 * 64 = 1,152; bias adds 64
        Conventions strict = Conventions.DEFAULT.withFlops(FlopsConvention.STRICT);
        assertEquals(1152 + 64, score("conv_k3_c4", "4x4x2").flops());
        assertEquals(2 * 1152 + 64, score("conv_k3_c4", "4x4x2", strict).flops());
        assertEquals(2 * 1152, score("conv_k3_c4_b0", "4x4x2", strict).flops());
        // fc: (in + 1) * out in the default convention
        assertEquals((12 + 1) * 5, score("fc_c5", "2x2x3").flops());
    }

    @Test
    void elementwiseLayersAddFlopsOnlyWhenAskedTo() {
        String arch = "conv_k3_c4_b0 bn relu maxpool_k2 gap fc_c3_b0";
        long base = score(arch, "4x4x2").flops();
        long counted = score(arch, "4x4x2", Conventions.DEFAULT.withCountElementwise(true)).flops();
        // bn 2*64, relu 64, maxpool 2*2 per output * 16 outputs, gap 16 input elements
        assertEquals(128 + 64 + 64 + 16, counted - base);
        assertEquals(score(arch, "4x4x2").macs(), score(arch, "4x4x2", Conventions.DEFAULT.withCountElementwise(true)).macs());
    }

    @Test
    void weightAndActivationBytesFollowTheirDtypes() {
        Conventions c = Conventions.DEFAULT.withWeightType(DType.FP16).withActivationType(DType.INT8);
        Metrics m = score("conv_k3_c4 bn relu maxpool_k2 gap fc_c3", "4x4x2", c);
        assertEquals(2L * 99, m.weightBytes());
        assertEquals(96, m.activationPeakBytes());
        assertEquals(87, m.activationTotalBytes());
    }

    @Test
    void receptiveFieldIsFrozenAtTheLastSpatialMapAndLaterLayersAreGlobal() {
        // two 3x3 convs: r = 5; after gap a 1x1-map conv changes nothing
        LayerTable t = trace("conv_k3_c4 conv_k3_c4 gap conv_k3_c8 flatten fc_c2", "8x8x1");
        assertEquals(5, t.totals().receptiveFieldH());
        assertEquals(1, t.totals().strideH());
        assertTrue(!t.isGlobal(1));
        for (int j = 2; j < t.size(); j++) {
            assertTrue(t.isGlobal(j), "layer " + (j + 1) + " sees the whole input");
        }
    }

    @Test
    void flattenIsAViewThatFeedsFcWithHTimesWTimesC() {
        Metrics m = score("flatten fc_c10", "3x4x5");
        assertEquals(60L * 10, m.macs());
        assertEquals(40, m.activationTotalBytes());          // only fc's 10 outputs
        assertEquals((60 + 10) * 4, m.activationPeakBytes());
    }

    @Test
    void effectivePaddingAccumulatesPaddingTimesTheJumpBeforeTheLayer() {
        // conv s2 p1 (jump 1 -> 2), conv p1 (adds 1*2), pool k2 s2 p0: P = 1 + 2 = 3, S = 4, r = 3 + 2*2 + 1*2 = 9
        Metrics m = score("conv_k3_s2_c4 conv_k3_c4 maxpool_k2", "16x16x1");
        assertEquals(3, m.padH());
        assertEquals(4, m.strideH());
        assertEquals(9, m.receptiveFieldH());
    }
}
