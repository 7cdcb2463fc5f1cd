package io.archmeter.spaces.darts;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.spaces.NotationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.archmeter.engine.Scoring.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DARTS evaluation networks against published parameter counts (auxiliary head excluded, as
 * DARTS's {@code count_parameters_in_MB} counts them): cogsys-tuebingen/uninas
 * {@code tests/test_model.py} ({@code test_model_params}, "measured via cogsys-tuebingen/prdarts")
 * gives DARTS V1 and P-DARTS on CIFAR-10 (C 36, L 20) and ImageNet (C 48, L 14, 224×224); DARTS V2
 * on CIFAR-10 is 3,349,342 by the rules of DARTS's {@code model.py} (worked out in
 * {@code src/test/resources/reference/darts_params.py}, which also gives the four numbers above),
 * the "3.3M" of the DARTS paper's Table 1. Their MACs there are torchprofile's convention, not
 * archmeter's: not compared.
 */
@DisplayName("DARTS networks")
class DartsNetworkTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "DARTS_V1, 32x32x3, 3169414",
        "DARTS_V1, 224x224x3, 4510432",
        "PDARTS, 32x32x3, 3433798",
        "PDARTS, 224x224x3, 4944352",
        "DARTS_V2, 32x32x3, 3349342",
    })
    void publishedGenotypesHaveTheirPublishedParameters(String name, String input, long params) {
        String genotype = switch (name) {
            case "DARTS_V1" -> GenotypeTest.DARTS_V1;
            case "DARTS_V2" -> GenotypeTest.DARTS_V2;
            default -> GenotypeTest.PDARTS;
        };
        assertEquals(params, score(genotype, input).params());
    }

    @Test
    void theImageNetNetworkEndsOnA7x7MapAndFactorizedReduceShiftsTheField() {
        // 224: stems /8 = 28, reductions at cells 4 and 9: 14, 7; AvgPool2d(7) to 1x1, then the classifier
        Metrics m = score(GenotypeTest.DARTS_V2, "224x224x3");
        assertEquals(1000, m.outChannels(), "ImageNet: 1000 classes by default");
        Metrics cifar = score(GenotypeTest.DARTS_V2, "32x32x3");
        assertEquals(10, cifar.outChannels(), "CIFAR: 10 classes by default");
    }

    @Test
    void theGenotypesOptionsAndTheCallersClassesChangeTheNetwork() {
        // C=16 L=8 on CIFAR: the reductions at cells 2 and 5; the classifier reads 4 * 64 channels
        Metrics small = score(GenotypeTest.DARTS_V2 + " C=16 L=8", "32x32x3");
        assertTrue(small.params() < 3_349_342 / 4, "" + small.params());
        CandidateBatch b = new CandidateBatch();
        ArchParser.parseCandidate(GenotypeTest.DARTS_V2, 32, 32, 3, 100, b);
        long hundred = new Engine(Conventions.DEFAULT).score(b, 0, new Metrics()).params();
        // the last cell concatenates 4 nodes of 4 * 36 channels: the classifier 576 -> 100 instead of 576 -> 10
        assertEquals(3_349_342L + 90 * 576 + 90, hundred);
    }

    @Test
    void anOddChannelCountForAFactorizedReduceIsRefused() {
        // ImageNet: the first cell's s0 comes from the strided stem through FactorizedReduce(C, C)
        NotationException e = assertThrows(NotationException.class, () -> score(GenotypeTest.DARTS_V2 + " C=17", "224x224x3"));
        assertTrue(e.getMessage().contains("FactorizedReduce needs an even channel count"), e.getMessage());
    }
}
