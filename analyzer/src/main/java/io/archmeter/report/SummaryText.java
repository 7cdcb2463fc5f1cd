package io.archmeter.report;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.engine.Metrics;
import io.archmeter.model.OpCode;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The text of {@code archmeter summary}: one row per layer with its output shape, receptive field
 * r, effective stride S and padding P, MACs and parameters in human units with their share of the
 * total, FLOPs, and the bytes the layer allocates; the layer where the activation peak occurs is
 * marked; then the exact totals.
 */
final class SummaryText {
    private static final String[] HEADER = {
        "#", "layer", "output", "r", "S", "P", "MACs", "MACs %", "FLOPs", "params", "params %", "activation", ""};
    private static final boolean[] LEFT = {
        false, true, true, false, false, false, false, false, false, false, false, false, true};

    private SummaryText() {
    }

    static void write(String name, LayerTable t, PrintWriter out) {
        Metrics m = t.totals();
        int peak = SummaryReport.peakLayer(t);
        out.printf(Locale.ROOT, "%s on %s (%s)%n%n", name, t.input(), t.conventions().label());
        TextTable table = new TextTable(HEADER, LEFT);
        table.row("0", "input", t.input().toString(), "1", "1", "0", "--", "--", "--", "--", "--",
                Formatting.bytes(SummaryReport.inputBytes(t)), peak < 0 ? marker(m.activationPeakBytes()) : "");
        for (int j = 0; j < t.size(); j++) {
            table.row(layerRow(t, j, j == peak));
        }
        table.print(out);
        totals(t, m, peak, out);
    }

    private static String[] layerRow(LayerTable t, int j, boolean peak) {
        Metrics m = t.totals();
        boolean global = t.isGlobal(j);
        long macs = t.get(j, LayerMetricsRecord.MACS_OFFSET);
        long flops = t.get(j, LayerMetricsRecord.FLOPS_OFFSET);
        long params = t.get(j, LayerMetricsRecord.PARAMS_OFFSET);
        long act = t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET);
        return new String[] {
            Integer.toString(j + 1), SummaryReport.layerToken(t, j), SummaryReport.shape(t, j),
            global ? "whole" : Formatting.axes(t.get(j, LayerMetricsRecord.RF_H_OFFSET), t.get(j, LayerMetricsRecord.RF_W_OFFSET)),
            global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.STRIDE_H_OFFSET), t.get(j, LayerMetricsRecord.STRIDE_W_OFFSET)),
            global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.PAD_H_OFFSET), t.get(j, LayerMetricsRecord.PAD_W_OFFSET)),
            macs == 0 ? "--" : Formatting.human(macs), Formatting.share(macs, m.macs()),
            flops == 0 ? "--" : Formatting.human(flops),
            params == 0 ? "--" : Formatting.human(params), Formatting.share(params, m.params()),
            t.record(j, LayerRecord.OP_OFFSET) == OpCode.IDENTITY || act == 0 ? "in place" : Formatting.bytes(act),
            peak ? marker(t.get(j, LayerMetricsRecord.LIVE_BYTES_OFFSET)) : ""};
    }

    /** {@code 1,814,073,344 (1.81 G)}; a number below 1000 alone. */
    private static String exactAndHuman(long v) {
        return v < 1000 ? Formatting.grouped(v) : Formatting.grouped(v) + " (" + Formatting.human(v) + ")";
    }

    private static String marker(long liveBytes) {
        return "<- peak: " + Formatting.bytes(liveBytes) + " alive";
    }

    private static void totals(LayerTable t, Metrics m, int peak, PrintWriter out) {
        long bytes = m.weightBytes();
        out.println();
        out.printf(Locale.ROOT, "%-20s%s%n", "MACs", exactAndHuman(m.macs()));
        out.printf(Locale.ROOT, "%-20s%s%n", "FLOPs (" + t.conventions().flops() + ")", exactAndHuman(m.flops()));
        out.printf(Locale.ROOT, "%-20s%s%n", "params", exactAndHuman(m.params()));
        out.printf(Locale.ROOT, "%-20s%s bytes = %s KiB = %s MiB%n", "model size (" + t.conventions().weightType() + ")",
                Formatting.grouped(bytes), Formatting.perUnit(bytes, 1024, 1), Formatting.perUnit(bytes, 1024 * 1024, 1));
        out.printf(Locale.ROOT, "%-20s%s bytes (%s, %s) at %s: %s%n", "activations peak", Formatting.grouped(m.activationPeakBytes()),
                Formatting.bytes(m.activationPeakBytes()), t.conventions().activationType(),
                peak < 0 ? "the input" : "layer " + (peak + 1),
                !SummaryReport.isGraph(t) ? "largest input + output of one layer"
                        : "most alive at once: inputs, output and every tensor still needed later");
        out.printf(Locale.ROOT, "%-20s%s bytes (%s; all layer outputs, input excluded)%n", "activations total",
                Formatting.grouped(m.activationTotalBytes()), Formatting.bytes(m.activationTotalBytes()));
        out.printf(Locale.ROOT, "%-20sr %s, S %s, P %s (last spatial map)%n", "receptive field",
                Formatting.axes(m.receptiveFieldH(), m.receptiveFieldW()), Formatting.axes(m.strideH(), m.strideW()),
                Formatting.axes(m.padH(), m.padW()));
        if ((m.receptiveFieldFlags() & MetricRecord.RF_UNALIGNED) != 0) {
            out.println(" ".repeat(20) + "joined paths differ in effective stride or centre: r, S, P describe the union of their fields");
        }
        if ((m.receptiveFieldFlags() & MetricRecord.RF_GLOBAL_BRANCH) != 0) {
            out.println(" ".repeat(20) + "a branch that sees the whole input (squeeze-excite) joins in; it is left out of r");
        }
        out.printf(Locale.ROOT, "%-20s%dx%dx%d%n", "output", m.outHeight(), m.outWidth(), m.outChannels());
    }
}
