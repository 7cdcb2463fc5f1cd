package io.archmeter.spaces.timm;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.Engine;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.model.Conventions;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * timm's {@code tf_} ports are their siblings' generators with {@code pad_type='same'} (and BN's
 * epsilon, which changes no count): the same layers, every convolution padded as TF's "SAME".
 * Their parameters and MACs are pinned against timm's own counts by {@link TimmReferenceTest}; here,
 * what differs: only the padding, and the effective padding follows TF's rule (checked by hand on
 * the stem).
 */
class TimmTfPortsTest {

    private static CandidateBatch build(String notation, int resolution) {
        CandidateBatch batch = new CandidateBatch();
        TimmNotation.append(notation, new CandidateBuilder(batch), resolution, resolution, 1000);
        return batch;
    }

    @ParameterizedTest
    @ValueSource(strings = {"efficientnet_b0", "efficientnet_lite2", "efficientnet_es", "efficientnetv2_s", "mobilenetv3_large_100",
        "mobilenetv3_small_075"})
    @DisplayName("a tf_ port has its sibling's layers, every convolution with TF \"SAME\" padding and nothing else changed")
    void aTfPortIsItsSiblingWithTfSamePadding(String sibling) {
        CandidateBatch torch = build("timm:" + sibling, 224);
        CandidateBatch tf = build("timm:tf_" + sibling, 224);
        assertEquals(torch.layerCount(), tf.layerCount());
        int convs = 0;
        for (int j = 0; j < torch.layerCount(); j++) {
            int o = LayerRecord.offset(j);
            int op = torch.records()[o];
            boolean se = op == OpCode.CONV && isSqueezeExcite(torch, j);
            boolean padded = (op == OpCode.CONV || op == OpCode.DEPTHWISE) && !se;
            for (int f = 0; f < LayerRecord.LENGTH; f++) {
                int a = torch.records()[o + f];
                int b = tf.records()[o + f];
                if (f == LayerRecord.FLAGS_OFFSET) {
                    assertEquals(a | (padded ? LayerRecord.FLAG_TF_SAME : 0), b, "flags of layer " + j);
                } else if (f != LayerRecord.PAD_H_OFFSET && f != LayerRecord.PAD_W_OFFSET || !padded) {
                    assertEquals(a, b, "field " + LayerRecord.fieldName(f) + " of layer " + j);
                }
            }
            convs += padded ? 1 : 0;
        }
        assertTrue(convs > 10, "convolutions padded: " + convs);
    }

    /** Layer j is one of the two 1x1 convolutions of a squeeze-excite (gap, conv, act, conv, gate, mul): the product 4 or 2 on. */
    private static boolean isSqueezeExcite(CandidateBatch b, int j) {
        for (int k = j + 2; k <= j + 4 && k < b.layerCount(); k += 2) {
            if (b.records()[LayerRecord.offset(k)] == OpCode.MUL) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("tf_efficientnet_b0's stem pads as TF: nothing before 224 (P 0), one pixel before 225 (P 1)")
    void theStemPadsAsTensorFlowDoes() {
        // conv 3x3/2: 224 -> out 112, need (111*2 + 3) - 224 = 1, all after; 225 -> out 113, need 2, 1 before
        LayerTable even = new Engine(Conventions.DEFAULT).trace(build("timm:tf_efficientnet_b0", 224), 0);
        LayerTable odd = new Engine(Conventions.DEFAULT).trace(build("timm:tf_efficientnet_b0", 225), 0);
        LayerTable torch = new Engine(Conventions.DEFAULT).trace(build("timm:efficientnet_b0", 224), 0);
        assertEquals(0, even.get(0, LayerMetricsRecord.PAD_H_OFFSET));
        assertEquals(1, odd.get(0, LayerMetricsRecord.PAD_H_OFFSET));
        assertEquals(1, torch.get(0, LayerMetricsRecord.PAD_H_OFFSET), "PyTorch's padding 1 on each side");
        assertEquals(113, odd.get(0, LayerMetricsRecord.OUT_H_OFFSET));
        assertEquals(torch.totals().receptiveFieldH(), even.totals().receptiveFieldH(), "r is the same");
        assertTrue(even.totals().padH() < torch.totals().padH(), "P is smaller: stride-2 layers pad after");
    }
}
