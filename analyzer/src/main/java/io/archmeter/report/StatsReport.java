package io.archmeter.report;

import io.archmeter.stats.BudgetTable;
import io.archmeter.stats.ColumnSummary;
import io.archmeter.stats.Histogram;
import io.archmeter.stats.Keys;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;
import io.archmeter.stats.ValueKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of {@code archmeter stats}: a text report for people, CSV tables and one JSON
 * document for programs. Text rounds to 4 significant digits with units (272.1M, 1.758MiB);
 * CSV and JSON print every number exactly (integers whole, decimals as their shortest
 * round-trip form).
 */
public final class StatsReport {
    /** CSV as {@code filter} writes it: RFC 4180, {@code \n}. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final String BARS = "▁▂▃▄▅▆▇█";

    /**
     * Where the rows came from.
     *
     * @param input      the input's name ({@code -} for stdin)
     * @param rowsRead   data rows read
     * @param rejected   rows that could not be scored (0 for a file read as scored)
     * @param scoredWith the conventions the rows were scored with, or null if their metrics were read from the file
     */
    public record Source(String input, long rowsRead, long rejected, String scoredWith) {
    }

    /** The tables {@code --format csv} can write. */
    public enum Table {
        STATS, HISTOGRAM, CORRELATION, BUDGET;

        /** Its lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private StatsReport() {
    }

    /** A value of a summary as text for people. */
    static String compact(ColumnSummary s, long key, boolean bytes) {
        return key == Keys.MISSING ? "-" : Units.compact(s.value(key), bytes);
    }

    /** A value exactly. */
    static String exact(ColumnSummary s, long key) {
        if (key == Keys.MISSING) {
            return "";
        }
        return s.kind() == ValueKind.INTEGER ? Long.toString(key) : Double.toString(Keys.toDouble(key));
    }

    // ---- text -----------------------------------------------------------------------------

    /** The text report: rows, per-column numbers, histograms as bars, correlations, budgets. */
    public static String text(StatsResult r, Source source) {
        StringBuilder sb = new StringBuilder();
        sb.append(heading(r, source)).append("\n\n");
        summaryTable(sb, r);
        sb.append('\n');
        histograms(sb, r);
        sb.append('\n');
        correlations(sb, r);
        if (r.budgets() != null) {
            sb.append('\n');
            budgets(sb, r);
        }
        return sb.toString();
    }

    static String heading(StatsResult r, Source s) {
        String rows = String.format(Locale.ROOT, "stats of %s: %,d rows", s.input(), r.rows());
        if (s.scoredWith() != null) {
            rows += String.format(Locale.ROOT, " (%,d read, %,d rejected), scored: %s", s.rowsRead(), s.rejected(), s.scoredWith());
        } else {
            rows += " (metrics read from the file)";
        }
        return rows;
    }

