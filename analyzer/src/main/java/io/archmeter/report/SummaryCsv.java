package io.archmeter.report;

import io.archmeter.engine.LayerTable;
import io.archmeter.engine.Metrics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of {@code archmeter summary --format csv}: a header and one row per layer, exact
 * integers, written by Commons CSV (a layer such as {@code )add <-9,4} contains a comma and is
 * quoted). With a totals row, a leading {@code kind} column says {@code layer} or {@code total}.
 */
final class SummaryCsv {
    /** RFC 4180 with {@code \n} line ends, as {@code filter} writes. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private SummaryCsv() {
    }

    static void write(LayerTable t, SummaryReport.Options options, PrintWriter out) {
        boolean kind = options.totalsRow();
        try {
            CSVPrinter csv = new CSVPrinter(out, FORMAT);
            List<String> header = new ArrayList<>();
            if (kind) {
                header.add("kind");
            }
            header.addAll(List.of(SummaryReport.COLUMNS));
            csv.printRecord(header);
            int peak = SummaryReport.peakLayer(t);
            for (int j = 0; j < t.size(); j++) {
                List<Object> row = new ArrayList<>(header.size());
                if (kind) {
                    row.add("layer");
                }
                row.add(j + 1);
                row.add(SummaryReport.layerToken(t, j));
                row.add(SummaryReport.shape(t, j));
                for (long v : SummaryReport.numbers(t, j, peak)) {
                    row.add(v);
                }
                TokenSpans spans = options.spans();
                boolean known = spans != null && spans.size() == t.size();
                row.add(known ? spans.token()[j] : "");
                row.add(known ? Integer.toString(spans.depth()[j]) : "");
                csv.printRecord(row);
            }
            if (kind) {
                Metrics m = t.totals();
                csv.printRecord("total", "", "", m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels(),
                        m.receptiveFieldH(), m.receptiveFieldW(), m.strideH(), m.strideW(), m.padH(), m.padW(), "",
                        m.macs(), m.flops(), m.params(), m.activationTotalBytes(), m.activationPeakBytes(), "", "", "");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
