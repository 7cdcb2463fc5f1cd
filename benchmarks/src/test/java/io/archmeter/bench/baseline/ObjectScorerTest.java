package io.archmeter.bench.baseline;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.MetricRecord;
import io.archmeter.engine.Metrics;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The object baseline, the record chain scorer and the structure-of-arrays variant compute exactly what the engine
 * computes: on a hand-checked network, and on thousands of generated candidates under several
 * conventions. If they did not, their benchmarks would compare different work.
 */
class ObjectScorerTest {
    /** Caffe AlexNet, as the engine's Scorer Javadoc works it out. */
    static final String ALEXNET = "conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2 conv_k5_p2_g2_c256 relu lrn maxpool_k3_s2"
            + " conv_k3_c384 relu conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2 fc_c4096 relu dropout fc_c4096"
            + " relu dropout fc_c1000";

    @Test
    void alexNetHasItsPublishedCounts() {
        ObjectMetrics m = new ObjectScorer(Conventions.DEFAULT).score(ObjectArchParser.parse(ALEXNET), 227, 227, 3);
        assertEquals(724_406_816L, m.macs());
        assertEquals(60_965_224L, m.params());
        assertEquals(1000, m.outChannels());

        Metrics engine = new Engine(Conventions.DEFAULT)
                .score(ArchParser.parse(ALEXNET, new io.archmeter.model.InputShape(227, 227, 3)), 0, new Metrics());
        assertEquals(724_406_816L, engine.macs());
        assertEquals(60_965_224L, engine.params());
        assertArrayEquals(record(engine), m.toRecord());
    }

    @Test
    void alexNetConv1MatchesTheWorkedExample() {
        ObjectMetrics m = new ObjectScorer(Conventions.DEFAULT).score(ObjectArchParser.parse("conv_k11_s4_p0_c96"), 227, 227, 3);
        assertEquals(105_415_200L, m.macs());
        assertEquals(105_705_600L, m.flops());
        assertEquals(34_944L, m.params());
        assertEquals(55, m.outHeight());
        assertEquals(11, m.receptiveFieldH());
        assertEquals(4, m.strideH());
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8, 13, 20, 37, 60})
    void agreesWithTheEngineOnGeneratedCandidates(int depth) {
        for (Conventions conventions : new Conventions[] {Conventions.DEFAULT,
            new Conventions(FlopsConvention.STRICT, true, DType.FP16, DType.INT8)}) {
            CandidateGenerator generator = new CandidateGenerator(depth * 7919L);
            CandidateBatch batch = new CandidateBatch();
            String[] archs = new String[600];
            for (int i = 0; i < archs.length; i++) {
                archs[i] = generator.next(depth);
                ArchParser.parseCandidate(archs[i], 224, 224, 3, batch);
            }
            BatchResults results = new Engine(conventions, Integer.MAX_VALUE).scoreAll(batch, new BatchResults());
            long[] chain = new RecordChainScorer(conventions).scoreAll(batch, new long[archs.length * MetricRecord.LENGTH]);
            ObjectScorer objects = new ObjectScorer(conventions);
            for (int i = 0; i < archs.length; i++) {
                long[] engine = Arrays.copyOfRange(results.values(), MetricRecord.offset(i), MetricRecord.offset(i + 1));
                assertArrayEquals(engine, objects.score(ObjectArchParser.parse(archs[i]), 224, 224, 3).toRecord(),
                        () -> "objects vs engine on " + String.join(" ", archs));
                assertArrayEquals(engine, Arrays.copyOfRange(chain, MetricRecord.offset(i), MetricRecord.offset(i + 1)),
                        "record chain scorer vs engine");
            }
        }
    }

    @Test
    void coversEveryKindOfLayer() {
        String arch = "conv_k7_s2_c64 bn relu maxpool_k3_s2_p1_ceil1 dw_k3_m2 sigmoid avgpool_k2 conv_k1x3_p0x1_d2_c64_b0"
                + " lrn id tanh flatten fc_c10";
        CandidateBatch batch = ArchParser.parse(arch, new io.archmeter.model.InputShape(64, 48, 3));
        for (Conventions c : new Conventions[] {Conventions.DEFAULT, Conventions.DEFAULT.withCountElementwise(true)}) {
            Metrics engine = new Engine(c).score(batch, 0, new Metrics());
            assertArrayEquals(record(engine), new ObjectScorer(c).score(ObjectArchParser.parse(arch), 64, 48, 3).toRecord());
            assertArrayEquals(record(engine), new RecordChainScorer(c).scoreAll(batch, new long[MetricRecord.LENGTH]));
        }
    }

    static long[] record(Metrics m) {
        long[] r = new long[MetricRecord.LENGTH];
        for (int f = 0; f < MetricRecord.LENGTH; f++) {
            r[f] = m.get(f);
        }
        return r;
    }
}
