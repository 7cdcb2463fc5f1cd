package io.archmeter.report;

import io.archmeter.stats.BudgetTable;
import io.archmeter.stats.ColumnSummary;
import io.archmeter.stats.Histogram;
import io.archmeter.stats.Keys;
import io.archmeter.stats.StatsResult;
import io.archmeter.stats.ValueKind;

import java.util.List;
import java.util.Locale;

/**
 * {@code archmeter stats --format json}: one document.
 *
 * <pre>
 * {"input": "candidates.csv", "rows": 2991, "rows_read": 3000, "rejected": 9, "scored_with": "…",
 *  "quantile_definition": "nearest rank (numpy inverted_cdf)",
 *  "columns": [{"name": "macs", "kind": "integer", "count": 2991, "missing": 0, "min": 16658624,
 *               "p1": …, "p10": …, "median": …, "p90": …, "p99": …, "max": …, "mean": …,
 *               "quantiles_exact": false, "relative_error": 0.001,
 *               "histogram": {"scale": "log", "edges": […], "counts": […], "exact": false}}, …],
 *  "spearman": {"rows": 2991, "sample_rows": 2991, "exact": true, "columns": […], "matrix": [[…]]},
 *  "budgets": {"rows": 2991, "skipped": 0, "dimensions": [{"column": "macs", "bound": "max", "limits": […], "labels": […]}],
 *              "combinations": [{"limits": [100000000, 262144], "kept": 123}, …]}}
 * </pre>
 * NaN (an undefined correlation, the mean of an empty column) is {@code null}.
 */
final class StatsJson {
    private StatsJson() {
    }

    static String of(StatsResult r, StatsReport.Source s) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"input\": ").append(Formatting.quote(s.input())).append(",\n");
        sb.append("  \"rows\": ").append(r.rows()).append(",\n");
        sb.append("  \"rows_read\": ").append(s.scoredWith() != null ? s.rowsRead() : r.rows()).append(",\n");
        sb.append("  \"rejected\": ").append(s.rejected()).append(",\n");
        sb.append("  \"scored_with\": ").append(s.scoredWith() == null ? "null" : Formatting.quote(s.scoredWith())).append(",\n");
        sb.append("  \"quantile_definition\": \"nearest rank: the value of rank max(1, ceil(q*n)) (numpy method='inverted_cdf')\",\n");
        sb.append("  \"columns\": [");
        for (int i = 0; i < r.summaries().size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            column(sb, r.summaries().get(i));
        }
        sb.append("\n  ],\n");
        spearman(sb, r);
        sb.append(",\n  \"budgets\": ");
        if (r.budgets() == null) {
            sb.append("null");
        } else {
            budgets(sb, r);
        }
        return sb.append("\n}\n").toString();
    }

    private static void column(StringBuilder sb, ColumnSummary s) {
        sb.append("    {\"name\": ").append(Formatting.quote(s.name())).append(", \"kind\": \"")
                .append(s.kind().name().toLowerCase(Locale.ROOT)).append("\", \"count\": ").append(s.count())
                .append(", \"missing\": ").append(s.missing()).append(", \"min\": ").append(value(s, s.min()));
        for (int q = 0; q < s.quantiles().length; q++) {
            sb.append(", \"").append(ColumnSummary.QUANTILE_LABELS.get(q)).append("\": ").append(value(s, s.quantiles()[q]));
        }
        sb.append(", \"max\": ").append(value(s, s.max())).append(", \"mean\": ").append(number(s.mean()))
                .append(", \"quantiles_exact\": ").append(s.exactQuantiles()).append(", \"relative_error\": ")
                .append(s.exactQuantiles() ? "0" : Double.toString(s.relativeAccuracy()));
        Histogram h = s.histogram();
        sb.append(",\n     \"histogram\": {\"scale\": \"").append(h.scale().label()).append("\", \"exact\": ").append(h.exact())
                .append(", \"edges\": [");
        for (int j = 0; j < h.edges().length; j++) {
            sb.append(j == 0 ? "" : ", ").append(Units.exact(h.edges()[j]));
        }
        sb.append("], \"counts\": [");
        for (int j = 0; j < h.bins(); j++) {
            sb.append(j == 0 ? "" : ", ").append(h.counts()[j]);
        }
        sb.append("]}}");
    }

    private static String value(ColumnSummary s, long key) {
        if (key == Keys.MISSING) {
            return "null";
        }
        return s.kind() == ValueKind.INTEGER ? Long.toString(key) : number(Keys.toDouble(key));
    }

    private static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    private static void spearman(StringBuilder sb, StatsResult r) {
        sb.append("  \"spearman\": {\"rows\": ").append(r.rows()).append(", \"sample_rows\": ").append(r.sample().size())
                .append(", \"exact\": ").append(r.correlationsExact()).append(", \"columns\": [");
        for (int i = 0; i < r.columns().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Formatting.quote(r.columns().get(i).name()));
        }
        sb.append("],\n    \"matrix\": [");
        double[][] m = r.spearman();
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "\n      [" : ",\n      [");
            for (int j = 0; j < m.length; j++) {
                sb.append(j == 0 ? "" : ", ").append(number(m[i][j]));
            }
            sb.append(']');
        }
        sb.append("\n    ]}");
    }

    private static void budgets(StringBuilder sb, StatsResult r) {
        BudgetTable t = r.budgets();
        sb.append("{\"rows\": ").append(t.rows()).append(", \"skipped\": ").append(t.skipped()).append(", \"dimensions\": [");
        List<BudgetTable.Dimension> dims = t.dimensions();
        for (int k = 0; k < dims.size(); k++) {
            BudgetTable.Dimension d = dims.get(k);
            sb.append(k == 0 ? "\n    " : ",\n    ").append("{\"column\": ").append(Formatting.quote(d.name())).append(", \"bound\": \"")
                    .append(d.atMost() ? "max" : "min").append("\", \"limits\": [");
            for (int i = 0; i < d.limits().length; i++) {
                sb.append(i == 0 ? "" : ", ").append(limit(r, d, i));
            }
            sb.append("]}");
        }
        sb.append("],\n    \"combinations\": [");
        for (int c = 0; c < t.combinations(); c++) {
            int[] idx = t.combination(c);
            sb.append(c == 0 ? "\n      " : ",\n      ").append("{\"limits\": [");
            for (int k = 0; k < idx.length; k++) {
                sb.append(k == 0 ? "" : ", ").append(limit(r, dims.get(k), idx[k]));
            }
            sb.append("], \"kept\": ").append(t.kept(idx)).append('}');
        }
        sb.append("\n    ]}");
    }

    private static String limit(StatsResult r, BudgetTable.Dimension d, int i) {
        return StatsReport.limitText(r, d, i, true);
    }
}
