package io.archmeter.spaces.nb101;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The NAS-Bench-101 enumeration")
class Nb101EnumeratorTest {

    @Test
    void theSpaceHasThe423624UniqueCellsTheBenchmarkCounts() {
        // README and generate_graphs.py of google-research/nasbench: 423,624 unique graphs (7 vertices, 9 edges, 3 ops)
        assertEquals(423_624, Nb101Enumerator.cells().size());
    }

    @Test
    void theInceptionLikeCellIsRepresentedByTheDatasetsOwnMatrix() {
        // NASBench.ipynb: querying the README's Inception-like cell returns the dataset's stored graph
        // module_adjacency [[0 1 1 1 1 0 0] [0 0 0 0 0 0 1] [0 0 0 0 0 0 1] [0 0 0 0 0 0 1] [0 0 0 0 0 1 0] [0 0 0 0 0 0 1] [0...]]
        // module_operations [input, conv3x3, conv1x1, maxpool3x3, conv3x3, conv3x3, output]
        Set<String> all = compactForms();
        assertTrue(all.contains("nb101:111100.00001.0001.001.10.1:c3.c1.mp.c3.c3"));
        assertFalse(all.contains("nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp"), "the README's isomorphic form is not the representative");
    }

    @Test
    void smallSpacesAreCountedByHand() {
        // 2 vertices: input -> output, 1 cell. 3 vertices: 0->1 and 1->2 are needed, 0->2 optional, 3 ops: 6 more.
        // 4 vertices: 0->1 and 2->3 are needed, (0->2 or 1->2) and (1->2 or 1->3): 5 patterns, 0->3 optional: 10
        // matrices. Only the diamond (0->1, 0->2, 1->3, 2->3) has a symmetry (1 <-> 2): its 9 labellings make 6 classes.
        // So 8 matrices x 9 + 2 diamonds x 6 = 84 more.
        assertEquals(1, Nb101Enumerator.enumerate(2, 9, 3).size());
        assertEquals(1 + 6, Nb101Enumerator.enumerate(3, 9, 3).size());
        assertEquals(1 + 6 + 84, Nb101Enumerator.enumerate(4, 9, 3).size());
    }

    private static Set<String> compactForms() {
        Nb101Enumerator cells = Nb101Enumerator.cells();
        Set<String> out = new HashSet<>();
        int[] scratch = new int[7];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.setLength(0);
            cells.appendCompact(i, sb, scratch);
            out.add(sb.toString());
        }
        return out;
    }
}
