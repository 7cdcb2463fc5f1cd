package io.archmeter.bridge;

import io.archmeter.model.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.archmeter.bridge.BuildProgram.BEGIN;
import static io.archmeter.bridge.BuildProgram.BRANCH;
import static io.archmeter.bridge.BuildProgram.CONV;
import static io.archmeter.bridge.BuildProgram.DEPTHWISE;
import static io.archmeter.bridge.BuildProgram.END;
import static io.archmeter.bridge.BuildProgram.FC;
import static io.archmeter.bridge.BuildProgram.GROUP;
import static io.archmeter.bridge.BuildProgram.INVERTED_RESIDUAL;
import static io.archmeter.bridge.BuildProgram.JOIN;
import static io.archmeter.bridge.BuildProgram.POOL;
import static io.archmeter.bridge.BuildProgram.SAME_PADDING;
import static io.archmeter.bridge.BuildProgram.SIMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("build programs: candidates as builder calls in one int array")
class BuildProgramTest {
    static final int S = SAME_PADDING;

    static ByteBuffer program(int... p) {
        ByteBuffer b = ByteBuffer.allocateDirect(4 * p.length).order(ByteOrder.nativeOrder());
        b.asIntBuffer().put(p);
        return b;
    }

    static ScoringSessionTest.Batch run(ScoringSession s, int n, int... p) {
        ScoringSessionTest.Batch b = new ScoringSessionTest.Batch(n);
        s.scoreProgram(program(p), p.length, n, b.out, b.status);
        return b;
    }

    @Test
    void scoresBuiltCandidatesAsTheirArchitectureStrings() {
        ScoringSession s = ScoringSessionTest.session();
        int[] p = {
            // conv_k3_s2_c16 bn relu gap fc_c10 on 32x32x3
            BEGIN, 32, 32, 3, CONV, 3, 3, 2, 2, S, S, 1, 1, 1, 16, 1, SIMPLE, Op.BATCH_NORM.code(), SIMPLE, Op.RELU.code(),
            SIMPLE, Op.GLOBAL_AVG_POOL.code(), FC, 10, 1, END,
            // conv_k3_c8_b0 ( dw_k5_s1 | maxpool_k3_s1_p1 )cat ir_k3_s2_e6_c24 gap fc_c10 on 64x48x3
            BEGIN, 64, 48, 3, CONV, 3, 3, 1, 1, S, S, 1, 1, 1, 8, 0, GROUP, DEPTHWISE, 5, 5, 1, 1, S, S, 1, 1, 1, 1, BRANCH,
            POOL, Op.MAX_POOL.code(), 3, 3, 1, 1, 1, 1, 0, JOIN, Op.CONCAT.code(),
            INVERTED_RESIDUAL, 3, 2, 6000, 24, 0, Op.RELU.code(), SIMPLE, Op.GLOBAL_AVG_POOL.code(), FC, 10, 1, END};
        ScoringSessionTest.Batch b = run(s, 2, p);
        int macs = Arrays.asList(ScoringSession.columnNames()).indexOf("macs");
        assertEquals(RowStatus.OK, b.status.get(0));
        assertEquals(3 * 3 * 3 * 16 * 16 * 16 + 160, b.get(macs, 0));    // worked by hand in ScoringSessionTest
        String[] same = {"conv_k3_s2_c16 bn relu gap fc_c10",
            "conv_k3_c8_b0 ( dw_k5_s1 | maxpool_k3_s1_p1 )cat ir_k3_s2_e6_c24 gap fc_c10"};
        int[][] inputs = {{32, 32, 3}, {64, 48, 3}};
        for (int i = 0; i < 2; i++) {
            assertEquals(RowStatus.OK, s.score(same[i], inputs[i][0], inputs[i][1], inputs[i][2]), s.reason());
            for (int k = 0; k < Columns.COUNT; k++) {
                assertEquals(s.value(k), b.get(k, i), "candidate " + i + " column " + Columns.name(k));
            }
        }
    }

