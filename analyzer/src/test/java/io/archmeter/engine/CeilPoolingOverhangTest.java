package io.archmeter.engine;

import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.archmeter.engine.Scoring.score;
import static io.archmeter.engine.Scoring.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ceil-mode pooling whose last window overhangs the input, as PyTorch's {@code pooling_output_shape}
 * (ATen {@code Pool.h}): out = floor((n + 2p − d(k−1) − 1 + (s − 1))/s) + 1, less one if
 * (out − 1)·s ≥ n + p; valid while out ≥ 1. Every size below was printed by PyTorch 1.13.1
 * ({@code python3-torch} of Debian 12, {@code F.max_pool2d} / {@code F.avg_pool2d} with
 * {@code ceil_mode=True} on zeros of the given size, {@code nn.Sequential} for the networks); the
 * receptive fields, costs and bytes are worked by hand in the comments.
 */
@DisplayName("ceil-mode pooling whose window overhangs the input")
class CeilPoolingOverhangTest {

    @ParameterizedTest(name = "{0} on {1}: {2} (PyTorch)")
    @CsvSource({
        // op and keys,            n, PyTorch's output size (0: PyTorch's "Output size is too small")
        "maxpool_k2_s2_ceil1,      1, 1",
        "avgpool_k2_s2_ceil1,      1, 1",
        "maxpool_k3_s3_ceil1,      1, 1",
        "avgpool_k3_s3_ceil1,      1, 1",
        "maxpool_k3_s2_ceil1,      2, 1",
        "avgpool_k3_s2_ceil1,      2, 1",
        "maxpool_k5_s4_ceil1,      3, 1",
        "maxpool_k4_s4_ceil1,      1, 1",
        "maxpool_k4_s4_ceil1,      2, 1",
        "maxpool_k3_s2_p1_ceil1,   1, 1",
        "maxpool_k2_s2_p1_ceil1,   1, 1",
        "avgpool_k2_s2_p1_ceil1,   1, 1",
        "maxpool_k2_s2_d2_ceil1,   2, 1",
        "maxpool_k2_s3_d3_ceil1,   2, 1",
        "maxpool_k2_s3_ceil1,      7, 3",
        "maxpool_k2_s2_p1_ceil1,   3, 2",
        "maxpool_k3_s3_p1_ceil1,   4, 2",
        "maxpool_k3_s3_p1_ceil1,   6, 3",
        "maxpool_k3_s2_ceil1,      1, 0",
        "avgpool_k3_s2_ceil1,      1, 0",
        "maxpool_k5_s4_ceil1,      1, 0",
        "maxpool_k2_s1_ceil1,      1, 0",
    })
    void outputSizesAreThoseOfPyTorch(String token, int n, int expected) {
        String input = n + "x" + n + "x2";
        if (expected == 0) {
            InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class, () -> score(token, input));
            assertTrue(e.getMessage().contains("output size 0x0 is not positive"), e.getMessage());
            assertTrue(e.getMessage().contains("may overhang the padded input n+2p by at most s-1"), e.getMessage());
            return;
        }
        Metrics m = score(token, input);
        assertEquals(expected + "x" + expected + "x2", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
    }

