package io.archmeter.io;

import io.archmeter.engine.Metric;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowScorerTest {
    private static final FilterSpec SPEC = FilterSpec.builder().constraint(Constraint.max("macs=50M")).build();

    @Test
    void aHandCheckedRowGetsItsMetricsAndAConstraintVerdict() throws IOException {
        RowScorer s = new RowScorer(SPEC, new String[] {"id", "arch"}, 4);
        s.add(new String[] {"7", "conv_k3_c32 bn relu gap fc_c10"}, 2);
        s.add(new String[] {"8", "conv_k3_c64 gap fc_c10"}, 3);
        s.score();
        // conv 3x3, 3 -> 32 channels, same padding on 224x224: 3*3*3*224*224*32; fc 32 -> 10: 320
        assertEquals(3L * 3 * 3 * 224 * 224 * 32 + 32 * 10, s.metric(0, Metric.MACS));
        // params: conv 3*3*3*32 + 32 bias, bn 2*32, fc 32*10 + 10
        assertEquals(3 * 3 * 3 * 32 + 32 + 2 * 32 + 32 * 10 + 10, s.metric(0, Metric.PARAMS));
        assertEquals("1x1x10", s.metricText(0, Metric.OUT_SHAPE));
        assertTrue(s.passes(0));
        // 3*3*3*224*224*64 = 86,704,128 > 50M
        assertEquals(1L, s.failedConstraints(1));
    }

    @Test
    void rejectedRowsGetTheFiltersReasonAndLine() throws IOException {
        String csv = "id,arch\n1,conv_k3_c8\n2,conv_k9x\n3,\"conv_k3\nbn\"\n4,conv_k300_p0\n";
        FilterRun run = FilterRun.of(SPEC, csv);
        List<CSVRecord> expected = run.rejectRecords();

        RowScorer s = new RowScorer(SPEC, new String[] {"id", "arch"}, 8);
        s.add(new String[] {"1", "conv_k3_c8"}, 2);
        s.add(new String[] {"2", "conv_k9x"}, 3);
        s.add(new String[] {"3", "conv_k3\nbn"}, 5);
        s.add(new String[] {"4", "conv_k300_p0"}, 6);
        s.score();
        assertNull(s.rejectReason(0));
        assertEquals(4, expected.size(), "header and three rejects (a line break does not separate tokens)");
        for (int r = 1; r <= 3; r++) {
            assertEquals(List.of(expected.get(r).get(0), expected.get(r).get(1)), List.of(Long.toString(s.startLine(r)), s.rejectReason(r)));
        }
        assertEquals(4, s.startLine(2), "a row with a quoted line break starts on the line before it ends");
    }

    @Test
    void aHeaderWithoutTheArchitectureColumnIsRefusedAsByTheFilter() {
        assertThrows(MalformedCsvException.class, () -> new RowScorer(SPEC, new String[] {"id", "net"}, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new RowScorer(SPEC, new String[] {"id", "arch", "macs"}, 4), "a metric column colliding with an input column");
    }

    @Test
    void aFullScorerRefusesAnotherRowUntilCleared() throws IOException {
        RowScorer s = new RowScorer(SPEC, new String[] {"arch"}, 1);
        s.add(new String[] {"relu"});
        assertThrows(IllegalStateException.class, () -> s.add(new String[] {"relu"}));
        s.score();
        s.clear();
        s.add(new String[] {"gap"});
        assertEquals(1, s.size());
    }
}
