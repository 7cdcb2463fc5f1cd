package io.archmeter.io;

import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lines the workers write for rows read as bytes are the CSV printer's own, character for character. */
class AsciiRowFormatterTest {
    @Test
    void aRowIsWrittenAsReadExactlyWhenThePrinterWouldNotQuoteAnyOfItsCells() throws IOException {
        // every value of up to two characters an ascii row can hold (no quote, comma, CR or LF), first and second on the line
        List<String> values = new ArrayList<>();
        values.add("");
        for (char a = 0; a < 128; a++) {
            if (a == '"' || a == ',' || a == '\r' || a == '\n') {
                continue;
            }
            values.add(String.valueOf(a));
            for (char b : new char[] {0, '\t', ' ', '!', '#', '$', 'a', '~', 127}) {
                values.add("" + a + b);
            }
        }
        int asRead = 0;
        for (String v : values) {
            for (String[] row : new String[][] {{v, "x"}, {"x", v}}) {
                AsciiRows rows = rowsOf(row);
                String printed = printed(row);
                String raw = String.join(",", row) + "\n";
                assertEquals(printed.equals(raw), AsciiRowFormatter.printedAsRead(rows, 0),
                        "cells " + List.of(row) + " printed as " + printed.replace("\n", "\\n"));
                asRead += printed.equals(raw) ? 1 : 0;
            }
        }
        assertEquals(true, asRead > values.size() && asRead < 2 * values.size() - 100, "both kinds were seen: " + asRead);
    }

    @Test
    void metricCellsAreTheTextOfAppendTo() {
        SplittableRandom r = new SplittableRandom(5);
        long[] m = new long[MetricRecord.LENGTH];
        byte[] buf = new byte[Metric.MAX_CHARS];
        for (int i = 0; i < 20_000; i++) {
            for (int k = 0; k < m.length; k++) {
                int kind = r.nextInt(4);
                m[k] = kind == 0 ? r.nextLong() : kind == 1 ? r.nextInt(1000) : kind == 2 ? Long.MAX_VALUE - r.nextInt(3) : Long.MIN_VALUE;
            }
            for (Metric metric : Metric.values()) {
                int end = metric.writeTo(buf, 0, m, 0);
                assertEquals(metric.format(m, 0), new String(buf, 0, end, StandardCharsets.US_ASCII), metric + " of "
                        + java.util.Arrays.toString(m));
            }
        }
    }

    private static AsciiRows rowsOf(String[] cells) {
        AsciiRows rows = new AsciiRows();
        rows.reset(cells.length);
        rows.ensureRow(0);
        rows.rowStart[0] = 0;
        byte[] line = String.join(",", cells).getBytes(StandardCharsets.US_ASCII);
        rows.append(line, 0, line.length);
        int end = 0;
        for (int i = 0; i < cells.length; i++) {
            end += cells[i].length() + (i > 0 ? 1 : 0);
            rows.fieldEnd[i] = end;
        }
        return rows;
    }

    private static String printed(String[] cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, ChunkWriter.FORMAT)) {
            p.printRecord((Object[]) cells);
        }
        return sb.toString();
    }
}
