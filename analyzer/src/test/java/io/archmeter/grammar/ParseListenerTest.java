package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which token, and which group depth, wrote each layer: what a per-layer table groups its rows by. */
@DisplayName("the parser's per-token report")
class ParseListenerTest {

    @Test
    void everyTokenReportsItsLayersAndGroupDepth() {
        // on 8x8x16: conv (1 layer); '(' opens depth 1; ir e6 c16 s1 on 16 channels = ( 1x1 bn relu dw bn relu 1x1 bn | )add
        // = 9 layers; '|'; ')add' writes the outer join; relu
        String arch = "conv_k3_c16 ( ir_k3_e6_c16 | )add relu";
        List<String> calls = new ArrayList<>();
        ArchParser.parseCandidate(arch, 8, 8, 16, 10, new CandidateBatch(), null,
                (position, start, end, first, last, depth) -> calls.add(position + " " + arch.substring(start, end)
                        + " [" + first + "," + last + ") d" + depth));
        assertEquals(List.of(
                "1 conv_k3_c16 [0,1) d0",
                "2 ( [1,1) d1",
                "3 ir_k3_e6_c16 [1,10) d1",
                "4 | [10,10) d1",
                "5 )add [10,11) d1",
                "6 relu [11,12) d0"), calls);
    }

    @Test
    void layerSpansKeepTheTokenOfEachLayer() {
        String arch = "conv_k3_c8 ( relu | conv_k1_c8 )cat gap";
        LayerSpans spans = new LayerSpans();
        CandidateBatch batch = new CandidateBatch();
        ArchParser.parseCandidate(arch, 8, 8, 8, 10, batch, new TokenCache(), spans);
        assertEquals(batch.layers(0), spans.size());
        assertEquals("conv_k1_c8", spans.token(arch, 2));
        assertEquals(5, spans.position(2));
        assertEquals(1, spans.depth(2));
        assertEquals(")cat", spans.token(arch, 3));
        assertEquals(0, spans.depth(4));
        // a search space's string is one token
        ArchParser.parseCandidate("8:16:32:48:64", 32, 32, 3, 10, batch, null, spans);
        assertEquals(batch.layers(1), spans.size());
        assertEquals(1, spans.position(spans.size() - 1));
    }
}
