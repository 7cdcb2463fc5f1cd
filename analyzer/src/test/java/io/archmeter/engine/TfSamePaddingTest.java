package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TensorFlow's {@code padding="SAME"} ({@code tfsame1}), by hand from TF's rule: the output is
 * ceil(n/s); the padding it needs, max((out − 1)·s + d·(k − 1) + 1 − n, 0), goes half (rounded
 * down) before the input and the rest after. So it depends on the input size: at stride 2 a 3×3
 * kernel pads 0 before an even input (224: out 112, total (111·2 + 3) − 224 = 1) and 1 before an odd
 * one (321: out 161, total 2), where PyTorch's symmetric padding puts 1 on each side. Only the
 * effective padding P moves; the output size, so MACs and parameters, are those of symmetric
 * padding for odd kernels.
 */
@DisplayName("TF \"SAME\" padding")
class TfSamePaddingTest {

    @ParameterizedTest(name = "{0} on {1}: output {2}, P {3}")
    @CsvSource({
        // op,                      input,       out,  P   (P = padding before, times S = 1 on a first layer)
        "conv_k3_s2_c8_tfsame1,     224x224x3,   112,  0",
        "conv_k3_s2_c8_tfsame1,     321x321x3,   161,  1",
        "conv_k3_s2_c8_tfsame1,     7x7x3,       4,    1",     // out 4, total 3*2 + 3 - 7 = 2
        "conv_k5_s2_c8_tfsame1,     224x224x3,   112,  1",     // total 111*2 + 5 - 224 = 3: 1 before, 2 after
        "conv_k3_c8_tfsame1,        10x10x3,     10,   1",     // stride 1: total 2, symmetric
        "conv_k3_d2_c8_tfsame1,     10x10x3,     10,   2",     // total 9 + 4 + 1 - 10 = 4
        "conv_k2_s2_c8_tfsame1,     7x7x3,       4,    0",     // even kernel: total 3*2 + 2 - 7 = 1, after
        "maxpool_k3_s2_tfsame1,     112x112x8,   56,   0",
        "avgpool_k3_s2_tfsame1,     113x113x8,   57,   1",     // total 56*2 + 3 - 113 = 2
        "dw_k7_s2_tfsame1,          15x15x8,     8,    3",     // total 7*2 + 7 - 15 = 6
        "conv_k1_s2_c8_tfsame1,     224x224x3,   112,  0",     // 1x1: total 111*2 + 1 - 224 < 0, no padding
    })
    void theOutputIsCeilOfNOverSAndThePaddingBeforeIsHalfTheNeed(String op, String input, long out, long pad) {
        Metrics m = score(op, input);
        assertAll(
                () -> assertEquals(out, m.outHeight(), "output height"),
                () -> assertEquals(out, m.outWidth(), "output width"),
                () -> assertEquals(pad, m.padH(), "P along H"),
                () -> assertEquals(pad, m.padW(), "P along W"));
    }

    @Test
    void theExtraPixelOnOneSideMovesOnlyTheEffectivePadding() {
        // conv 3x3/2 to 8 on 224x224x3: 112*112 outputs * 8 channels * 27 = 2,709,504 MACs, 8*27 + 8 = 224 params,
        // exactly as with PyTorch's padding 1 (ceil(224/2) = floor((224 + 2 - 3)/2) + 1 = 112); P 0 instead of 1
        Metrics tf = score("conv_k3_s2_c8_tfsame1", "224x224x3");
        Metrics torch = score("conv_k3_s2_c8", "224x224x3");
        assertAll(
                () -> assertEquals(2_709_504, tf.macs()),
                () -> assertEquals(224, tf.params()),
                () -> assertEquals(torch.macs(), tf.macs()),
                () -> assertEquals(torch.activationPeakBytes(), tf.activationPeakBytes()),
                () -> assertEquals(3, tf.receptiveFieldH()),
                () -> assertEquals(2, tf.strideH()),
                () -> assertEquals(1, torch.padH()),
                () -> assertEquals(0, tf.padH()));
    }

    @Test
    void heightAndWidthArePaddedEachFromTheirOwnSize() {
        // 224 x 321: H pads 0 before, W pads 1
        Metrics m = score("conv_k3_s2_c8_tfsame1", "224x321x3");
        assertAll(
                () -> assertEquals(112, m.outHeight()),
                () -> assertEquals(161, m.outWidth()),
                () -> assertEquals(0, m.padH()),
                () -> assertEquals(1, m.padW()));
    }

    @Test
    void laterLayersAddTheirPaddingBeforeTimesTheEffectiveStride() {
        // 224: conv 3x3/2 (0 before, S 2), dw 3x3/1 on 112 (1 before: P += 1*2), dw 3x3/2 on 112 (total 55*2 + 3 - 112 = 1: 0)
        Metrics m = score("conv_k3_s2_c8_tfsame1 dw_k3_tfsame1 dw_k3_s2_tfsame1", "224x224x3");
        assertAll(
                () -> assertEquals(2, m.padH()),
                () -> assertEquals(11, m.receptiveFieldH()),
                () -> assertEquals(4, m.strideH()));
    }

    @Test
    void theFlagFormatsAndParsesBackToTheSameRecord() {
        CandidateBatch parsed = ArchParser.parse("dw_k5_s2_tfsame1", new InputShape(9, 9, 4));
        int[] record = Arrays.copyOf(parsed.records(), LayerRecord.LENGTH);
        assertEquals(LayerRecord.FLAG_TF_SAME, record[LayerRecord.FLAGS_OFFSET] & LayerRecord.FLAG_TF_SAME);
        String token = ArchFormatter.token(record, 0);
        assertEquals("dw_k5_s2_tfsame1", token);
        assertArrayEquals(record, Arrays.copyOf(ArchParser.parse(token, new InputShape(9, 9, 4)).records(), LayerRecord.LENGTH));
    }

    @Test
    void anExplicitPaddingCeilRoundingOrAnOpWithoutAWindowIsRefused() {
        String[][] cases = {
            {"conv_k3_s2_p1_tfsame1_c8", "tfsame1 sets the padding from the input size: give no p"},
            {"maxpool_k3_s2_ceil1_tfsame1", "give no p and no ceil1"},
            {"relu_tfsame1", "relu takes no keys, but 'tfsame' was given"},
            {"fc_c10_tfsame1", "'tfsame'"},
            {"conv_k3_tfsame2", "'tfsame' is 2: expected 0 or 1"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ArchParser.parse(c[0], new InputShape(8, 8, 3)), c[0]);
            assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
        }
    }
}
