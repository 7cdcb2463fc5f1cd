package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.report.Formatting;
import io.archmeter.report.TextTable;
import io.archmeter.zoo.Zoo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code archmeter zoo}: one row per built-in model with its totals. Every number comes from
 * {@link Engine}, exactly as {@code archmeter summary NAME} computes it; this command only formats.
 */
@Command(name = "zoo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Totals of every built-in model (or of the NAMEs given), each on its usual input.",
        description = {"MACs, FLOPs, parameters, model size, activation peak and total bytes, receptive field r / effective",
            "stride S. 'archmeter summary NAME' shows one model layer by layer; --arch NAME prints a model's architecture",
            "string, to copy and edit. CSV and JSON carry every model's architecture string too.",
            "",
            "Examples:",
            "  archmeter zoo",
            "  archmeter zoo resnet18 mobilenet_v2 --format csv",
            "  archmeter zoo --arch mobilenet_v2",
            ""})
public final class ZooCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Built-in models to show (default: all, in zoo order).")
    List<String> names;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--arch", paramLabel = "NAME", description = "Print the architecture string of built-in model NAME and nothing else.")
    String arch;

    @Mixin
    ConventionOptions conventions;

    /** RFC 4180 with {@code \n} line ends, as {@code filter} writes. */
    private static final CSVFormat CSV_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private static final String[] CSV_COLUMNS = {
        "name", "input", "macs", "flops", "params", "weight_bytes", "model_mib", "act_peak_bytes", "act_total_bytes",
        "rf_h", "rf_w", "stride_h", "stride_w", "arch"};

    /** One scored model. */
    private record Row(Zoo.Model model, Metrics metrics) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (arch != null) {
            if (names != null && !names.isEmpty()) {
                throw new IllegalArgumentException("--arch prints one model: give its name to --arch alone (got also "
                        + String.join(" ", names) + ")");
            }
            out.println(Zoo.require(arch.strip()).arch());
            out.flush();
            return 0;
        }
        final String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("csv") && !f.equals("json")) {
            throw new IllegalArgumentException("unknown format '" + format + "': expected text, csv or json");
        }
        List<Zoo.Model> models = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            models.addAll(Zoo.all().values());
        } else {
            for (String n : names) {
                models.add(Zoo.require(n.strip()));
            }
        }
        final Conventions c = conventions.toConventions();
        final Engine engine = new Engine(c);
        List<Row> rows = new ArrayList<>(models.size());
        for (Zoo.Model m : models) {
            CandidateBatch batch = ArchParser.parse(m.arch(), m.input());
            rows.add(new Row(m, engine.score(batch, 0, new Metrics())));
        }
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
        TextTable table = new TextTable(new String[] {"model", "input", "MACs", "FLOPs", "params", "size MiB (" + c.weightType() + ")",
            "act peak bytes", "act total bytes", "r / S"}, new boolean[] {true, true, false, false, false, false, false, false, false});
        for (Row r : rows) {
            Metrics m = r.metrics();
            table.row(r.model().name(), r.model().input().toString(), Formatting.grouped(m.macs()), Formatting.grouped(m.flops()),
                Formatting.grouped(m.params()), Formatting.perUnit(m.weightBytes(), 1024 * 1024, 2), Formatting.grouped(m.activationPeakBytes()),
                Formatting.grouped(m.activationTotalBytes()),
                Formatting.axes(m.receptiveFieldH(), m.receptiveFieldW()) + " / " + Formatting.axes(m.strideH(), m.strideW()));
        }
        table.print(out);
    }

    private static void csv(List<Row> rows, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSV_FORMAT);
            csv.printRecord((Object[]) CSV_COLUMNS);
            for (Row r : rows) {
                Metrics m = r.metrics();
                csv.printRecord(r.model().name(), r.model().input(), m.macs(), m.flops(), m.params(), m.weightBytes(),
                        Formatting.perUnit(m.weightBytes(), 1024 * 1024, 2), m.activationPeakBytes(), m.activationTotalBytes(),
                        m.receptiveFieldH(), m.receptiveFieldW(), m.strideH(), m.strideW(), r.model().arch());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
              .append(", \"arch\": ").append(Formatting.quote(r.model().arch()))
              .append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        sb.append("  ]\n}");
        out.println(sb);
    }
}
