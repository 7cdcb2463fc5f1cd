package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

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
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            StringBuilder notation = new StringBuilder();
            space.appendNotation(i, notation);
            seen.add(notation.toString());
        }
        assertEquals(space.size(), seen.size(), "distinct notations");
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
            ArchParser.parseCandidate(notation, 32, 32, 3, space.defaultClasses(), parsed);
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
        SplittableRandom ra = new SplittableRandom(7);
        SplittableRandom rb = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            NasBench201.TOPOLOGY.sample(ra, SpaceOptions.DEFAULTS, null, a.append('\n'));
            NasBench201.TOPOLOGY.sample(rb, SpaceOptions.DEFAULTS, null, b.append('\n'));
        }
        assertEquals(a.toString(), b.toString());
    }
}
