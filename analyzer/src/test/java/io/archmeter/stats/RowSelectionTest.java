package io.archmeter.stats;

import io.archmeter.io.Constraint;
import io.archmeter.io.FilterPipeline;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.KeptRows;
import io.archmeter.model.InputShape;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Selection through the filter pipeline, on rows whose metrics are computed by hand: on a 1x1x4
 * input, {@code fc_cN} has MACs 4·N and params 4·N + N (weights and biases).
 */
class RowSelectionTest {
    /**
     * <pre>
     * id  macs  params  acc
     * 1     40     50   0.70
     * 2     80    100   0.70   dominated by 1 (more MACs, same acc)
     * 3     80    100   0.80
     * 4     40     50   0.70   equal to 1
     * 5     20     25   0.60
     * 6    120    150   n/a    not a number
     * </pre>
     */
    static final String CSV = "id,arch,acc\n1,fc_c10,0.70\n2,fc_c20,0.70\n3,fc_c20,0.80\n4,fc_c10,0.70\n5,fc_c5,0.60\n6,fc_c30,n/a\n";

    record Run(FilterStats stats, List<String> ids, String rejects, RowSelection selection) {
    }

    static Run run(RowSelection selection, Constraint... constraints) throws IOException {
        FilterSpec spec = FilterSpec.builder().defaultInput(new InputShape(1, 1, 4)).constraints(List.of(constraints)).build();
        StringWriter out = new StringWriter();
        StringWriter rejects = new StringWriter();
        FilterStats stats = new FilterPipeline(spec).keptRows(selection).run(new StringReader(CSV), out, rejects);
        List<String> ids = new ArrayList<>();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        for (CSVRecord r : records.subList(1, records.size())) {
            ids.add(r.get(0));
        }
        return new Run(stats, ids, rejects.toString(), selection);
    }

    static RowSelection pareto(String objectives) {
        return new RowSelection(Objective.parseList(objectives), 0, null, null);
    }

    @Test
    void theFrontKeepsTiedRowsInInputOrderAndRejectsARowWithoutANumber() throws IOException {
        Run r = run(pareto("macs:min,acc:max"));
        assertEquals(List.of("1", "3", "4", "5"), r.ids());
        assertEquals(4, r.selection().frontSize());
        // 6 rows read = 5 kept + 0 filtered + 1 rejected; the front is 4 of the 5 kept
        assertEquals(6, r.stats().rowsRead());
        assertEquals(5, r.stats().kept());
        assertEquals(1, r.stats().rejected());
        assertTrue(r.rejects().contains("7,column 'acc': 'n/a' is not a number (read by --pareto acc:max)"), r.rejects());
        assertTrue(r.selection().describe(5).contains("of the 5 kept rows: 4 rows; 4 rows written, in input order"),
                r.selection().describe(5));
    }

    @Test
    void constraintsComeFirstSoARowTheyRemoveIsNeverRead() throws IOException {
        // --max macs=60 removes rows 2, 3 and 6 (whose acc is not a number) before the front is taken
        Run r = run(pareto("macs:min,acc:max"), Constraint.max("macs=60"));
        assertEquals(List.of("1", "4", "5"), r.ids());
        assertEquals(0, r.stats().rejected());
        assertEquals(3, r.stats().filteredOut());
    }

    @Test
    void threeObjectivesWithParamsFollowingMacsGiveTheSameFront() throws IOException {
        assertEquals(List.of("1", "3", "4", "5"), run(pareto("macs:min,params:min,acc:max")).ids());
    }

    @Test
    void topKIsBestFirstWithTiesByInputOrder() throws IOException {
        // by acc:max: 3 (0.80), then 1 (0.70, before 2 and 4)
        assertEquals(List.of("3", "1"), run(new RowSelection(List.of(), 2, Objective.parse("acc:max"), null)).ids());
        // by macs (min by default): 5 (20), then 1 (40, before 4)
        assertEquals(List.of("5", "1"), run(new RowSelection(List.of(), 2, Objective.parse("macs"), null)).ids());
        // K beyond the rows: every kept row
        assertEquals(List.of("3", "1", "2", "4", "5"), run(new RowSelection(List.of(), 50, Objective.parse("acc:max"), null)).ids());
    }

    @Test
    void paretoAndTopTogetherKeepTheBestOfTheFront() throws IOException {
        assertEquals(List.of("3"), run(new RowSelection(Objective.parseList("macs:min,acc:max"), 1, Objective.parse("acc:max"),
                null)).ids());
    }

    @Test
    void sortOrdersTheSelectionByAColumnWithTiesByInputOrder() throws IOException {
        // the front 1 3 4 5 by macs: 5 (20), 1 (40), 4 (40), 3 (80)
        assertEquals(List.of("5", "1", "4", "3"), run(new RowSelection(Objective.parseList("macs:min,acc:max"), 0, null,
                Objective.parse("macs"))).ids());
    }

    @Test
    void badSelectionsAreRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> pareto("macs:min"));
        assertThrows(IllegalArgumentException.class, () -> new RowSelection(List.of(), 3, null, null));
        IllegalArgumentException noDirection = assertThrows(IllegalArgumentException.class, () -> Objective.parse("acc"));
        assertTrue(noDirection.getMessage().contains("acc:max or acc:min"), noDirection.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> run(pareto("macs:min,accuracy:max")));
        assertTrue(unknown.getMessage().contains("unknown column 'accuracy'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pareto("macs:min,out_shape:max").start(new String[] {"arch"}));
    }

    @Test
    void allModeCannotTakeASelection() {
        FilterSpec all = FilterSpec.builder().all(true).build();
        assertThrows(IllegalArgumentException.class, () -> new FilterPipeline(all).keptRows(pareto("macs:min,flops:min")));
    }

    @Test
    void keptRowsTakesEveryKeptRowInOrderWithItsPosition() throws IOException {
        List<String> seen = new ArrayList<>();
        KeptRows k = new KeptRows() {
            @Override
            public void start(String[] header) {
                seen.add(String.join("|", header));
            }

            @Override
            public String take(long seq, String[] cells, long[] metrics, int offset) {
                seen.add(seq + ":" + cells[0] + ":" + io.archmeter.engine.Metric.MACS.get(metrics, offset));
                return null;
            }

            @Override
            public void finish(RowWriter out) {
                seen.add("end");
            }
        };
        FilterSpec spec = FilterSpec.builder().defaultInput(new InputShape(1, 1, 4)).constraint(Constraint.max("macs=50")).build();
        StringWriter out = new StringWriter();
        FilterStats s = new FilterPipeline(spec).keptRows(k).run(new StringReader(CSV), out, new StringWriter());
        // rows 1, 4, 5 meet macs <= 50; seq counts every data row from 0
        assertEquals(List.of("id|arch|acc", "0:1:40", "3:4:40", "4:5:20", "end"), seen);
        assertEquals(3, s.kept());
        assertEquals("id,arch,acc,macs,flops,params,weight_bytes,act_peak_bytes,act_total_bytes,rf,rf_stride,out_shape\n", out.toString());
    }
}
