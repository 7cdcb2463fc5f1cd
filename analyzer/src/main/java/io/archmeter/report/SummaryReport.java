package io.archmeter.report;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.engine.LayerMetricsRecord;
import io.archmeter.engine.LayerTable;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.model.Op;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Renders a {@link LayerTable} as the per-layer table of {@code archmeter summary}: text for
 * people ({@link SummaryText}), CSV ({@link SummaryCsv}) and JSON ({@link SummaryJson}) for
 * programs. It formats; every number comes from the engine.
 */
public final class SummaryReport {

    /** Output formats. */
    public enum Format {
        TEXT, CSV, JSON;

        /** The format called {@code name} ({@code text}, {@code csv} or {@code json}, any case). */
        public static Format parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + name + "': expected text, csv or json", e);
            }
        }
    }

    /**
     * How to render.
     *
     * @param totalsRow CSV only: add a leading {@code kind} column ({@code layer} or {@code total}) and a last
     *                  row with the totals; without it the CSV has one data row per layer and nothing else
     * @param spans     which token wrote each layer (from the parser), or null: text then groups its rows by block
     *                  token and branch group
     * @param depth     text with spans: how many levels of blocks and groups to open (0: top-level rows only;
     *                  negative: all)
     */
    public record Options(boolean totalsRow, TokenSpans spans, int depth) {
        /** One row per layer, no totals row. */
        public static final Options DEFAULT = new Options(false, null, -1);

        /**
         * @param totalsRow see the record
         */
        public Options(boolean totalsRow) {
            this(totalsRow, null, -1);
        }
    }

    /**
     * The CSV and JSON names of the per-layer fields, in column order (CSV adds {@code kind} first with a totals row):
     * the numbers of {@link #numbers}, then the token of the string that wrote the layer, as written, and the
     * number of branch groups open around it (both empty when the parser's spans are not known).
     */
    static final String[] COLUMNS = {
        "index", "layer", "output", "rf_h", "rf_w", "stride_h", "stride_w", "pad_h", "pad_w", "global",
        "macs", "flops", "params", "act_bytes", "live_bytes", "peak", "token", "group_depth"};

    private SummaryReport() {
    }

    /**
     * Writes the summary of {@code table}.
     *
     * @param name the model's name ("resnet18", or "architecture" for a string)
     * @param arch the architecture string that was costed (the JSON carries it)
     */
    public static void write(String name, String arch, LayerTable table, Format format, Options options, PrintWriter out) {
        switch (format) {
            case CSV -> SummaryCsv.write(table, options, out);
            case JSON -> SummaryJson.write(name, arch, table, options.spans(), out);
            default -> SummaryText.write(name, table, options.spans(), options.depth(), out);
        }
        out.flush();
    }

    /**
     * The layer's canonical token; in a graph, followed by where its inputs come from when that is
     * not the layer just above: {@code <-5} reads layer 5, {@code <-0} the network input,
     * {@code )add <-12,7} joins layers 12 and 7.
     */
    static String layerToken(LayerTable t, int j) {
        String token = ArchFormatter.token(t.layerRecord(j), 0);
        int in0 = t.record(j, LayerRecord.IN0_OFFSET);
        int in1 = t.record(j, LayerRecord.IN1_OFFSET);
        if (in1 != LayerRecord.NO_INPUT) {
            return token + " <-" + (j + 1 - in0) + "," + (j + 1 - in1);
        }
        return in0 == LayerRecord.PREVIOUS ? token : token + " <-" + (j + 1 - in0);
    }

    /** Layer {@code j}'s output shape, {@code HxWxC}. */
    static String shape(LayerTable t, int j) {
        return t.get(j, LayerMetricsRecord.OUT_H_OFFSET) + "x" + t.get(j, LayerMetricsRecord.OUT_W_OFFSET) + "x"
                + t.get(j, LayerMetricsRecord.OUT_C_OFFSET);
    }

    /** Bytes of the network input in the activation dtype. */
    static long inputBytes(LayerTable t) {
        return (long) t.input().height() * t.input().width() * t.input().channels() * t.conventions().activationType().bytes();
    }

    /**
     * The layer (0-based) where the activation peak occurs: the first whose live bytes reach the
     * peak; -1 when no layer allocates and the peak is the input alone.
     */
    static int peakLayer(LayerTable t) {
        long peak = t.totals().activationPeakBytes();
        for (int j = 0; j < t.size(); j++) {
            if (t.get(j, LayerMetricsRecord.LIVE_BYTES_OFFSET) == peak) {
                return j;
            }
        }
        return -1;
    }

    /** True if any layer reads something other than the layer above it. */
    static boolean isGraph(LayerTable t) {
        for (int j = 0; j < t.size(); j++) {
            if (t.record(j, LayerRecord.IN0_OFFSET) != LayerRecord.PREVIOUS || t.record(j, LayerRecord.IN1_OFFSET) != LayerRecord.NO_INPUT
                    || Op.ofCode(t.record(j, LayerRecord.OP_OFFSET)).memory() == Op.Memory.VIEW) {
                return true;
            }
        }
        return false;
    }

    /** The per-layer numbers of {@link #COLUMNS} from {@code rf_h} to {@code live_bytes}, and {@code peak} as 0 or 1. */
    static long[] numbers(LayerTable t, int j, int peakLayer) {
        return new long[] {
            t.get(j, LayerMetricsRecord.RF_H_OFFSET), t.get(j, LayerMetricsRecord.RF_W_OFFSET),
            t.get(j, LayerMetricsRecord.STRIDE_H_OFFSET), t.get(j, LayerMetricsRecord.STRIDE_W_OFFSET),
            t.get(j, LayerMetricsRecord.PAD_H_OFFSET), t.get(j, LayerMetricsRecord.PAD_W_OFFSET),
            t.get(j, LayerMetricsRecord.GLOBAL_OFFSET),
            t.get(j, LayerMetricsRecord.MACS_OFFSET), t.get(j, LayerMetricsRecord.FLOPS_OFFSET),
            t.get(j, LayerMetricsRecord.PARAMS_OFFSET), t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET),
            t.get(j, LayerMetricsRecord.LIVE_BYTES_OFFSET), j == peakLayer ? 1 : 0};
    }
}
