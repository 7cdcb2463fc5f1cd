package io.archmeter.report;

import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.engine.Metrics;

import java.io.PrintWriter;

/**
 * The JSON of {@code archmeter summary --format json}: the model, the architecture string that was
 * costed, the input and conventions, one object per layer and the totals; exact integers.
 */
final class SummaryJson {
    private SummaryJson() {
    }

    static void write(String name, String arch, LayerTable t, TokenSpans spans, PrintWriter out) {
        boolean known = spans != null && spans.size() == t.size();
        Metrics m = t.totals();
        int peak = SummaryReport.peakLayer(t);
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"model\": ").append(Formatting.quote(name))
          .append(",\n  \"arch\": ").append(Formatting.quote(arch))
          .append(",\n  \"input\": ").append(Formatting.quote(t.input().toString()))
          .append(",\n  \"conventions\": {\"flops\": ").append(Formatting.quote(t.conventions().flops().toString()))
          .append(", \"elementwise\": ").append(t.conventions().countElementwise())
          .append(", \"weight_dtype\": ").append(Formatting.quote(t.conventions().weightType().toString()))
          .append(", \"act_dtype\": ").append(Formatting.quote(t.conventions().activationType().toString())).append("},\n");
        sb.append("  \"layers\": [\n");
        String[] columns = SummaryReport.COLUMNS;
        for (int j = 0; j < t.size(); j++) {
            long[] r = SummaryReport.numbers(t, j, peak);
            sb.append("    {\"index\": ").append(j + 1).append(", \"layer\": ").append(Formatting.quote(SummaryReport.layerToken(t, j)))
              .append(", \"output\": ").append(Formatting.quote(SummaryReport.shape(t, j)));
            for (int i = 0; i < r.length; i++) {
                String column = columns[i + 3];
                boolean flag = column.equals("global") || column.equals("peak");
                sb.append(", \"").append(column).append("\": ").append(flag ? Boolean.toString(r[i] != 0) : Long.toString(r[i]));
            }
            if (known) {
                sb.append(", \"token\": ").append(Formatting.quote(spans.token()[j])).append(", \"group_depth\": ").append(spans.depth()[j]);
            }
            sb.append(j + 1 < t.size() ? "},\n" : "}\n");
        }
        sb.append("  ],\n  \"totals\": {")
          .append("\"macs\": ").append(m.macs())
          .append(", \"flops\": ").append(m.flops())
          .append(", \"params\": ").append(m.params())
          .append(", \"weight_bytes\": ").append(m.weightBytes())
          .append(", \"act_peak_bytes\": ").append(m.activationPeakBytes())
          .append(", \"act_peak_layer\": ").append(peak + 1)
          .append(", \"act_total_bytes\": ").append(m.activationTotalBytes())
          .append(", \"rf_h\": ").append(m.receptiveFieldH()).append(", \"rf_w\": ").append(m.receptiveFieldW())
          .append(", \"stride_h\": ").append(m.strideH()).append(", \"stride_w\": ").append(m.strideW())
          .append(", \"pad_h\": ").append(m.padH()).append(", \"pad_w\": ").append(m.padW())
          .append(", \"rf_unaligned\": ").append((m.receptiveFieldFlags() & MetricRecord.RF_UNALIGNED) != 0)
          .append(", \"rf_global_branch\": ").append((m.receptiveFieldFlags() & MetricRecord.RF_GLOBAL_BRANCH) != 0)
          .append(", \"output\": ").append(Formatting.quote(m.outHeight() + "x" + m.outWidth() + "x" + m.outChannels()))
          .append("}\n}");
        out.println(sb);
    }
}
