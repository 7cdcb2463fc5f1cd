package io.archmeter.report;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.model.Op;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link LayerTable} as the per-layer table of {@code archmeter summary}: text for
 * people, CSV and JSON for programs. It formats; every number comes from the engine.
 */
public final class SummaryReport {

    /** Output formats. */
    public enum Format { TEXT, CSV, JSON }

    private static final String[] COLUMNS = {
        "index", "layer", "output", "rf_h", "rf_w", "stride_h", "stride_w", "pad_h", "pad_w", "global",
        "macs", "flops", "params", "act_bytes"};

    private SummaryReport() {
    }

    public static void write(String name, LayerTable t, Format format, PrintWriter out) {
        switch (format) {
            case CSV -> csv(t, out);
            case JSON -> json(name, t, out);
            default -> text(name, t, out);
        }
        out.flush();
    }

    /**
     * The layer's canonical token; in a graph, followed by where its inputs come from when that is
     * not the layer just above: {@code <-5} reads layer 5, {@code <-0} the network input,
     * {@code )add <-12,7} joins layers 12 and 7.
     */
    private static String layerToken(LayerTable t, int j) {
        String token = ArchFormatter.token(t.layerRecord(j), 0);
        int in0 = t.record(j, LayerRecord.IN0_OFFSET);
        int in1 = t.record(j, LayerRecord.IN1_OFFSET);
        if (in1 != LayerRecord.NO_INPUT) {
            return token + " <-" + (j + 1 - in0) + "," + (j + 1 - in1);
        }
        return in0 == LayerRecord.PREVIOUS ? token : token + " <-" + (j + 1 - in0);
    }

    /** The activation column: bytes allocated, "in place", or "view" for a slice or a crop. */
    private static String memory(Op op, long actBytes) {
        if (op.memory() == Op.Memory.VIEW) {
            return "view";
        }
        return !op.allocates() || actBytes == 0 ? "in place" : Formatting.grouped(actBytes);
    }

    private static String shape(LayerTable t, int j) {
        return t.get(j, LayerMetricsRecord.OUT_H_OFFSET) + "x" + t.get(j, LayerMetricsRecord.OUT_W_OFFSET) + "x"
                + t.get(j, LayerMetricsRecord.OUT_C_OFFSET);
    }

