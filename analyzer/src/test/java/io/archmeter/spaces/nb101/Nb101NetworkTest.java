package io.archmeter.spaces.nb101;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("NAS-Bench-101 networks")
class Nb101NetworkTest {
    /** The Inception-like cell of the benchmark's README, in JSON as its users write it. */
    static final String INCEPTION_JSON = "{\"matrix\": [[0, 1, 1, 1, 0, 1, 0], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1],"
            + " [0, 0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0]],"
            + " \"ops\": [\"input\", \"conv1x1-bn-relu\", \"conv3x3-bn-relu\", \"conv3x3-bn-relu\", \"conv3x3-bn-relu\","
            + " \"maxpool3x3\", \"output\"]}";

    static Metrics score(Nb101Spec spec, int side, int classes) {
        CandidateBatch b = new CandidateBatch();
        b.begin(side, side, 3);
        new Nb101Network().append(b, spec, classes);
        b.end();
        return new Engine(Conventions.DEFAULT).score(b, 0, new Metrics());
    }

    @Test
    void theInceptionLikeCellOfTheReadmeHasThePublished2694282TrainableParameters() {
        // NASBench.ipynb (google-research/nasbench): "trainable_parameters: 2694282" for this spec
        assertEquals(2_694_282L, score(Nb101Spec.parse(INCEPTION_JSON), 32, 10).params());
    }
}
