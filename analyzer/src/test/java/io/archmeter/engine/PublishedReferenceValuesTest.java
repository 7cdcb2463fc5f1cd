package io.archmeter.engine;

import io.archmeter.zoo.Zoo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.archmeter.engine.LayerMetricsRecord.MACS_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.OUT_C_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.OUT_H_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.OUT_W_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.PAD_H_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.RF_H_OFFSET;
import static io.archmeter.engine.LayerMetricsRecord.STRIDE_H_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Public figures the engine must reproduce to the last digit: AlexNet, VGG-16, the Distill receptive-field table. */
@DisplayName("published reference values")
class PublishedReferenceValuesTest {

    /** The Caffe AlexNet written with floor pooling (no ceil keys): the same numbers at 227x227. */
    static final String CAFFE_ALEXNET_FLOOR_POOLING = "conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_p2_g2_c256 relu lrn"
            + " maxpool_k3_s2 conv_k3_c384 relu conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu"
            + " dropout fc_c4096 relu dropout fc_c1000";

    private static LayerTable zoo(String name) {
        Zoo.Model m = Zoo.find(name).orElseThrow();
        return Scoring.trace(m.arch(), m.input().toString());
    }

    /** r, S, P after each conv and pool layer of a table, in order. */
    private static List<String> rfAfterConvAndPool(LayerTable t) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < t.size(); j++) {
            int op = t.record(j, io.archmeter.encoding.LayerRecord.OP_OFFSET);
            if (io.archmeter.model.Op.ofCode(op).field() == io.archmeter.model.Op.Field.WINDOW) {
                out.add(t.get(j, RF_H_OFFSET) + "/" + t.get(j, STRIDE_H_OFFSET) + "/" + t.get(j, PAD_H_OFFSET));
            }
        }
        return out;
    }

    @Nested
    @DisplayName("Caffe AlexNet on 227x227x3")
    class CaffeAlexNet {
        final LayerTable t = zoo("alexnet");

        @Test
        void conv1OutputIs55x55x96WithTheTutorialsFlopsAndParams() {
            assertEquals(55, t.get(0, OUT_H_OFFSET));
            assertEquals(55, t.get(0, OUT_W_OFFSET));
            assertEquals(96, t.get(0, OUT_C_OFFSET));
            assertEquals(105_705_600L, t.get(0, LayerMetricsRecord.FLOPS_OFFSET));
            assertEquals(105_415_200L, t.get(0, MACS_OFFSET));
            assertEquals(34_944L, t.get(0, LayerMetricsRecord.PARAMS_OFFSET));
        }

        @Test
        void wholeNetworkTotalsMatchThePublishedCounts() {
            Metrics m = t.totals();
            assertEquals(60_965_224L, m.params());
            assertEquals(724_406_816L, m.macs());
            assertEquals(725_066_088L, m.flops());
            assertEquals(243_860_896L, m.weightBytes());
        }

        @Test
        void rawWeightsAre238145point4KiB() {
            // the tutorial quotes a 238,147 KB file; the rest is file-format overhead
            // 243,860,896 / 1024 = 238,145.40625
            assertEquals(238_145L, t.totals().weightBytes() / 1024);
            assertEquals(416L, t.totals().weightBytes() % 1024);
        }

        @Test
        void receptiveFieldGrowsAs11_19_51_67_99_131_163_195() {
            List<String> rf = rfAfterConvAndPool(t);
            List<Long> r = new ArrayList<>();
            for (String s : rf) {
                r.add(Long.parseLong(s.split("/")[0]));
            }
            assertEquals(List.of(11L, 19L, 51L, 67L, 99L, 131L, 163L, 195L), r);
            assertEquals(195, t.totals().receptiveFieldH());
            assertEquals(195, t.totals().receptiveFieldW());
        }

        @Test
        void floorPoolingGivesTheSameNumbersAsCeilPoolingAt227() {
            Metrics fromString = Scoring.score(CAFFE_ALEXNET_FLOOR_POOLING, "227x227x3");
            Metrics fromZoo = t.totals();
            for (int f = 0; f < MetricRecord.LENGTH; f++) {
                assertEquals(fromZoo.get(f), fromString.get(f), "metric field " + f);
            }
        }
    }

    @Test
    void tfSlimAlexnetV2MatchesTheDistillReceptiveFieldTable() {
        assertEquals(List.of("11/4/0", "19/8/0", "51/8/16", "67/16/16", "99/16/32", "131/16/48", "163/16/64", "195/32/64"),
                rfAfterConvAndPool(zoo("alexnet-v2")));
    }

    @Test
    void vgg16HasPool5ReceptiveField212Stride32Padding90AndTorchvisionsCounts() {
        LayerTable t = zoo("vgg16");
        List<String> rf = rfAfterConvAndPool(t);
        assertEquals("212/32/90", rf.get(rf.size() - 1));
        assertEquals(138_357_544L, t.totals().params());
        assertEquals(15_470_264_320L, t.totals().macs());
    }

    @Test
    void torchvisionAlexnetHasTorchvisionsParamsAndMacs() {
        Metrics m = zoo("alexnet-tv").totals();
        assertEquals(61_100_840L, m.params());
        assertEquals(714_188_480L, m.macs());
    }
}
