package io.archmeter.spaces.nb101;

import io.archmeter.spaces.NotationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("NAS-Bench-101 specs")
class Nb101SpecTest {

    @Test
    void jsonAndCompactFormsReadTheSameSpecAndWriteEachOther() {
        Nb101Spec json = Nb101Spec.parse(Nb101NetworkTest.INCEPTION_JSON);
        Nb101Spec compact = Nb101Spec.parse("nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp");
        assertEquals(json, compact);
        assertEquals("nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp", json.compact());
        assertEquals(json, Nb101Spec.parse(json.json()));
        assertEquals(Nb101Op.CONV1X1, json.op(1));
        assertTrue(json.edge(3, 4) && !json.edge(4, 3) && !json.edge(0, 6));
    }

    @Test
    void printedPythonDictsAndNumpyArraysAreRead() {
        String printed = "{'module_adjacency': [[0 1 1]\n [0 0 1]\n [0 0 0]], 'module_operations': ['input', 'maxpool3x3', 'output']}";
        assertEquals("nb101:11.1:mp", Nb101Spec.parse(printed).compact());
    }

    @Test
    void pruningRemovesVerticesOffTheInputOutputPathsAsTheBenchmarkDoes() {
        // vertex 2 has no input path (only 2->3); vertex 4 reaches no output: both go, 1 and 3 are renumbered
        // 0->1, 1->3, 3->5 and 0->5 remain, renumbered: 0->1, 0->3, 1->2, 2->3
        int[][] m = {
            {0, 1, 0, 0, 0, 1},
            {0, 0, 0, 1, 1, 0},
            {0, 0, 0, 1, 0, 0},
            {0, 0, 0, 0, 0, 1},
            {0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0}};
        Nb101Spec spec = Nb101Spec.fromParts(m, new String[] {"input", "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3",
            "conv3x3-bn-relu", "output"});
        Nb101Spec pruned = spec.pruned();
        assertEquals(4, pruned.vertices());
        assertEquals("nb101:101.10.1:c3.mp", pruned.compact());
    }

    @Test
    void vertexChannelsSplitTheOutputWithTheRemainderFirstAndTakeTheLargestSuccessor() {
        // 0->1, 0->2, 0->3, 1->4, 2->4, 3->4 and 1->2: three feeders of 128 -> 43, 43, 42 (128 = 3*42 + 2)
        Nb101Spec s = Nb101Spec.parse("nb101:1110.101.01.1:c3.c3.c3");
        int[] ch = new int[5];
        Nb101Graphs.vertexChannels(s.vertices(), s.bits(), 64, 128, ch);
        assertArrayEquals(new int[] {64, 43, 43, 42, 128}, ch);
        // 0->1->2->3, 1 feeds only 2: it takes 2's channels; 2 feeds 3 and the output; 3 feeds the output
        Nb101Spec chain = Nb101Spec.parse("nb101:1000.100.11.1:c1.c3.mp");
        int[] ch2 = new int[5];
        Nb101Graphs.vertexChannels(chain.vertices(), chain.bits(), 128, 256, ch2);
        assertArrayEquals(new int[] {128, 128, 128, 128, 256}, ch2);
    }

    @Test
    void badSpecsAreRejectedWithAMessageNamingWhatIsWrong() {
        String[][] cases = {
            {"{\"matrix\": [[0, 1], [1, 0]], \"ops\": [\"input\", \"output\"]}", "upper-triangular"},
            {"{\"matrix\": [[0,1,0,0,0,0,0,0],[0,0,1,0,0,0,0,0],[0,0,0,1,0,0,0,0],[0,0,0,0,1,0,0,0],[0,0,0,0,0,1,0,0],"
                + "[0,0,0,0,0,0,1,0],[0,0,0,0,0,0,0,1],[0,0,0,0,0,0,0,0]], \"ops\": [\"input\",\"maxpool3x3\",\"maxpool3x3\","
                + "\"maxpool3x3\",\"maxpool3x3\",\"maxpool3x3\",\"maxpool3x3\",\"output\"]}", "at most 7 vertices"},
            {"{\"matrix\": [[0, 1, 1], [0, 0, 1], [0, 0, 0]], \"ops\": [\"input\", \"conv5x5-bn-relu\", \"output\"]}",
                "vertex 1: unknown op 'conv5x5-bn-relu' (did you mean 'conv3x3-bn-relu'?)"},
            {"nb101:11.1:c2", "unknown op 'c2' (did you mean 'c3'?)"},
            {"nb101:10.0:c3", "no path leads from input to output"},
            {"nb101:11.1:c3.c3", "2 ops for 1 interior vertices"},
            {"nb101:111.1:c3", "row 0 '111' has 3 bits"},
            {"nb101:111111.11111.1111.111.11.1:c3.c3.c3.c3.c3", "21 edges once pruned: NAS-Bench-101 cells have at most 9"},
            {"{\"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", \"output\"], \"stacks\": 2}", "unknown key 'stacks'"},
            {"{\"matrix\": [[0, 2], [0, 0]], \"ops\": [\"input\", \"output\"]}", "entries are 0 or 1"},
            {"{\"matrix\": [[0, 1], [0, 0]], \"ops\": [\"output\", \"input\"]}", "the first op must be 'input'"},
            {"nb101:1", "no ':' before the ops"},
        };
        for (String[] c : cases) {
            NotationException e = assertThrows(NotationException.class, () -> Nb101Spec.parse(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith("NAS-Bench-101 spec: ") && e.getMessage().contains(c[1]),
                    () -> c[0] + " -> " + e.getMessage());
        }
    }
}
