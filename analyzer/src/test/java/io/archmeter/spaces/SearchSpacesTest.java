package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.archmeter.spaces.regnet.RegNetSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The registry finds each space by its notation; an enumerable space writes candidate i as its string reads. */
@DisplayName("search spaces")
class SearchSpacesTest {

    @Test
    void theRegistryTellsEachNotationApartAndLeavesTheGrammarAlone() {
        SearchSpaces spaces = SearchSpaces.STANDARD;
        assertSame(NasBench201.TOPOLOGY, spaces.recognize("  |nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
        assertSame(NasBench201.SIZE, spaces.recognize("8:16:32:48:64 "));
        assertNull(spaces.recognize("conv_k3_c16 relu gap fc_c10"));
        assertNull(spaces.recognize("( conv_k3 | )add"));
        assertNull(spaces.recognize("8: 16"));
        assertSame(NasBench201.SIZE, spaces.named("NATS-SSS").orElseThrow());
        assertEquals(new InputShape(32, 32, 3), NasBench201.TOPOLOGY.defaultInput());
        assertEquals(10, NasBench201.TOPOLOGY.defaultClasses());
    }

    @Test
    void theFirstCharacterTableFindsWhatAskingEverySpaceFinds() {
        SearchSpaces spaces = SearchSpaces.STANDARD;
        // each space's own example, found by the table as by asking every space in order
        for (SearchSpace s : spaces.all()) {
            assertSame(s == RegNetSpace.Y ? RegNetSpace.X : s, spaces.recognizeByAsking(s.example()), s.name());
            assertSame(spaces.recognizeByAsking(s.example()), spaces.recognize(s.example()), s.name());
        }
        // seeded fuzz: fragments of every notation (prefixes cut anywhere), blanks, grammar tokens and odd characters
        List<String> pieces = new ArrayList<>(List.of(" ", "\t", "\u00a0", "conv_k3 ", "( ", "8:", "16", "{", "\"matrix\"", "\u00e9", "G", ""));
        for (SearchSpace s : spaces.all()) {
            String e = s.example();
            for (int cut = 0; cut <= Math.min(e.length(), 24); cut++) {
                pieces.add(e.substring(0, cut));
            }
            pieces.add(e);
        }
        long seed = 20_261_201L;
        Random random = new Random(seed);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(4); n >= 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String t = text.toString();
            assertSame(spaces.recognizeByAsking(t), spaces.recognize(t), () -> "seed " + seed + ": \"" + t + "\"");
        }
    }

    @Test
    void aRegistryTakesASpaceOfTheUsersOwnAndRefusesTwoOfOneName() {
        assertThrows(IllegalArgumentException.class, () -> SearchSpaces.STANDARD.with(NasBench201.SIZE));
    }

    /** The sizes are the benchmarks' own: 5 operations on 6 edges, 8 channel counts at 5 places. */
    @Test
    void theSpacesCountTheirCandidatesAsTheBenchmarksDo() {
        assertEquals(15_625, NasBench201.TOPOLOGY.size());      // 5^6
        assertEquals(32_768, NasBench201.SIZE.size());          // 8^5
    }

    @Test
    void everyTopologyCellIsDistinctAndWritesWhatItsStringReads() {
        checkEnumeration(NasBench201.TOPOLOGY, 5);
    }

    @Test
    void sizeSpaceCandidatesWriteWhatTheirStringsRead() {
        checkEnumeration(NasBench201.SIZE, 7);
    }

    /** Every notation distinct; every {@code step}-th candidate written directly equals its string parsed. */
    private static void checkEnumeration(SearchSpace space, int step) {
        checkEnumeration(space, step, true);
    }

    private static void checkEnumeration(SearchSpace space, int step, boolean distinct) {
        if (distinct) {
            Set<String> seen = new HashSet<>();
            for (long i = 0; i < space.size(); i++) {
                StringBuilder notation = new StringBuilder();
                space.appendNotation(i, notation);
                seen.add(notation.toString());
            }
            assertEquals(space.size(), seen.size(), "distinct notations");
        }
        CandidateBatch direct = new CandidateBatch();
        CandidateBatch parsed = new CandidateBatch();
        for (long i = 0; i < space.size(); i += step) {
            StringBuilder notation = new StringBuilder();
            space.appendNotation(i, notation);
            direct.clear();
            parsed.clear();
            CandidateBuilder b = direct.builder().begin(32, 32, 3);
            space.writeCandidate(i, SpaceOptions.DEFAULTS, b);
            b.end();
            ArchParser.parseCandidate(notation, 32, 32, 3, SpaceOptions.SPACE_DEFAULT, parsed);
            int n = direct.layers(0) * LayerRecord.LENGTH;
            assertEquals(direct.layers(0), parsed.layers(0), notation::toString);
            assertArrayEquals(Arrays.copyOf(parsed.records(), n), Arrays.copyOf(direct.records(), n), notation::toString);
        }
    }

    @Test
    void theFirstAndLastTopologyCellsAreAllNoneAndAllAvgPool() {
        StringBuilder first = new StringBuilder();
        NasBench201.TOPOLOGY.appendNotation(0, first);
        assertEquals("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", first.toString());
        StringBuilder last = new StringBuilder();
        NasBench201.TOPOLOGY.appendNotation(15_624, last);
        assertEquals("|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|", last.toString());
        StringBuilder size = new StringBuilder();
        NasBench201.SIZE.appendNotation(32_767, size);
        assertEquals("64:64:64:64:64", size.toString());
    }

    @Test
    void theSameSeedDrawsTheSameCandidates() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        SpaceRandom ra = new SpaceRandom();
        SpaceRandom rb = new SpaceRandom();
        for (int i = 0; i < 50; i++) {
            NasBench201.TOPOLOGY.sample(ra.seed(7, i), SpaceOptions.DEFAULTS, null, a.append('\n'));
            NasBench201.TOPOLOGY.sample(rb.seed(7, i), SpaceOptions.DEFAULTS, null, b.append('\n'));
        }
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void theNewSpacesAreRecognisedByTheirPrefixesAndNothingElse() {
        SearchSpaces spaces = SearchSpaces.STANDARD;
        assertSame(io.archmeter.spaces.nb101.Nb101Space.INSTANCE, spaces.recognize(" nb101:1:"));
        assertSame(io.archmeter.spaces.nb101.Nb101Space.INSTANCE, spaces.recognize("{'matrix': [[0, 1], [0, 0]], 'ops': ['input', 'output']}"));
        assertNull(spaces.recognize("{\"ks\": [3, 5], \"e\": [4, 6]}"), "a JSON object of another space is not a NAS-Bench-101 spec");
        assertSame(io.archmeter.spaces.darts.DartsSpace.INSTANCE, spaces.recognize("Genotype(normal=[], reduce=[])"));
        assertSame(io.archmeter.spaces.regnet.RegNetSpace.X, spaces.recognize("regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16"));
        assertNull(spaces.recognize("regnety"));
        assertEquals(new InputShape(32, 32, 3), spaces.defaultInput("nb101:1:"));
        assertEquals(new InputShape(224, 224, 3), spaces.defaultInput("regnet:d=1"));
        assertEquals(new InputShape(224, 224, 3), spaces.defaultInput("conv_k3_c8"));
        assertEquals("nb201, nats-sss, nb101, darts, regnet, regnety, timm, ofa-mbv3, mcunet, proxyless, net_config", spaces.names());
    }

    @Test
    void nasBench101CandidatesWriteWhatTheirStringsRead() {
        // every 997th of the 423,624 unique cells: written directly = its compact notation parsed
        checkEnumeration(io.archmeter.spaces.nb101.Nb101Space.INSTANCE, 997, false);
    }

    @Test
    void dartsAndRegNetSamplesWriteWhatTheirNotationsRead() {
        for (SearchSpace space : new SearchSpace[] {io.archmeter.spaces.darts.DartsSpace.INSTANCE,
            io.archmeter.spaces.regnet.RegNetSpace.X, io.archmeter.spaces.regnet.RegNetSpace.Y}) {
            SpaceRandom random = new SpaceRandom();
            for (int i = 0; i < 40; i++) {
                InputShape in = space.defaultInput();
                CandidateBatch direct = new CandidateBatch();
                CandidateBuilder b = direct.builder().begin(in.height(), in.width(), in.channels());
                space.sample(random.seed(11, i), SpaceOptions.DEFAULTS, b, null);
                b.end();
                StringBuilder notation = new StringBuilder();
                space.sample(random.seed(11, i), SpaceOptions.DEFAULTS, null, notation);
                CandidateBatch parsed = new CandidateBatch();
                ArchParser.parseCandidate(notation, in.height(), in.width(), in.channels(), SpaceOptions.SPACE_DEFAULT, parsed);
                int n = direct.layers(0) * LayerRecord.LENGTH;
                assertEquals(direct.layers(0), parsed.layers(0), notation::toString);
                assertArrayEquals(Arrays.copyOf(parsed.records(), n), Arrays.copyOf(direct.records(), n), notation::toString);
            }
        }
    }
}
