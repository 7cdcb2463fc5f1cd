package io.archmeter.io;

import io.archmeter.io.ByteRangeSplitter.ByteRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRangeReaderTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void rowsAndEndLinesOfAllRangesAreThoseOfOneCommonsCsvPass(long seed, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String csv = ByteRangeSplitterTest.randomCsv(new SplittableRandom(seed), 150);
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        // the filter's format (values kept as written, trailing data too), and a byte-order mark dropped first
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrailingData(true).get();
        try (CSVParser p = format.parse(new StringReader(text))) {
            boolean header = true;
            for (CSVRecord r : p) {
                if (!header) {
                    expected.add(p.getCurrentLineNumber() + ":" + r.toList());
                }
                header = false;
            }
        }
        for (long block : new long[] {16, 100, 1 << 20}) {
            List<String> actual = new ArrayList<>();
            try (FileChannel ch = ByteSource.openChannel(file)) {
                ByteSource src = ByteSource.of(ch);
                String[] header = null;
                for (ByteRange range : ByteRangeSplitter.splitAll(src, block)) {
                    try (CsvRangeReader r = CsvRangeReader.open(src, range, header)) {
                        header = r.header();
                        for (String[] row; (row = r.next()) != null; ) {
                            actual.add(r.endLine() + ":" + List.of(row));
                        }
                    }
                }
                assertEquals(List.of("id", "arch", "note"), List.of(header), "the header, byte-order mark removed");
            }
            assertEquals(expected, actual, "seed " + seed + ", block " + block);
        }
    }

    @Test
    void aRangeWithoutTheHeaderNeedsToBeToldIt() {
        assertThrows(IllegalArgumentException.class,
                () -> CsvRangeReader.open(new StringReader("1,relu\n"), new ByteRange(1, 8, 15, 1), null));
    }
}