    @Test
    void makesACandidateTheBuilderRefusesAnInvalidRowAndGoesOn() {
        ScoringSession s = ScoringSessionTest.session();
        ScoringSessionTest.Batch b = run(s, 4,
                BEGIN, 8, 8, 3, CONV, 0, 0, 1, 1, S, S, 1, 1, 1, 4, 1, FC, 2, 1, END,          // kernel 0
                BEGIN, 8, 8, 3, GROUP, SIMPLE, Op.RELU.code(), END,                              // group not closed
                BEGIN, 8, 8, 3, CONV, 9, 9, 1, 1, 0, 0, 1, 1, 1, 4, 1, END,                      // 9x9 on 8x8: shapes
                BEGIN, 8, 8, 3, SIMPLE, Op.RELU.code(), FC, 2, 1, END);
        assertEquals(RowStatus.BUILD, b.status.get(0));
        assertEquals(RowStatus.BUILD, b.status.get(1));
        assertEquals(RowStatus.SHAPES, b.status.get(2));
        assertEquals(RowStatus.OK, b.status.get(3));
        String[] reasons = s.reasons();
        assertTrue(reasons[0].startsWith("build: call 2 (conv): "), reasons[0]);
        assertTrue(reasons[1].startsWith("build: call 4 (end): "), reasons[1]);
        assertTrue(reasons[2].startsWith("invalid shapes: layer 1 (conv)"), reasons[2]);
        int params = Arrays.asList(ScoringSession.columnNames()).indexOf("params");
        assertEquals((8 * 8 * 3 + 1) * 2, b.get(params, 3));     // relu in place, fc 192 -> 2 with bias
    }

    @Test
    void refusesAMalformedProgramAsAWhole() {
        ScoringSession s = ScoringSessionTest.session();
        assertThrows(IllegalArgumentException.class, () -> run(s, 1, BEGIN, 8, 8, 3, 99, END));
        assertThrows(IllegalArgumentException.class, () -> run(s, 1, BEGIN, 8, 8, 3, FC, 2));
        assertThrows(IllegalArgumentException.class, () -> run(s, 1, CONV, 3, 3, 1, 1, S, S, 1, 1, 1, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> run(s, 1, BEGIN, 8, 8, 3, BEGIN, 8, 8, 3, END, END));
        assertThrows(IllegalArgumentException.class, () -> run(s, 2, BEGIN, 8, 8, 3, FC, 2, 1, END));
        assertThrows(IllegalArgumentException.class, () -> run(s, 1, BEGIN, 8, 8, 3, FC, 2, 1));
    }

    @Test
    void scoresOneBuiltCandidateFromTheBoundProgramAsItsString() {
        ScoringSession s = ScoringSessionTest.session();
        ByteBuffer program = ByteBuffer.allocateDirect(4 * 64);
        s.bindProgram(program);
        int[] p = {BEGIN, 32, 32, 3, CONV, 3, 3, 2, 2, S, S, 1, 1, 1, 16, 1, SIMPLE, Op.BATCH_NORM.code(), SIMPLE, Op.RELU.code(),
            SIMPLE, Op.GLOBAL_AVG_POOL.code(), FC, 10, 1, END};
        program.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().put(p);
        assertEquals(RowStatus.OK, s.scoreBuilt(p.length));
        assertEquals("32x32x3", s.lastInput());
        int macs = Arrays.asList(ScoringSession.columnNames()).indexOf("macs");
        assertEquals(3 * 3 * 3 * 16 * 16 * 16 + 160, s.value(macs));     // worked by hand in ScoringSessionTest
        int[] bad = {BEGIN, 8, 8, 3, FC, 0, 1, END};
        program.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().put(bad);
        assertEquals(RowStatus.BUILD, s.scoreBuilt(bad.length));
        assertTrue(s.reason().startsWith("build: call 2 (fc): "), s.reason());
        int[] two = {BEGIN, 8, 8, 3, END, BEGIN, 8, 8, 3, END};
        program.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer().put(two);
        assertThrows(IllegalArgumentException.class, () -> s.scoreBuilt(two.length));
        assertThrows(IllegalArgumentException.class, () -> s.scoreBuilt(65));
    }
}
