package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.io.FilterStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The bodies of the search-space benchmarks")
class SpaceBenchmarkBodiesTest {

    @Test
    void theNasBench101RunScoresEveryUniqueCellAndKeepsNone() throws IOException {
        FilterStats s = new SpaceBenchmark().nb101AllEnumeratedDedupedScored();
        // 423,624: the benchmark's count of unique cells (google-research/nasbench README)
        assertEquals(423_624, s.rowsRead());
        assertEquals(0, s.kept(), "--max params=0 keeps nothing");
    }

    @Test
    void theRegNetRunScoresEverySample() throws IOException {
        SpaceBenchmark b = new SpaceBenchmark();
        b.samples = 3_000;
        FilterStats s = b.regnetSampledScored();
        assertEquals(3_000, s.rowsRead());
        assertEquals(3_000, s.filteredOut(), "every sample is valid and fails --max params=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb101", "regnet"})
    void readingNotationsAndParsingTheirPlainStringsWriteTheSameLayers(String space) {
        NotationReadBenchmark b = new NotationReadBenchmark();
        b.space = space;
        b.setup();
        CandidateBatch read = b.readNotation();
        assertEquals(NotationReadBenchmark.CANDIDATES, read.size());
        int readLayers = read.layerCount();
        int joins = 0;
        for (int l = 0; l < read.layerCount(); l++) {
            joins += io.archmeter.model.Op.ofCode(read.records()[io.archmeter.encoding.LayerRecord.offset(l)]).isJoin() ? 1 : 0;
        }
        CandidateBatch parsed = b.parsePlainString();
        assertEquals(NotationReadBenchmark.CANDIDATES, parsed.size());
        assertEquals(readLayers - joins, parsed.layerCount(), "the plain strings hold every layer but the joins");
    }
}
