package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Blanks around a NAS-Bench-201 cell string or a NATS-Bench size string are ignored at both ends
 * alike (a size string used to accept a trailing space and refuse a leading one).
 */
@DisplayName("blanks around search-space notations")
class NotationBlanksTest {
    private static final String SIZE = "8:16:32:48:64";
    private static final String CELL = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    private static int[] records(String arch) {
        CandidateBatch b = new CandidateBatch();
        ArchParser.parseCandidate(arch, 32, 32, 3, b);
        return Arrays.copyOf(b.records(), b.layers(0) * LayerRecord.LENGTH);
    }

    @ParameterizedTest(name = "around ''{0}''")
    @ValueSource(strings = {" ", "  ", "\t", " \t", "\n"})
    void aBlankBeforeReadsAsABlankAfterAndAsNone(String blank) {
        int[] size = records(SIZE);
        int[] cell = records(CELL);
        for (String s : new String[] {blank + SIZE, SIZE + blank, blank + SIZE + blank}) {
            assertSame(NasBench201.SIZE, SearchSpaces.STANDARD.recognize(s), "'" + s + "'");
            assertArrayEquals(size, records(s), "'" + s + "'");
        }
        for (String s : new String[] {blank + CELL, CELL + blank, blank + CELL + blank}) {
            assertSame(NasBench201.TOPOLOGY, SearchSpaces.STANDARD.recognize(s), "'" + s + "'");
            assertArrayEquals(cell, records(s), "'" + s + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"8: 16:32:48:64", " 8:16 :32:48:64", " : ", " 8", "8 :"})
    void blanksInsideAreStillRefused(String s) {
        assertNull(SearchSpaces.STANDARD.recognize(s), "'" + s + "'");
        assertThrows(IllegalArgumentException.class, () -> records(s));
    }
}
