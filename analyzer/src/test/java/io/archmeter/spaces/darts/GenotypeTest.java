package io.archmeter.spaces.darts;

import io.archmeter.spaces.NotationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DARTS genotypes")
class GenotypeTest {
    /** quark0/darts cnn/genotypes.py DARTS_V2, as printed there. */
    static final String DARTS_V2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1),"
            + " ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
            + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0),"
            + " ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";
    /** quark0/darts cnn/genotypes.py DARTS_V1. */
    static final String DARTS_V1 = "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1),"
            + " ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, 5],"
            + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0),"
            + " ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])";
    /** chenxin061/pdarts genotypes.py PDARTS, as written there (range concat, missing spaces). */
    static final String PDARTS = "Genotype(normal=[('skip_connect', 0), ('dil_conv_3x3', 1), ('skip_connect', 0),('sep_conv_3x3', 1),"
            + " ('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3',0), ('dil_conv_5x5', 4)], normal_concat=range(2, 6),"
            + " reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 0), ('dil_conv_5x5', 2), ('max_pool_3x3', 0),"
            + " ('dil_conv_3x3', 1), ('dil_conv_3x3', 1), ('dil_conv_5x5', 3)], reduce_concat=range(2, 6))";
    /** quark0/darts genotypes.py NASNet, multi-line with trailing commas and 5 nodes. */
    static final String NASNET = "Genotype(\n  normal = [\n    ('sep_conv_5x5', 1),\n    ('sep_conv_3x3', 0),\n    ('sep_conv_5x5', 0),\n"
            + "    ('sep_conv_3x3', 0),\n    ('avg_pool_3x3', 1),\n    ('skip_connect', 0),\n    ('avg_pool_3x3', 0),\n"
            + "    ('avg_pool_3x3', 0),\n    ('sep_conv_3x3', 1),\n    ('skip_connect', 1),\n  ],\n  normal_concat = [2, 3, 4, 5, 6],\n"
            + "  reduce = [\n    ('sep_conv_5x5', 1),\n    ('sep_conv_7x7', 0),\n    ('max_pool_3x3', 1),\n    ('sep_conv_7x7', 0),\n"
            + "    ('avg_pool_3x3', 1),\n    ('sep_conv_5x5', 0),\n    ('skip_connect', 3),\n    ('avg_pool_3x3', 2),\n"
            + "    ('sep_conv_3x3', 2),\n    ('max_pool_3x3', 1),\n  ],\n  reduce_concat = [4, 5, 6],\n)";

    @Test
    void printedGenotypesReadAndWriteAsDartsPrintsThem() {
        Genotype v2 = Genotype.parse(DARTS_V2);
        assertEquals(4, v2.nodes(false));
        assertEquals(DartsOp.DIL_CONV_3X3, v2.op(false, 7));
        assertEquals(2, v2.input(false, 7));
        assertArrayEquals(new int[] {2, 3, 4, 5}, v2.concat(true));
        assertEquals(DARTS_V2.replace("[2, 3, 4, 5]", "range(2, 6)"), v2.notation());
        assertEquals(v2, Genotype.parse(v2.notation()));
        Genotype pd = Genotype.parse(PDARTS);
        assertEquals(pd, Genotype.parse(pd.notation()));
        Genotype nasnet = Genotype.parse(NASNET);
        assertEquals(5, nasnet.nodes(false));
        assertArrayEquals(new int[] {4, 5, 6}, nasnet.concat(true));
        assertEquals(DartsOp.SEP_CONV_7X7, nasnet.op(true, 1));
        Genotype withOptions = Genotype.parse(DARTS_V2 + " C=16 L=8");
        assertEquals(16, withOptions.channels());
        assertEquals(8, withOptions.layers());
        assertTrue(withOptions.notation().endsWith(") C=16 L=8"));
    }

    @Test
    void badGenotypesAreRefusedWithTheirReason() {
        String[][] cases = {
            {DARTS_V2.replace("'dil_conv_3x3'", "'dil_conv_3x4'"), "normal edge 8: unknown op 'dil_conv_3x4' (did you mean 'dil_conv_3x3'?)"},
            {DARTS_V2.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', 5)"), "normal edge 8 ('dil_conv_3x3', 5): node 3 reads states 0 to 4"},
            {DARTS_V2.replace("('skip_connect', 0), ('dil_conv_3x3', 2)]", "('skip_connect', 0)]"), "normal has 7 edges"},
            {DARTS_V2.replace("reduce_concat=[2, 3, 4, 5]", "reduce_concat=[2, 3, 4, 6]"), "reduce_concat names state 6"},
            {DARTS_V2.replace(", reduce_concat=[2, 3, 4, 5]", ""), "missing reduce_concat"},
            {DARTS_V2.replace("normal_concat", "normal_concatt"), "unknown field 'normal_concatt'"},
            {DARTS_V2.replace("('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0)", "('none', 0), ('none', 1), ('sep_conv_3x3', 0)"),
                "normal node 0 has only 'none' edges"},
            {DARTS_V2 + " C=0", "option 'C=0'"},
            {"Genotype(normal=[('sep_conv_3x3' 0)])", "expected ','"},
        };
        for (String[] c : cases) {
            NotationException e = assertThrows(NotationException.class, () -> Genotype.parse(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith("DARTS genotype: ") && e.getMessage().contains(c[1]), () -> c[1] + " -> " + e.getMessage());
        }
    }

    @Test
    void theSpacesCandidatesAreItsGenotypesEachOnceWithTwoDistinctEarlierInputsPerNode() {
        Set<String> distinct = new HashSet<>();
        io.archmeter.spaces.SpaceRandom random = new io.archmeter.spaces.SpaceRandom();
        for (int i = 0; i < 1000; i++) {
            StringBuilder x = new StringBuilder();
            StringBuilder y = new StringBuilder();
            DartsSpace.INSTANCE.sample(random.seed(3, i), io.archmeter.spaces.SpaceOptions.DEFAULTS, null, x);
            DartsSpace.INSTANCE.sample(random.seed(3, i), io.archmeter.spaces.SpaceOptions.DEFAULTS, null, y);
            assertEquals(x.toString(), y.toString());
            Genotype g = Genotype.parse(x);
            for (boolean reduce : new boolean[] {false, true}) {
                for (int node = 0; node < 4; node++) {
                    assertTrue(g.input(reduce, 2 * node) < g.input(reduce, 2 * node + 1), x::toString);
                    assertTrue(g.op(reduce, 2 * node) != DartsOp.NONE && g.op(reduce, 2 * node) != DartsOp.SEP_CONV_7X7, x::toString);
                }
            }
            distinct.add(x.toString());
        }
        assertEquals(1000, distinct.size());
        // (1 * 3 * 6 * 10 * 7^8)^2: each node picks an unordered pair of its earlier states and an op for each edge
        assertEquals(1_076_746_950_455_072_400L, DartsSpace.INSTANCE.size());
    }

    @Test
    void theFirstAndLastCandidatesAreTheSmallestAndLargestDigitsEverywhere() {
        // candidate 0: every pair the first, (0, 1); every op the first of PRIMITIVES without none, max_pool_3x3
        StringBuilder first = new StringBuilder();
        DartsSpace.INSTANCE.appendNotation(0, first);
        String cell0 = "[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1),"
                + " ('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1)]";
        assertEquals("Genotype(normal=" + cell0 + ", normal_concat=range(2, 6), reduce=" + cell0 + ", reduce_concat=range(2, 6))",
                first.toString());
        // the last: node k's last pair (k, k + 1) and the last op, dil_conv_5x5
        StringBuilder last = new StringBuilder();
        DartsSpace.INSTANCE.appendNotation(DartsSpace.INSTANCE.size() - 1, last);
        String cellN = "[('dil_conv_5x5', 0), ('dil_conv_5x5', 1), ('dil_conv_5x5', 1), ('dil_conv_5x5', 2),"
                + " ('dil_conv_5x5', 2), ('dil_conv_5x5', 3), ('dil_conv_5x5', 3), ('dil_conv_5x5', 4)]";
        assertEquals("Genotype(normal=" + cellN + ", normal_concat=range(2, 6), reduce=" + cellN + ", reduce_concat=range(2, 6))",
                last.toString());
    }
}
