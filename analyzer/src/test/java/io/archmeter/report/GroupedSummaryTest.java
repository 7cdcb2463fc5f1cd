package io.archmeter.report;

import io.archmeter.engine.Engine;
import io.archmeter.engine.LayerTable;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary's rows grouped as the string was written. The spans are given by hand here, as the
 * parser reports them for {@code conv_k3_c16 ( ir_k3_e6_c16 | )add relu}: the conv is layer 1
 * (token 1, depth 0); the ir block, token 3 inside the group, expands to layers 2-10 (its own
 * residual group: 1x1 to 96, bn, relu, dw, bn, relu, 1x1 to 16, bn, add); the group's )add,
 * token 5, is layer 11; relu, token 6, layer 12.
 */
@DisplayName("summary rows grouped by block and group")
class GroupedSummaryTest {
    static final String ARCH = "conv_k3_c16 ( ir_k3_e6_c16 | )add relu";

    static TokenSpans spans() {
        int[] position = {1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 6};
        int[] depth = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        String[] token = new String[12];
        for (int j = 0; j < 12; j++) {
            token[j] = position[j] == 1 ? "conv_k3_c16" : position[j] == 3 ? "ir_k3_e6_c16" : position[j] == 5 ? ")add" : "relu";
        }
        return new TokenSpans(position, depth, token);
    }

    @Test
    void aGroupHoldsItsTokensAndABlockItsLayers() {
        List<LayerTree.Node> top = LayerTree.of(spans());
        assertEquals(3, top.size());
        assertEquals(new LayerTree.Node(LayerTree.Kind.LAYER, "conv_k3_c16", 0, 1, List.of()), top.get(0));
        LayerTree.Node group = top.get(1);
        assertEquals(LayerTree.Kind.GROUP, group.kind());
        assertEquals("( ir_k3_e6_c16 ... )add", group.label());
        assertEquals(1, group.first());
        assertEquals(11, group.end());
        LayerTree.Node block = group.children().get(0);
        assertEquals(LayerTree.Kind.BLOCK, block.kind());
        assertEquals(9, block.children().size());
        assertEquals(new LayerTree.Node(LayerTree.Kind.LAYER, ")add", 10, 11, List.of()), group.children().get(1));
        assertEquals(new LayerTree.Node(LayerTree.Kind.LAYER, "relu", 11, 12, List.of()), top.get(2));
    }

    @Test
    void nestedAndConsecutiveGroupsCloseAtTheirJoins() {
        // ( ( a | )add | )cat ( b | )mul : a 0 (depth 2), )add 1 (depth 2), )cat 2 (depth 1), b 3 (depth 1), )mul 4 (depth 1)
        TokenSpans s = new TokenSpans(new int[] {3, 5, 7, 9, 11}, new int[] {2, 2, 1, 1, 1}, new String[] {"a", ")add", ")cat", "b", ")mul"});
        List<LayerTree.Node> top = LayerTree.of(s);
        assertEquals(2, top.size());
        assertEquals("( a ... )cat", top.get(0).label());
        assertEquals("( a ... )add", top.get(0).children().get(0).label());
        assertEquals(0, top.get(0).first());
        assertEquals(3, top.get(0).end());
        assertEquals("( b ... )mul", top.get(1).label());
        assertEquals(3, top.get(1).first());
    }

    static String render(int depth) {
        LayerTable t = new Engine(Conventions.DEFAULT).trace(ArchParser.parse(ARCH, new InputShape(8, 8, 16)), 0);
        assertEquals(12, t.size(), "the layers the spans describe");
        StringWriter out = new StringWriter();
        SummaryReport.write("architecture", ARCH, t, SummaryReport.Format.TEXT, new SummaryReport.Options(false, spans(), depth),
                new PrintWriter(out));
        return out.toString();
    }

    @Test
    void everyLevelOpenShowsTheGroupTheBlockAndItsLayersIndented() {
        String out = render(-1);
        List<String> rows = out.lines().filter(l -> l.matches("\\s*[0-9]+(-[0-9]+)?  .*")).map(String::strip).toList();
        // input, conv, group, block, 9 block layers, )add, relu
        assertEquals(15, rows.size(), out);
        // 8x8x16: conv 9*16*16*64 = 147,456 MACs; ir: 16*96*64 + 9*96*64 + 96*16*64 = 251,904 (63.1% of 399,360)
        assertTrue(rows.get(1).startsWith("1  conv_k3_c16 "), out);
        assertTrue(rows.get(2).matches("2-11  \\( ir_k3_e6_c16 \\.\\.\\. \\)add\\s+8x8x16 .* 252 K\\s+63\\.1% .*"), out);
        assertTrue(rows.get(3).matches("2-10    ir_k3_e6_c16\\s+8x8x16 .* 252 K\\s+63\\.1% .*"), out);
        assertTrue(rows.get(4).matches("2      conv_k1_c96_b0\\s+8x8x96 .* 98\\.3 K\\s+24\\.6% .*"), out);
        assertTrue(rows.get(13).matches("11    \\)add <-10,1\\s+8x8x16 .*"), out);
        assertTrue(rows.get(14).startsWith("12  relu "), out);
    }

    @Test
    void depthZeroShowsTopLevelRowsOnlyWithTheirSums() {
        String out = render(0);
        List<String> rows = out.lines().filter(l -> l.matches("\\s*[0-9]+(-[0-9]+)?  .*")).map(String::strip).toList();
        assertEquals(4, rows.size(), out);
        assertTrue(rows.get(2).matches("2-11  \\( ir_k3_e6_c16 \\.\\.\\. \\)add \\[10 layers\\]\\s+8x8x16 .* 252 K\\s+63\\.1% .*"), out);
        assertTrue(out.contains("<- peak"), "a collapsed row carries the peak of a layer inside it: " + out);
    }

    @Test
    void depthOneOpensTheGroupButNotTheBlock() {
        String out = render(1);
        assertTrue(out.contains("ir_k3_e6_c16 [9 layers]"), out);
        assertTrue(!out.contains("conv_k1_c96_b0"), out);
    }
}
