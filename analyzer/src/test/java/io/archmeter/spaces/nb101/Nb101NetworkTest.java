package io.archmeter.spaces.nb101;

import io.archmeter.engine.Metrics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("NAS-Bench-101 networks")
class Nb101NetworkTest {
    /** The Inception-like cell of the benchmark's README, in JSON as its users write it. */
    static final String INCEPTION_JSON = "{\"matrix\": [[0, 1, 1, 1, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1],"
            + " [0, 0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0]],"
            + " \"ops\": [\"input\", \"conv1x1-bn-relu\", \"conv3x3-bn-relu\", \"conv3x3-bn-relu\", \"conv3x3-bn-relu\","
            + " \"maxpool3x3\", \"output\"]}";

    @Test
    void theInceptionLikeCellOfTheReadmeHasThePublished2694282TrainableParameters() {
        // NASBench.ipynb (google-research/nasbench): "trainable_parameters: 2694282" for this spec, in both notations
        assertEquals(2_694_282L, score(INCEPTION_JSON, "32x32x3").params());
        assertEquals(2_694_282L, score("nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp", "32x32x3").params());
    }

    /**
     * A chain of three 3×3 vertices that all feed the output: 0→1, 1→2, 2→3, and 1, 2, 3 → output
     * ({@code nb101:1000.101.11.1:c3.c3.c3}). The output's C splits 3 ways with the remainder to
     * the first vertices (128: 43, 43, 42; 256: 86, 85, 85; 512: 171, 171, 170), so a 43-channel
     * vertex feeds a 42-channel one and is truncated (a slice: free), in every stack. By the rules of
     * {@code model_builder.py}, per cell of C_in → C: the projection 0→1 (C_in·c1 + 2·c1), then
     * three 3×3 convolutions with BN (9·c² + 2·c each), each reading c of its predecessor's channels.
     */
    @Test
    void unevenSplitsTruncateTheWiderVertexAndCountExactly() {
        long params = 3 * 3 * 3 * 128 + 2 * 128 + 512 * 10 + 10;       // stem conv and BN, dense
        long macs = 27L * 128 * 32 * 32 + 512 * 10;
        int cin = 128;
        int[][] stacks = {{128, 32 * 32}, {256, 16 * 16}, {512, 8 * 8}};
        for (int[] s : stacks) {
            int c = s[0];
            int[] split = {c / 3 + (c % 3 > 0 ? 1 : 0), c / 3 + (c % 3 > 1 ? 1 : 0), c / 3};
            for (int cell = 0; cell < 3; cell++) {
                params += (long) cin * split[0] + 2 * split[0];
                macs += (long) cin * split[0] * s[1];
                for (int v : split) {
                    params += 9L * v * v + 2 * v;
                    macs += 9L * v * v * s[1];
                }
                cin = c;
            }
        }
        assertEquals(3_403_080, params, "the rule, worked out");
        assertEquals(501_559_936, macs, "the rule, worked out");
        Metrics m = score("nb101:1000.101.11.1:c3.c3.c3", "32x32x3");
        assertEquals(params, m.params());
        assertEquals(macs, m.macs());
        assertEquals(m.params(), score("{'matrix': [[0, 1, 0, 0, 0], [0, 0, 1, 0, 1], [0, 0, 0, 1, 1], [0, 0, 0, 0, 1],"
                + " [0, 0, 0, 0, 0]], 'ops': ['input', 'conv3x3-bn-relu', 'conv3x3-bn-relu', 'conv3x3-bn-relu', 'output']}",
                "32x32x3").params(), "a printed dict reads as the compact form");
    }

    @Test
    void theClassifierFollowsTheClasses() {
        long ten = score("nb101:1000.101.11.1:c3.c3.c3", "32x32x3").params();
        io.archmeter.encoding.CandidateBatch b = new io.archmeter.encoding.CandidateBatch();
        io.archmeter.grammar.ArchParser.parseCandidate("nb101:1000.101.11.1:c3.c3.c3", 32, 32, 3, 100, b);
        long hundred = new io.archmeter.engine.Engine(io.archmeter.model.Conventions.DEFAULT).score(b, 0, new Metrics()).params();
        assertEquals(ten + 90L * 512 + 90, hundred, "dense 512 -> 100 instead of 512 -> 10");
    }
}
