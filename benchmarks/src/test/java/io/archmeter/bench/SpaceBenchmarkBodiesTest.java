package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.io.FilterStats;
import io.archmeter.model.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The bodies of the search-space benchmarks")
class SpaceBenchmarkBodiesTest {

    @Test
    void theNasBench101RunEnumeratesTheUniqueCellsAndScoresThemKeepingNone() throws IOException {
        SpaceBenchmark b = new SpaceBenchmark();
        b.nb101Cells = 5_000;
        FilterStats s = b.nb101AllEnumeratedDedupedScored();
        assertEquals(5_000, s.rowsRead());
        assertEquals(5_000, s.filteredOut(), "every cell is valid and fails --max params=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"regnet", "darts"})
    void theSampledRunsScoreEverySample(String space) throws IOException {
        SpaceBenchmark b = new SpaceBenchmark();
        b.samples = 1_000;
        FilterStats s = space.equals("darts") ? b.dartsSampledScored() : b.regnetSampledScored();
        assertEquals(1_000, s.rowsRead());
        assertEquals(1_000, s.filteredOut(), "every sample is valid and fails --max params=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb101", "nb101-json", "darts", "regnet"})
    void readingNotationsAndParsingTheirPlainStringsWriteTheSameLayers(String space) {
        NotationReadBenchmark b = new NotationReadBenchmark();
        b.space = space;
        b.setup();
        CandidateBatch read = b.readNotation();
        assertEquals(NotationReadBenchmark.CANDIDATES, read.size());
        // both bodies fill the benchmark's one batch: keep what the notations wrote before parsing the plain strings
        final int readLayers = read.layerCount();
        final int[] readRecords = java.util.Arrays.copyOf(read.records(), readLayers * LayerRecord.LENGTH);
        int joins = 0;
        for (int l = 0; l < readLayers; l++) {
            joins += Op.ofCode(readRecords[LayerRecord.offset(l)]).isJoin() ? 1 : 0;
        }
        CandidateBatch parsed = b.parsePlainString();
        assertEquals(NotationReadBenchmark.CANDIDATES, parsed.size());
        assertEquals(readLayers - joins, parsed.layerCount(), "the plain strings hold every layer but the joins");
        // the layers outside joins are the same records, in order (inputs aside: a chain reads the previous layer)
        int p = 0;
        for (int l = 0; l < readLayers; l++) {
            int o = LayerRecord.offset(l);
            if (!Op.ofCode(readRecords[o]).isJoin()) {
                int q = LayerRecord.offset(p++);
                for (int f = 0; f < LayerRecord.IN0_OFFSET; f++) {
                    assertEquals(readRecords[o + f], parsed.records()[q + f], "layer " + l + " field " + LayerRecord.fieldName(f));
                }
            }
        }
    }
}