    private static void summaryTable(StringBuilder sb, StatsResult r) {
        int w = nameWidth(r);
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "column", "count", "min", "p1", "p10",
                "median", "p90", "p99", "max", "mean", "missing"));
        List<String> exact = new ArrayList<>();
        List<String> approximate = new ArrayList<>();
        for (int i = 0; i < r.summaries().size(); i++) {
            ColumnSummary s = r.summaries().get(i);
            boolean bytes = r.columns().get(i).bytes();
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %,10d %9s", s.name(), s.count(), compact(s, s.min(), bytes)));
            for (long q : s.quantiles()) {
                sb.append(String.format(Locale.ROOT, " %9s", compact(s, q, bytes)));
            }
            sb.append(String.format(Locale.ROOT, " %9s %9s %,9d%n", compact(s, s.max(), bytes),
                    s.count() == 0 ? "-" : Units.compact(s.mean(), bytes), s.missing()));
            (s.exactQuantiles() ? exact : approximate).add(s.name());
        }
        sb.append("quantiles: nearest rank (numpy method='inverted_cdf'); ");
        if (!exact.isEmpty()) {
            sb.append("exact for ").append(String.join(", ", exact));
        }
        if (!approximate.isEmpty()) {
            double alpha = r.summaries().get(0).relativeAccuracy();
            sb.append(exact.isEmpty() ? "" : "; ").append("within ").append(Units.significant(alpha * 100, 3)).append("% for ")
                    .append(String.join(", ", approximate));
        }
        sb.append('\n');
        for (ColumnSummary s : r.summaries()) {
            if (s.accurateFrom() > 0) {
                sb.append("note: ").append(s.name()).append(" spans too many decades for the sketch: its quantiles below ")
                        .append(Units.significant(s.accurateFrom(), 4)).append(" are not within the bound\n");
            }
        }
    }

    private static int nameWidth(StatsResult r) {
        int w = 8;
        for (StatsCollector.Column c : r.columns()) {
            w = Math.max(w, c.name().length());
        }
        return w;
    }

    private static void histograms(StringBuilder sb, StatsResult r) {
        int w = nameWidth(r);
        sb.append("histograms (").append(r.options().bins()).append(" bins; log bins where a column spans two decades or more;")
                .append(" one bin per integer where there are few):\n");
        for (int i = 0; i < r.summaries().size(); i++) {
            ColumnSummary s = r.summaries().get(i);
            Histogram h = s.histogram();
            boolean bytes = r.columns().get(i).bytes();
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %s", s.name(), bars(h.counts())));
            if (h.bins() > 0) {
                sb.append("  ").append(Units.compact(h.edges()[0], bytes)).append(" .. ")
                        .append(Units.compact(h.edges()[h.bins()], bytes)).append(' ').append(h.scale().label());
            }
            sb.append('\n');
        }
    }

    /** One character per bin: a space for none, then eight heights scaled to the largest bin. */
    static String bars(long[] counts) {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        StringBuilder sb = new StringBuilder();
        for (long c : counts) {
            sb.append(c == 0 ? ' ' : BARS.charAt((int) Math.min(7, (c * 8 - 1) / max)));
        }
        return sb.toString();
    }

    private static void correlations(StringBuilder sb, StatsResult r) {
        int w = nameWidth(r);
        int n = r.columns().size();
        sb.append(String.format(Locale.ROOT, "Spearman rank correlation, %s:%n", r.correlationsExact()
                ? String.format(Locale.ROOT, "all %,d rows", r.rows())
                : String.format(Locale.ROOT, "a uniform sample of %,d of the %,d rows (standard error about (1-rho^2)/sqrt(%,d))",
                        r.sample().size(), r.rows(), r.sample().size())));
        sb.append(" ".repeat(w));
        for (int j = 0; j < n; j++) {
            sb.append(String.format(Locale.ROOT, " %6s", abbreviate(r.columns().get(j).name(), 6)));
        }
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", r.columns().get(i).name()));
            for (int j = 0; j < n; j++) {
                double rho = r.spearman()[i][j];
                sb.append(Double.isNaN(rho) ? String.format(Locale.ROOT, " %6s", "-") : String.format(Locale.ROOT, " %6.2f", rho));
            }
            sb.append('\n');
        }
    }

    static String abbreviate(String name, int width) {
        return name.length() <= width ? name : name.substring(0, width);
    }

    private static void budgets(StringBuilder sb, StatsResult r) {
        BudgetTable t = r.budgets();
        sb.append(String.format(Locale.ROOT, "budgets: rows each combination keeps (of %,d%s):%n", t.rows(),
                t.skipped() > 0 ? String.format(Locale.ROOT, "; %,d rows without a value in a budget column left out", t.skipped()) : ""));
        List<BudgetTable.Dimension> dims = t.dimensions();
        StringBuilder head = new StringBuilder();
        for (BudgetTable.Dimension d : dims) {
            head.append(String.format(Locale.ROOT, "%-18s", d.name() + (d.atMost() ? " <=" : " >=")));
        }
        sb.append(head).append(String.format(Locale.ROOT, "%12s %7s%n", "kept", "share"));
        for (int c = 0; c < t.combinations(); c++) {
            int[] idx = t.combination(c);
            for (int k = 0; k < dims.size(); k++) {
                sb.append(String.format(Locale.ROOT, "%-18s", limitText(r, dims.get(k), idx[k], false)));
            }
            long kept = t.kept(idx);
            sb.append(String.format(Locale.ROOT, "%,12d %7s%n", kept, Units.percent(kept, t.rows())));
        }
    }

    /** A budget limit as text: compact with units, or exact. */
    static String limitText(StatsResult r, BudgetTable.Dimension d, int i, boolean exact) {
        int col = d.column();
        StatsCollector.Column c = r.columns().get(col);
        long key = d.limits()[i];
        double v = Keys.toDouble(key, c.kind());
        if (exact) {
            return c.kind() == ValueKind.INTEGER ? Long.toString(key) : Double.toString(v);
        }
        return Units.compact(v, c.bytes());
    }

    // ---- CSV ------------------------------------------------------------------------------

    /** One table as CSV (header first). */
    public static String csv(StatsResult r, Table table) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSV)) {
            switch (table) {
                case STATS -> statsCsv(p, r);
                case HISTOGRAM -> histogramCsv(p, r);
                case CORRELATION -> correlationCsv(p, r);
                case BUDGET -> budgetCsv(p, r);
                default -> throw new IllegalArgumentException(table.label());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void statsCsv(CSVPrinter p, StatsResult r) throws IOException {
        List<String> head = new ArrayList<>(List.of("column", "kind", "count", "missing", "min"));
        head.addAll(ColumnSummary.QUANTILE_LABELS);
        head.addAll(List.of("max", "mean", "quantiles_exact", "relative_error"));
        p.printRecord(head);
        for (ColumnSummary s : r.summaries()) {
            List<String> row = new ArrayList<>(List.of(s.name(), s.kind().name().toLowerCase(Locale.ROOT), Long.toString(s.count()),
                    Long.toString(s.missing()), exact(s, s.min())));
            for (long q : s.quantiles()) {
                row.add(exact(s, q));
            }
            row.addAll(List.of(exact(s, s.max()), s.count() == 0 ? "" : Double.toString(s.mean()), Boolean.toString(s.exactQuantiles()),
                    s.exactQuantiles() ? "0" : Double.toString(s.relativeAccuracy())));
            p.printRecord(row);
        }
    }

    private static void histogramCsv(CSVPrinter p, StatsResult r) throws IOException {
        p.printRecord("column", "scale", "bin", "lower", "upper", "count", "exact");
        for (ColumnSummary s : r.summaries()) {
            Histogram h = s.histogram();
            for (int j = 0; j < h.bins(); j++) {
                p.printRecord(s.name(), h.scale().label(), j, Units.exact(h.edges()[j]), Units.exact(h.edges()[j + 1]), h.counts()[j],
                        h.exact());
            }
        }
    }

    private static void correlationCsv(CSVPrinter p, StatsResult r) throws IOException {
        p.printRecord("column_a", "column_b", "spearman", "sample_rows", "rows");
        for (int i = 0; i < r.columns().size(); i++) {
            for (int j = i + 1; j < r.columns().size(); j++) {
                double rho = r.spearman()[i][j];
                p.printRecord(r.columns().get(i).name(), r.columns().get(j).name(), Double.isNaN(rho) ? "" : Double.toString(rho),
                        r.sample().size(), r.rows());
            }
        }
    }

    private static void budgetCsv(CSVPrinter p, StatsResult r) throws IOException {
        BudgetTable t = r.budgets();
        if (t == null) {
            throw new IllegalArgumentException("--table budget needs at least one --budget");
        }
        List<String> head = new ArrayList<>();
        for (BudgetTable.Dimension d : t.dimensions()) {
            head.add(d.name() + (d.atMost() ? "<=" : ">="));
        }
        head.addAll(List.of("kept", "rows"));
        p.printRecord(head);
        for (int c = 0; c < t.combinations(); c++) {
            int[] idx = t.combination(c);
            List<String> row = new ArrayList<>();
            for (int k = 0; k < idx.length; k++) {
                row.add(limitText(r, t.dimensions().get(k), idx[k], true));
            }
            row.add(Long.toString(t.kept(idx)));
            row.add(Long.toString(t.rows()));
            p.printRecord(row);
        }
    }

    // ---- JSON -----------------------------------------------------------------------------

    /** Everything as one JSON document. */
    public static String json(StatsResult r, Source source) {
        return StatsJson.of(r, source);
    }
}