    private static void text(String name, LayerTable t, PrintWriter out) {
        Metrics m = t.totals();
        out.printf(Locale.ROOT, "%s on %s (%s)%n%n", name, t.input(), t.conventions().label());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "layer", "output", "r", "S", "P", "MACs", "FLOPs", "params", "act bytes"});
        rows.add(new String[] {"0", "input", t.input().toString(), "1", "1", "0", "", "", "",
                Formatting.grouped((long) t.input().height() * t.input().width() * t.input().channels()
                        * t.conventions().activationType().bytes())});
        for (int j = 0; j < t.size(); j++) {
            boolean global = t.isGlobal(j);
            long rfH = t.get(j, LayerMetricsRecord.RF_H_OFFSET), rfW = t.get(j, LayerMetricsRecord.RF_W_OFFSET);
            rows.add(new String[] {
                Integer.toString(j + 1), layerToken(t, j), shape(t, j),
                global ? "whole" : Formatting.axes(rfH, rfW),
                global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.STRIDE_H_OFFSET), t.get(j, LayerMetricsRecord.STRIDE_W_OFFSET)),
                global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.PAD_H_OFFSET), t.get(j, LayerMetricsRecord.PAD_W_OFFSET)),
                Formatting.grouped(t.get(j, LayerMetricsRecord.MACS_OFFSET)),
                Formatting.grouped(t.get(j, LayerMetricsRecord.FLOPS_OFFSET)),
                Formatting.grouped(t.get(j, LayerMetricsRecord.PARAMS_OFFSET)),
                memory(Op.ofCode(t.record(j, LayerRecord.OP_OFFSET)), t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET))});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean left = i == 1 || i == 2;
                String cell = left ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(sb.toString().stripTrailing());
            if (k == 0) {
                out.println("-".repeat(sb.toString().stripTrailing().length()));
            }
        }
        long bytes = m.weightBytes();
        out.println();
        out.printf(Locale.ROOT, "MACs                %s%n", Formatting.grouped(m.macs()));
        out.printf(Locale.ROOT, "%-20s%s%n", "FLOPs (" + t.conventions().flops() + ")", Formatting.grouped(m.flops()));
        out.printf(Locale.ROOT, "params              %s%n", Formatting.grouped(m.params()));
        out.printf(Locale.ROOT, "%-20s%s bytes = %s KiB = %s MiB%n", "model size (" + t.conventions().weightType() + ")", Formatting.grouped(bytes),
                Formatting.perUnit(bytes, 1024, 1), Formatting.perUnit(bytes, 1024 * 1024, 1));
        out.printf(Locale.ROOT, "activations peak    %s bytes (%s, %s)%n", Formatting.grouped(m.activationPeakBytes()),
                t.size() == 0 || !isGraph(t) ? "largest input + output of one layer"
                        : "most alive at once: inputs, output and every tensor still needed later",
                t.conventions().activationType());
        out.printf(Locale.ROOT, "activations total   %s bytes (all layer outputs, input excluded)%n", Formatting.grouped(m.activationTotalBytes()));
        out.printf(Locale.ROOT, "receptive field     r %s, S %s, P %s (last spatial map)%n",
                Formatting.axes(m.receptiveFieldH(), m.receptiveFieldW()), Formatting.axes(m.strideH(), m.strideW()),
                Formatting.axes(m.padH(), m.padW()));
        if ((m.receptiveFieldFlags() & MetricRecord.RF_UNALIGNED) != 0) {
            out.println("                    joined paths differ in effective stride or centre: r, S, P describe the union of their fields");
        }
        if ((m.receptiveFieldFlags() & MetricRecord.RF_GLOBAL_BRANCH) != 0) {
            out.println("                    a branch that sees the whole input (squeeze-excite) joins in; it is left out of r");
        }
        out.printf(Locale.ROOT, "output              %dx%dx%d%n", m.outHeight(), m.outWidth(), m.outChannels());
    }

    private static boolean isGraph(LayerTable t) {
        for (int j = 0; j < t.size(); j++) {
            if (t.record(j, LayerRecord.IN0_OFFSET) != LayerRecord.PREVIOUS || t.record(j, LayerRecord.IN1_OFFSET) != LayerRecord.NO_INPUT
                    || Op.ofCode(t.record(j, LayerRecord.OP_OFFSET)).memory() == Op.Memory.VIEW) {
                return true;
            }
        }
        return false;
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) {
            return s;
        }
        String p = " ".repeat(w - s.length());
        return right ? p + s : s + p;
    }

    private static long[] row(LayerTable t, int j) {
        return new long[] {
            t.get(j, LayerMetricsRecord.RF_H_OFFSET), t.get(j, LayerMetricsRecord.RF_W_OFFSET),
            t.get(j, LayerMetricsRecord.STRIDE_H_OFFSET), t.get(j, LayerMetricsRecord.STRIDE_W_OFFSET),
            t.get(j, LayerMetricsRecord.PAD_H_OFFSET), t.get(j, LayerMetricsRecord.PAD_W_OFFSET),
            t.get(j, LayerMetricsRecord.GLOBAL_OFFSET),
            t.get(j, LayerMetricsRecord.MACS_OFFSET), t.get(j, LayerMetricsRecord.FLOPS_OFFSET),
            t.get(j, LayerMetricsRecord.PARAMS_OFFSET), t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET)};
    }

    private static void csv(LayerTable t, PrintWriter out) {
        out.println(String.join(",", COLUMNS));
        for (int j = 0; j < t.size(); j++) {
            StringBuilder sb = new StringBuilder().append(j + 1).append(',').append(layerToken(t, j)).append(',').append(shape(t, j));
            for (long v : row(t, j)) {
                sb.append(',').append(v);
            }
            out.println(sb);
        }
        Metrics m = t.totals();
        out.printf(Locale.ROOT, "total,,%dx%dx%d,%d,%d,%d,%d,%d,%d,,%d,%d,%d,%d%n", m.outHeight(), m.outWidth(), m.outChannels(),
                m.receptiveFieldH(), m.receptiveFieldW(), m.strideH(), m.strideW(), m.padH(), m.padW(),
                m.macs(), m.flops(), m.params(), m.activationTotalBytes());
    }

    private static void json(String name, LayerTable t, PrintWriter out) {
        Metrics m = t.totals();
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"model\": ").append(Formatting.quote(name))
          .append(",\n  \"input\": ").append(Formatting.quote(t.input().toString()))
          .append(",\n  \"conventions\": {\"flops\": ").append(Formatting.quote(t.conventions().flops().toString()))
          .append(", \"elementwise\": ").append(t.conventions().countElementwise())
          .append(", \"weight_dtype\": ").append(Formatting.quote(t.conventions().weightType().toString()))
          .append(", \"act_dtype\": ").append(Formatting.quote(t.conventions().activationType().toString())).append("},\n");
        sb.append("  \"layers\": [\n");
        for (int j = 0; j < t.size(); j++) {
            long[] r = row(t, j);
            sb.append("    {\"index\": ").append(j + 1).append(", \"layer\": ").append(Formatting.quote(layerToken(t, j)))
              .append(", \"output\": ").append(Formatting.quote(shape(t, j)));
            for (int i = 0; i < r.length; i++) {
                sb.append(", \"").append(COLUMNS[i + 3]).append("\": ").append(i == 6 ? Boolean.toString(r[i] != 0) : Long.toString(r[i]));
            }
            sb.append(j + 1 < t.size() ? "},\n" : "}\n");
        }
        sb.append("  ],\n  \"totals\": {")
          .append("\"macs\": ").append(m.macs())
          .append(", \"flops\": ").append(m.flops())
          .append(", \"params\": ").append(m.params())
          .append(", \"weight_bytes\": ").append(m.weightBytes())
          .append(", \"act_peak_bytes\": ").append(m.activationPeakBytes())
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
