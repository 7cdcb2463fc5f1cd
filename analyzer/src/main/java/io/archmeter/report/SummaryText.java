package io.archmeter.report;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Op;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The text of {@code archmeter summary}: one row per layer with its output shape, receptive field
 * r, effective stride S and padding P, MACs and parameters in human units with their share of the
 * total, FLOPs, and the bytes the layer allocates; the layer where the activation peak occurs is
 * marked; then the exact totals. Given the parser's {@link TokenSpans}, rows are grouped as the
 * string was written: a block token or a branch group is one row with its layers beneath.
 */
final class SummaryText {
    private static final String[] HEADER = {
        "#", "layer", "output", "r", "S", "P", "MACs", "MACs %", "FLOPs", "params", "params %", "activation", ""};
    private static final boolean[] LEFT = {
        false, true, true, false, false, false, false, false, false, false, false, false, true};

    private SummaryText() {
    }

    /**
     * Writes the table. With {@code spans}, rows follow the architecture string: a block token or
     * a branch group is one row (its layer range, last output, r/S/P after it, and the sums of its
     * layers) with what it holds indented beneath, down to {@code depth} levels (0: top-level rows
     * only; negative: every level). Without, one row per layer.
     */
    static void write(String name, LayerTable t, TokenSpans spans, int depth, PrintWriter out) {
        Metrics m = t.totals();
        int peak = SummaryReport.peakLayer(t);
        out.printf(Locale.ROOT, "%s on %s (%s)%n%n", name, t.input(), t.conventions().label());
        TextTable table = new TextTable(HEADER, LEFT);
        table.row("0", "input", t.input().toString(), "1", "1", "0", "--", "--", "--", "--", "--",
                Formatting.bytes(SummaryReport.inputBytes(t)), peak < 0 ? marker(m.activationPeakBytes()) : "");
        if (spans == null || spans.size() != t.size()) {
            for (int j = 0; j < t.size(); j++) {
                table.row(layerRow(t, j, j == peak, ""));
            }
        } else {
            for (LayerTree.Node node : LayerTree.of(spans)) {
                rows(table, t, node, 0, depth, peak);
            }
        }
        table.print(out);
        totals(t, m, peak, out);
    }

    private static void rows(TextTable table, LayerTable t, LayerTree.Node node, int level, int depth, int peak) {
        String indent = "  ".repeat(level);
        if (node.kind() == LayerTree.Kind.LAYER) {
            table.row(layerRow(t, node.first(), node.first() == peak, indent));
            return;
        }
        boolean expanded = depth < 0 || level < depth;
        table.row(nodeRow(t, node, indent, expanded, peak));
        if (expanded) {
            for (LayerTree.Node child : node.children()) {
                rows(table, t, child, level + 1, depth, peak);
            }
        }
    }

    private static String[] layerRow(LayerTable t, int j, boolean peak, String indent) {
        Metrics m = t.totals();
        long macs = t.get(j, LayerMetricsRecord.MACS_OFFSET);
        long flops = t.get(j, LayerMetricsRecord.FLOPS_OFFSET);
        long params = t.get(j, LayerMetricsRecord.PARAMS_OFFSET);
        long act = t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET);
        String[] row = place(t, j);
        row[0] = Integer.toString(j + 1);
        row[1] = indent + SummaryReport.layerToken(t, j);
        row[6] = macs == 0 ? "--" : Formatting.human(macs);
        row[7] = Formatting.share(macs, m.macs());
        row[8] = flops == 0 ? "--" : Formatting.human(flops);
        row[9] = params == 0 ? "--" : Formatting.human(params);
        row[10] = Formatting.share(params, m.params());
        row[11] = memory(Op.ofCode(t.record(j, LayerRecord.OP_OFFSET)), act);
        row[12] = peak ? marker(t.get(j, LayerMetricsRecord.LIVE_BYTES_OFFSET)) : "";
        return row;
    }

    /** The activation column of a layer: the bytes it allocates, "in place", or "view" for a slice or a crop. */
    private static String memory(Op op, long actBytes) {
        if (op.memory() == Op.Memory.VIEW) {
            return "view";
        }
        return !op.allocates() || actBytes == 0 ? "in place" : Formatting.bytes(actBytes);
    }

    /**
     * A block or group: its layer range, label, the output and r/S/P of its last layer, the sums
     * of its layers; collapsed, it carries the peak marker of a layer inside it.
     */
    private static String[] nodeRow(LayerTable t, LayerTree.Node node, String indent, boolean expanded, int peak) {
        Metrics m = t.totals();
        long macs = 0, flops = 0, params = 0, act = 0;
        for (int j = node.first(); j < node.end(); j++) {
            macs += t.get(j, LayerMetricsRecord.MACS_OFFSET);
            flops += t.get(j, LayerMetricsRecord.FLOPS_OFFSET);
            params += t.get(j, LayerMetricsRecord.PARAMS_OFFSET);
            act += t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET);
        }
        int layers = node.end() - node.first();
        String[] row = place(t, node.end() - 1);
        row[0] = (node.first() + 1) + "-" + node.end();
        row[1] = indent + node.label() + (expanded ? "" : " [" + layers + " layers]");
        row[6] = macs == 0 ? "--" : Formatting.human(macs);
        row[7] = Formatting.share(macs, m.macs());
        row[8] = flops == 0 ? "--" : Formatting.human(flops);
        row[9] = params == 0 ? "--" : Formatting.human(params);
        row[10] = Formatting.share(params, m.params());
        row[11] = act == 0 ? "in place" : Formatting.bytes(act);
        row[12] = !expanded && peak >= node.first() && peak < node.end() ? marker(t.get(peak, LayerMetricsRecord.LIVE_BYTES_OFFSET)) : "";
        return row;
    }

    /** A row with layer {@code j}'s output shape and r, S, P filled in. */
    private static String[] place(LayerTable t, int j) {
        boolean global = t.isGlobal(j);
        String[] row = new String[HEADER.length];
        row[2] = SummaryReport.shape(t, j);
        row[3] = global ? "whole" : Formatting.axes(t.get(j, LayerMetricsRecord.RF_H_OFFSET), t.get(j, LayerMetricsRecord.RF_W_OFFSET));
        row[4] = global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.STRIDE_H_OFFSET), t.get(j, LayerMetricsRecord.STRIDE_W_OFFSET));
        row[5] = global ? "-" : Formatting.axes(t.get(j, LayerMetricsRecord.PAD_H_OFFSET), t.get(j, LayerMetricsRecord.PAD_W_OFFSET));
        return row;
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
