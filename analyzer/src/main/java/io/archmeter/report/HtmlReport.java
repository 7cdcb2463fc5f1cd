package io.archmeter.report;

import io.archmeter.stats.BudgetTable;
import io.archmeter.stats.ColumnSummary;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code archmeter report}: one self-contained HTML page (inline CSS and SVG, no script, no
 * network) with the scatter of two columns and their Pareto front, the budget table, the
 * per-column numbers, a histogram per column and the rank correlations.
 *
 * <pre>{@code
 * String html = HtmlReport.html(result, source, xColumn, yColumn);
 * Map<String, String> svgs = HtmlReport.charts(result, xColumn, yColumn);   // file name -> SVG, for --svg DIR
 * }</pre>
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;margin:24px auto;\
            max-width:1120px;padding:0 16px;color:#222;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            p.meta{color:#555;margin:2px 0;font-size:13px}
            table{border-collapse:collapse;font-size:12.5px;margin:6px 0}
            th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
            th{background:#f4f6f8;font-weight:600}td.name,th.name{text-align:left}
            .charts{display:flex;flex-wrap:wrap;gap:10px}.charts svg{border:1px solid #eee}
            .note{font-size:12px;color:#666;max-width:900px}
            td.rho{min-width:38px}
            """;

    private HtmlReport() {
    }

    /** The charts as standalone SVGs by file name: {@code scatter.svg}, {@code histogram-macs.svg}, … */
    public static Map<String, String> charts(StatsResult r, int x, int y) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("scatter.svg", new ScatterChart(r, x, y).svg());
        for (int i = 0; i < r.columns().size(); i++) {
            StatsCollector.Column c = r.columns().get(i);
            out.put("histogram-" + fileName(c.name()) + ".svg", HistogramChart.svg(c.name(), r.summaries().get(i).histogram(), c.bytes()));
        }
        return out;
    }

    /** A column name made safe as part of a file name. */
    static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "column" : s;
    }

    /** The whole page. */
    public static String html(StatsResult r, StatsReport.Source source, int x, int y) {
        Map<String, String> charts = charts(r, x, y);
        StringBuilder sb = new StringBuilder(1 << 16);
        String title = "archmeter report: " + source.input();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(Svg.escape(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Svg.escape(title)).append("</h1>\n");
        sb.append("<p class=\"meta\">").append(Svg.escape(StatsReport.heading(r, source))).append("</p>\n");
        sb.append("<h2 id=\"scatter\">").append(Svg.escape(r.columns().get(y).name() + " against " + r.columns().get(x).name()))
                .append("</h2>\n<div class=\"charts\">").append(charts.get("scatter.svg")).append("</div>\n");
        if (r.budgets() != null) {
            budgets(sb, r);
        }
        statsTable(sb, r);
        sb.append("<h2 id=\"histograms\">Histograms</h2>\n<p class=\"note\">").append(r.options().bins())
                .append(" bins per column; log bins (equal widths on a log axis) where a column spans two decades or more;")
                .append(" one bin per integer where a whole-number column has few.</p>\n<div class=\"charts\">\n");
        for (Map.Entry<String, String> e : charts.entrySet()) {
            if (e.getKey().startsWith("histogram-")) {
                sb.append(e.getValue());
            }
        }
        sb.append("</div>\n");
        correlations(sb, r);
        sb.append("<p class=\"note\">Made by archmeter. Quantiles are nearest-rank (numpy method='inverted_cdf'), exact while a")
                .append(" column has at most ").append(String.format(Locale.ROOT, "%,d", r.options().exactLimit()))
                .append(" distinct values, else within 0.1% of the exact value; the Pareto front and")
                .append(" the budget counts are exact over all rows; the scatter shows a uniform sample.</p>\n");
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void statsTable(StringBuilder sb, StatsResult r) {
        sb.append("<h2 id=\"stats\">Columns</h2>\n<table>\n<tr><th class=\"name\">column</th><th>count</th><th>min</th>");
        for (String q : ColumnSummary.QUANTILE_LABELS) {
            sb.append("<th>").append(q).append("</th>");
        }
        sb.append("<th>max</th><th>mean</th><th>missing</th><th>quantiles</th></tr>\n");
        for (int i = 0; i < r.summaries().size(); i++) {
            ColumnSummary s = r.summaries().get(i);
            boolean bytes = r.columns().get(i).bytes();
            sb.append("<tr><td class=\"name\">").append(Svg.escape(s.name())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", s.count())).append("</td>");
            cell(sb, s, s.min(), bytes);
            for (long q : s.quantiles()) {
                cell(sb, s, q, bytes);
            }
            cell(sb, s, s.max(), bytes);
            sb.append("<td>").append(s.count() == 0 ? "-" : Units.compact(s.mean(), bytes)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", s.missing())).append("</td><td>")
                    .append(s.exactQuantiles() ? "exact" : "±0.1%").append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    /** A value: compact, with the exact value as its tooltip. */
    private static void cell(StringBuilder sb, ColumnSummary s, long key, boolean bytes) {
        sb.append("<td title=\"").append(Svg.escape(StatsReport.exact(s, key))).append("\">")
                .append(Svg.escape(StatsReport.compact(s, key, bytes))).append("</td>");
    }

    private static void budgets(StringBuilder sb, StatsResult r) {
        BudgetTable t = r.budgets();
        sb.append("<h2 id=\"budgets\">Budgets</h2>\n<p class=\"note\">Rows each combination of budgets keeps, of ")
                .append(String.format(Locale.ROOT, "%,d", t.rows())).append(" (exact)").append(t.skipped() > 0
                        ? String.format(Locale.ROOT, "; %,d rows without a value in a budget column left out", t.skipped()) : "")
                .append(".</p>\n<table>\n<tr>");
        List<BudgetTable.Dimension> dims = t.dimensions();
        for (BudgetTable.Dimension d : dims) {
            sb.append("<th class=\"name\">").append(Svg.escape(d.name())).append(d.atMost() ? " ≤" : " ≥").append("</th>");
        }
        sb.append("<th>kept</th><th>share</th></tr>\n");
        for (int c = 0; c < t.combinations(); c++) {
            int[] idx = t.combination(c);
            sb.append("<tr>");
            for (int k = 0; k < idx.length; k++) {
                sb.append("<td class=\"name\">").append(Svg.escape(StatsReport.limitText(r, dims.get(k), idx[k], false))).append("</td>");
            }
            long kept = t.kept(idx);
            sb.append("<td>").append(String.format(Locale.ROOT, "%,d", kept)).append("</td><td>").append(Units.percent(kept, t.rows()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void correlations(StringBuilder sb, StatsResult r) {
        int n = r.columns().size();
        sb.append("<h2 id=\"correlations\">Spearman rank correlations</h2>\n<p class=\"note\">")
                .append(r.correlationsExact() ? String.format(Locale.ROOT, "Over all %,d rows.", r.rows())
                        : String.format(Locale.ROOT, "Over a uniform sample of %,d of the %,d rows (standard error about (1−ρ²)/√%,d).",
                                r.sample().size(), r.rows(), r.sample().size()))
                .append("</p>\n<table>\n<tr><th></th>");
        for (StatsCollector.Column c : r.columns()) {
            sb.append("<th>").append(Svg.escape(c.name())).append("</th>");
        }
        sb.append("</tr>\n");
        for (int i = 0; i < n; i++) {
            sb.append("<tr><td class=\"name\">").append(Svg.escape(r.columns().get(i).name())).append("</td>");
            for (int j = 0; j < n; j++) {
                double rho = r.spearman()[i][j];
                if (Double.isNaN(rho)) {
                    sb.append("<td class=\"rho\">-</td>");
                } else {
                    sb.append("<td class=\"rho\" style=\"background:").append(heat(rho)).append("\">")
                            .append(String.format(Locale.ROOT, "%.2f", rho)).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    /** A background for ρ: white at 0, blue towards +1, red towards −1. */
    static String heat(double rho) {
        double a = Math.min(1, Math.abs(rho));
        int r = rho >= 0 ? (int) Math.round(255 - a * (255 - 110)) : 255;
        int g = (int) Math.round(255 - a * (255 - 160));
        int b = rho >= 0 ? 255 : (int) Math.round(255 - a * (255 - 150));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
