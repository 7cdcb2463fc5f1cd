package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.report.Formatting;
import io.archmeter.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code archmeter zoo}: one row per built-in model with its totals. Every number comes from
 * {@link Engine}, exactly as {@code archmeter summary NAME} computes it; this command only formats.
 */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = {"Totals of every built-in model (or of the NAMEs given), each on its usual input:",
            "MACs, FLOPs, parameters, model size, activation peak and total bytes, receptive field r / effective stride S.",
            "'archmeter summary NAME' shows one model layer by layer."})
public final class ZooCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Built-in models to show (default: all, in zoo order).")
    List<String> names;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ConventionOptions conventions;

    private static final String[] CSV_COLUMNS = {
        "name", "input", "macs", "flops", "params", "weight_bytes", "model_mib", "act_peak_bytes", "act_total_bytes",
        "rf_h", "rf_w", "stride_h", "stride_w"};

    /** One scored model. */
    private record Row(Zoo.Model model, Metrics metrics) {
    }

    @Override
    public Integer call() {
        final String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "': expected text, csv or json");
        }
        List<Zoo.Model> models = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            models.addAll(Zoo.all().values());
        } else {
            for (String n : names) {
                models.add(Zoo.find(n.trim()).orElseThrow(() -> new IllegalArgumentException("unknown model '" + n
                        + "': expected one of " + String.join(", ", Zoo.all().keySet()))));
            }
        }
        final Conventions c = conventions.toConventions();
        final Engine engine = new Engine(c);
        List<Row> rows = new ArrayList<>(models.size());
        for (Zoo.Model m : models) {
            CandidateBatch batch = ArchParser.parse(m.arch(), m.input());
            rows.add(new Row(m, engine.score(batch, 0, new Metrics())));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (f) {
            case "csv" -> csv(rows, out);
            case "json" -> json(rows, c, out);
            default -> text(rows, c, out);
        }
        out.flush();
        return 0;
    }

    private static void text(List<Row> rows, Conventions c, PrintWriter out) {
        out.printf(Locale.ROOT, "archmeter zoo (%s)%n%n", c.label());
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"model", "input", "MACs", "FLOPs", "params", "size MiB (" + c.weightType() + ")",
            "act peak bytes", "act total bytes", "r / S"});
        for (Row r : rows) {
            Metrics m = r.metrics();
            cells.add(new String[] {r.model().name(), r.model().input().toString(), Formatting.grouped(m.macs()), Formatting.grouped(m.flops()),
                Formatting.grouped(m.params()), Formatting.perUnit(m.weightBytes(), 1024 * 1024, 2), Formatting.grouped(m.activationPeakBytes()),
                Formatting.grouped(m.activationTotalBytes()),
                Formatting.axes(m.receptiveFieldH(), m.receptiveFieldW()) + " / " + Formatting.axes(m.strideH(), m.strideW())});
        }
        int[] width = new int[cells.get(0).length];
        for (String[] r : cells) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < cells.size(); k++) {
            String[] r = cells.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                sb.append(i == 0 ? "" : "  ").append(i < 2 ? r[i] + pad : pad + r[i]);
            }
            String line = sb.toString().stripTrailing();
            out.println(line);
            if (k == 0) {
                out.println("-".repeat(line.length()));
            }
        }
    }

    private static void csv(List<Row> rows, PrintWriter out) {
        out.println(String.join(",", CSV_COLUMNS));
        for (Row r : rows) {
            Metrics m = r.metrics();
            out.printf(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d%n", r.model().name(), r.model().input(),
                    m.macs(), m.flops(), m.params(), m.weightBytes(), Formatting.perUnit(m.weightBytes(), 1024 * 1024, 2),
                    m.activationPeakBytes(), m.activationTotalBytes(),
                    m.receptiveFieldH(), m.receptiveFieldW(), m.strideH(), m.strideW());
        }
    }

    private static void json(List<Row> rows, Conventions c, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"conventions\": {\"flops\": ").append(Formatting.quote(c.flops().toString()))
          .append(", \"elementwise\": ").append(c.countElementwise())
          .append(", \"weight_dtype\": ").append(Formatting.quote(c.weightType().toString()))
          .append(", \"act_dtype\": ").append(Formatting.quote(c.activationType().toString())).append("},\n");
        sb.append("  \"models\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Metrics m = r.metrics();
            sb.append("    {\"name\": ").append(Formatting.quote(r.model().name()))
              .append(", \"description\": ").append(Formatting.quote(r.model().description()))
              .append(", \"input\": ").append(Formatting.quote(r.model().input().toString()))
              .append(", \"macs\": ").append(m.macs())
              .append(", \"flops\": ").append(m.flops())
              .append(", \"params\": ").append(m.params())
              .append(", \"weight_bytes\": ").append(m.weightBytes())
              .append(", \"model_mib\": ").append(Formatting.perUnit(m.weightBytes(), 1024 * 1024, 2))
              .append(", \"act_peak_bytes\": ").append(m.activationPeakBytes())
              .append(", \"act_total_bytes\": ").append(m.activationTotalBytes())
              .append(", \"rf_h\": ").append(m.receptiveFieldH()).append(", \"rf_w\": ").append(m.receptiveFieldW())
              .append(", \"stride_h\": ").append(m.strideH()).append(", \"stride_w\": ").append(m.strideW())
              .append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        sb.append("  ]\n}");
        out.println(sb);
    }
}
