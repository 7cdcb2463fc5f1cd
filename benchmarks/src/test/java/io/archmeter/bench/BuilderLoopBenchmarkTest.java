package io.archmeter.bench;

import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the builder-loop benchmark body")
class BuilderLoopBenchmarkTest {

    /** Candidate {@code i} of the benchmark written as an architecture string: the grammar's path, not the builder's. */
    static String asString(BuilderLoopBenchmark b, int i) {
        StringBuilder sb = new StringBuilder("cn_k3_s2_c32_relu6");
        int blk = 0;
        for (int[] stage : BuilderLoopBenchmark.STAGES) {
            for (int r = 0; r < stage[2]; r++, blk++) {
                sb.append(" ir_k").append(b.kernel[i][blk]).append("_s").append(r == 0 ? stage[3] : 1)
                        .append("_e").append(b.expansion[i][blk]).append("_c").append(stage[1]).append("_relu6");
            }
        }
        return sb.append(" cn_k1_c1280_relu6 gap dropout fc_c1000").toString();
    }

    @Test
    void withTorchvisionsChoicesItBuildsMobileNetV2AsPublished() {
        BuilderLoopBenchmark b = new BuilderLoopBenchmark();
        b.candidates = 1;
        b.setup();
        Arrays.fill(b.kernel[0], 3);
        Arrays.fill(b.expansion[0], 6);
        b.expansion[0][0] = 1;
        b.build(0);
        Metrics m = b.engine.score(b.batch, 0, new Metrics());
        // torchvision mobilenet_v2: num_params 3,504,872; _ops 0.301 GFLOPS (MACs)
        assertEquals(3_504_872L, m.params());
        assertEquals(301, Math.round(m.macs() / 1e6));
        assertTrue(b.batch.isGraph(0), "residual joins: a graph");
    }

    @Test
    void everyCandidateScoresAsItsArchitectureStringDoes() {
        BuilderLoopBenchmark b = new BuilderLoopBenchmark();
        b.candidates = 200;
        b.setup();
        Engine engine = new Engine(Conventions.DEFAULT);
        long expected = 0;
        int layers = 0;
        for (int i = 0; i < b.candidates; i++) {
            Metrics m = engine.score(ArchParser.parse(asString(b, i), new InputShape(224, 224, 3)), 0, new Metrics());
            expected += m.macs() + 31 * m.params();
            b.build(i);
            layers = Math.max(layers, b.batch.layers(0));
        }
        assertEquals(expected, b.buildAndScore());
        assertEquals(expected, b.buildAndScore(), "the same answer when the loop runs again on the reused batch");
        assertTrue(layers > 140 && layers < 200, "about 150 layers: " + layers);
    }
}
