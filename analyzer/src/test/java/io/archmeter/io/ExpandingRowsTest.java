package io.archmeter.io;

import io.archmeter.engine.Metric;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row whose blocks would expand past the layer limit of one candidate is rejected with its
 * reason and the run goes on (issue 9, item 6: {@code res_c64_r1000000} used to end the whole run
 * in an OutOfMemoryError after 30 s, every row lost).
 */
@DisplayName("rows that expand without bound")
class ExpandingRowsTest {

    @Test
    void areRejectedWithTheirReasonAndTheOtherRowsKept() throws IOException {
        String csv = "id,arch\n1,conv_k3_c8\n2,res_c64_r1000000\n3,cn_k1_c8_r2147483647\n4,ir_k3_e6_c8_r900000\n5,conv_k1_c4\n";
        FilterRun r = assertTimeout(Duration.ofSeconds(20),
                () -> FilterRun.of(FilterSpec.builder().columns(Metric.PARAMS).build(), csv));
        assertEquals(5, r.stats().rowsRead());
        assertEquals(2, r.stats().kept());
        assertEquals(3, r.stats().rejected());
        // conv 3x3 on 3 channels to 8, bias: 27*8 + 8; conv 1x1 to 4: 3*4 + 4
        assertEquals("id,arch,params\n1,conv_k3_c8,224\n5,conv_k1_c4,16\n", r.out());
        List<CSVRecord> rejects = r.rejectRecords();
        assertEquals(4, rejects.size());
        // a rejects row: line, reason, the row's own cells
        assertTrue(rejects.get(1).get(1)
                .contains("token 1 'res_c64_r1000000': res: 1000000 repeats expand to at least 7,000,000 layers"), rejects.get(1).toString());
        for (int i = 1; i < 4; i++) {
            String reason = rejects.get(i).get(1);
            assertTrue(reason.contains("at most 1,000,000 per candidate"), reason);
        }
    }
}
