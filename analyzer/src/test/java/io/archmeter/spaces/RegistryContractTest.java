package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.spaces.ofa.OfaMbv3;
import io.archmeter.spaces.proxyless.McunetSpace;
import io.archmeter.spaces.proxyless.NetConfig;
import io.archmeter.spaces.proxyless.ProxylessSpace;
import io.archmeter.spaces.timm.TimmNotation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract over every registered space: its example is its own and no other space's (a space
 * that reads no string of its own, RegNetY's sampling range, writes another's notation), parses
 * through {@link ArchParser#parseCandidate} (the one entry point of filter, summary, Spark and
 * Python) into a valid network, and the archmeter grammar is claimed by none.
 */
@DisplayName("the search-space registry, every space")
class RegistryContractTest {

    static Stream<SearchSpace> spaces() {
        return SearchSpaces.STANDARD.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spaces")
    void itsExampleIsItsOwnAndParsesIntoAValidNetwork(SearchSpace space) {
        SearchSpace owner = space.recognizes(space.example()) ? space : SearchSpaces.STANDARD.recognize(space.example());
        for (SearchSpace other : SearchSpaces.STANDARD.all()) {
            assertEquals(other == owner, other.recognizes(space.example()), () -> other.name() + " on " + space.example());
        }
        CandidateBatch batch = new CandidateBatch();
        ArchParser.parseCandidate(space.example(), space.defaultInput().height(), space.defaultInput().width(),
                space.defaultInput().channels(), ArchParser.DEFAULT_CELL_CLASSES, batch);
        Metrics m = new Engine(Conventions.DEFAULT).score(batch, 0, new Metrics());
        assertTrue(m.params() > 0 && m.macs() > 0, space.name());
        assertEquals(space.defaultClasses(), m.outChannels(), "the space's own classes by default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv_k3_c16 relu gap fc_c10", "( conv_k3 | )add", "timm", "ofa-mbv3", "{\"ks\": [3]}",
        "{\"name\": \"ProxylessNASNet\"}", "{\"first_conv\": {}, \"name\": \"ProxylessNASNets\"}", "net_config:{}"})
    void theGrammarAndNearMissesAreClaimedByNoSpace(String text) {
        assertNull(SearchSpaces.STANDARD.recognize(text), text);
    }

    @Test
    void theMobileNetNotationsAreFoundByTheirPrefixOrTheirFirstKey() {
        SearchSpaces s = SearchSpaces.STANDARD;
        assertSame(TimmNotation.SPACE, s.recognize("timm:efficientnet_b0"));
        assertSame(OfaMbv3.SPACE, s.recognize("ofa-mbv3:{}"));
        assertSame(McunetSpace.SPACE, s.recognize(" mcunet:{}"));
        assertSame(ProxylessSpace.SPACE, s.recognize("proxyless:{}"));
        assertSame(NetConfig.SPACE, s.recognize("{\"name\": \"ProxylessNASNets\", \"first_conv\": {}}"));
        assertSame(NetConfig.SPACE, s.recognize("{ 'name' : 'ProxylessNASNets' }"));
        assertSame(OfaMbv3.SPACE, s.named("OFA-MBV3").orElseThrow());
    }

    /** A notation that does not read fails with the space's reason and leaves the batch as it was. */
    @Test
    void aBadNotationLeavesTheBatchAsItWas() {
        CandidateBatch batch = new CandidateBatch();
        NotationException e = assertThrows(NotationException.class, () -> ArchParser.parseCandidate(
                "mcunet:{\"ks\": [3], \"e\": [3], \"d\": [2, 2, 2, 2, 2], \"r\": [160]}", 224, 224, 3, batch));
        assertTrue(e.getMessage().startsWith("mcunet: 'ks' has 1 entries, expected 21"), e.getMessage());
        assertEquals(0, batch.size());
        assertEquals(0, batch.layerCount());
        assertThrows(NotationException.class, () -> ArchParser.parseCandidate("timm:resnet50", 224, 224, 3, batch));
        assertEquals(0, batch.layerCount());
    }

    /** Sampling through the registry interface writes the network its notation reads, on the resolution drawn. */
    @ParameterizedTest
    @ValueSource(strings = {"ofa-mbv3", "mcunet", "proxyless"})
    void aSampledCandidateWritesWhatItsNotationReads(String name) {
        SearchSpace space = SearchSpaces.STANDARD.named(name).orElseThrow();
        SpaceRandom random = new SpaceRandom().seed(11, 0);
        SpaceOptions options = new SpaceOptions(SpaceOptions.SPACE_DEFAULT, java.util.Map.of("r", 192));
        for (int i = 0; i < 20; i++) {
            CandidateBatch direct = new CandidateBatch();
            StringBuilder notation = new StringBuilder();
            direct.builder().begin(224, 224, 3);
            space.sample(random, options, direct.builder(), notation);
            direct.builder().end();
            CandidateBatch parsed = new CandidateBatch();
            ArchParser.parseCandidate(notation, 224, 224, 3, parsed);
            assertEquals(192, direct.inputHeight(0), notation::toString);
            assertEquals(192, parsed.inputHeight(0), notation::toString);
            assertEquals(direct.layerCount(), parsed.layerCount(), notation::toString);
            assertTrue(java.util.Arrays.equals(direct.records(), 0, direct.layerCount() * 15, parsed.records(), 0,
                    parsed.layerCount() * 15), notation::toString);
        }
    }
}
