package io.archmeter.spaces;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("NAS-Bench-201 and NATS-Bench strings")
class NasBench201Test {

    private static Metrics score(String arch, int side, int classes) {
        CandidateBatch b = new CandidateBatch();
        ArchParser.parseCandidate(arch, side, side, 3, classes, b);
        return new Engine(Conventions.DEFAULT).score(b, 0, new Metrics());
    }

    @Test
    void allConv3x3CellsOnCifar10MatchThePublished220point11969MflopsAnd1point531546Mparams() {
        Metrics m = score("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|", 32, 10);
        assertEquals(220_119_690L, m.flops());
        assertEquals(1_531_546L, m.params());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|avg_pool_3x3~1|skip_connect~2|"})
    void cellsWithoutConvolutionMatchThePublished7point78305MflopsAnd0point073306Mparams(String cell) {
        Metrics m = score(cell, 32, 10);
        assertEquals(7_783_050L, m.flops());
        assertEquals(73_306L, m.params());
    }

    @Test
    void theClassifierFollowsTheClassesAndImageNet16TakesA16PixelInput() {
        String cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
        long p10 = score(cell, 32, 10).params();
        assertEquals(p10 + 64L * 90 + 90, score(cell, 32, 100).params());
        Metrics in16 = score(cell, 16, 120);
        assertEquals("1x1x120", in16.outHeight() + "x" + in16.outWidth() + "x" + in16.outChannels());
        assertEquals(4, in16.strideH());
    }

    @Test
    void aSizeSpaceStringBuildsTheFixedTopologyAtItsChannels() {
        // by hand: stem 232; cell 8->8 five ReLUConvBN 3x3 2,960; reduction 8->16 3,648; cell 16->32 37,760
        // (two 3x3 from node 0, a 1x1 factorized skip, three 3x3 at 32); reduction 32->48 36,288;
        // cell 48->64 169,728; BN 128; classifier 650
        Metrics m = score("8:16:32:48:64", 32, 10);
        assertEquals(232 + 2_960 + 3_648 + 37_760 + 36_288 + 169_728 + 128 + 650, m.params());
        assertEquals("1x1x10", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels());
        assertEquals(4, m.strideH(), "two stride-2 reductions");
    }

    @Test
    void malformedCellsAndSizeStringsAreClearErrors() {
        String[][] cases = {
            {"|nor_conv_3x3~0|+|nor_conv_3x3~0|", "3 nodes separated by '+'"},
            {"|nor_conv_3x3~0|+|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|", "node 2 has 1 edges"},
            {"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_conect~0|nor_conv_3x3~1|skip_connect~2|",
                "unknown operation 'skip_conect' (did you mean 'skip_connect'?)"},
            {"|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
                "must read node 0"},
            {"8:16:32:48", "3N+2 channel counts"},
            {"8:16:0:48:64", "channel count 3 is 0"},
        };
        for (String[] c : cases) {
            NotationException e = assertThrows(NotationException.class, () -> score(c[0], 32, 10), c[0]);
            assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
        }
    }
}