    @Test
    void theIssuesExampleGivesOneByOneByTwoWithItsCostsFieldAndMemory() {
        // PyTorch: nn.Sequential(Conv2d(3, 2, 1), MaxPool2d(2, 2, ceil_mode=True)) on 1x3x1x1 -> (1, 2, 1, 1), 8 parameters
        for (String pool : new String[] {"maxpool", "avgpool"}) {
            Metrics m = score("conv_k1_c2 " + pool + "_k2_s2_ceil1", "1x1x3");
            assertEquals("1x1x2", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
            assertEquals(6, m.macs());                       // 1*1*3 * 1*1*2
            assertEquals(8, m.params());                     // 6 weights + 2 biases
            assertEquals(8, m.flops());                      // MACs + one bias add per output
            // r: conv k1 leaves 1; the pool adds (2-1)*1 = 1; its stride makes S 2; no padding
            assertEquals(2, m.receptiveFieldH());
            assertEquals(2, m.strideH());
            assertEquals(0, m.padH());
            // fp32: conv output 2 elements, pool output 2: total 16 bytes; peak conv 3 + 2 = 5 elements, 20 bytes
            assertEquals(16, m.activationTotalBytes());
            assertEquals(20, m.activationPeakBytes());
        }
    }

    @Test
    void overhangingPoolsInsideANetworkKeepTheFieldTheMemoryAndTheElementwiseCount() {
        // PyTorch: Conv2d(3, 4, 3, padding=1) -> (4, 5, 5); MaxPool2d(4, 4, ceil_mode=True) -> (4, 2, 2);
        // AvgPool2d(3, 3, ceil_mode=True) -> (4, 1, 1): its 3-wide window overhangs the 2x2 map; 112 parameters
        String arch = "conv_k3_c4 maxpool_k4_s4_ceil1 avgpool_k3_s3_ceil1";
        LayerTable t = trace(arch, "5x5x3");
        assertEquals(2, t.get(1, LayerMetricsRecord.OUT_H_OFFSET));
        assertEquals(1, t.get(2, LayerMetricsRecord.OUT_H_OFFSET));
        assertEquals(16L * 4, t.get(1, LayerMetricsRecord.ACT_BYTES_OFFSET));    // 2*2*4 elements
        assertEquals(4L * 4, t.get(2, LayerMetricsRecord.ACT_BYTES_OFFSET));     // 1*1*4 elements
        Metrics m = t.totals();
        assertEquals(112, m.params());                        // 27*4 + 4
        assertEquals(9L * 3 * 25 * 4, m.macs());              // 2,700
        // r: conv 3 (S 1, P 1); pool k4 s4: 3 + 3*1 = 6, S 4; pool k3 s3: 6 + 2*4 = 14, S 12; P stays 1
        assertEquals(14, m.receptiveFieldH());
        assertEquals(12, m.strideH());
        assertEquals(1, m.padH());
        // total 100 + 16 + 4 elements; peak the conv: 75 in + 100 out
        assertEquals(120L * 4, m.activationTotalBytes());
        assertEquals(175L * 4, m.activationPeakBytes());
        // --count-elementwise: k*k per pooled output, overhanging windows included: 16*16 + 4*9
        Metrics e = score(arch, "5x5x3", Conventions.DEFAULT.withCountElementwise(true));
        assertEquals(m.flops() + 16 * 16 + 4 * 9, e.flops());
    }

    @Test
    void floorPoolingAndConvolutionsKeepTheRuleThatTheKernelMustFit() {
        // PyTorch: max_pool2d(k2, s2) without ceil_mode on 1x1 -> "Output size is too small"; so is a 2x2 convolution
        for (String token : new String[] {"maxpool_k2_s2", "avgpool_k2_s2", "conv_k2_p0_c4", "conv_k2_s2_p0_c4", "dw_k2_s2_p0"}) {
            InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class, () -> score(token, "1x1x2"), token);
            assertTrue(e.getMessage().contains("must fit in the padded input n+2p"), e.getMessage());
        }
        assertEquals(0, Scorer.outSize(1, 2, 2, 0, 1, false));
        assertEquals(1, Scorer.outSize(1, 2, 2, 0, 1, true));
    }

    @Test
    void theRuleHoldsAlongEachAxisOfANonSquareWindow() {
        // PyTorch: max_pool2d(kernel (2, 3), stride 2, ceil_mode=True) on 1x3 -> (1, 1)
        Metrics m = score("maxpool_k2x3_s2_ceil1", "1x3x1");
        assertEquals("1x1", m.outHeight() + "x" + m.outWidth());
        assertEquals(2, m.receptiveFieldH());
        assertEquals(3, m.receptiveFieldW());
    }
}
