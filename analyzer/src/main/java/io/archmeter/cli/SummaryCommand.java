package io.archmeter.cli;

import io.archmeter.encoding.Block;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.LayerTable;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.LayerSpans;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.report.SummaryReport;
import io.archmeter.report.TokenSpans;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code archmeter summary MODEL}: the per-layer table and totals of one network. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Per-layer table and totals of one network (a built-in model or an architecture string).",
        description = {"Per layer: output shape, receptive field r, effective stride S and padding P, MACs, FLOPs and parameters",
            "with their share of the total, and the bytes the layer allocates; the layer where the activation peak occurs is",
            "marked. Then the exact totals. Text shows human units (K/M/G = 10^3/10^6/10^9, KiB/MiB = 2^10/2^20 bytes); CSV",
            "and JSON keep exact integers. Rows follow the string: a block token (res_r2_c64) or a branch group ( ... )add",
            "is one row with the sums of its layers, and its layers beneath it, indented (--depth to fold them).",
            "",
            "MODEL is a built-in name ('archmeter zoo' lists them: alexnet, vgg16, resnet50, mobilenet_v2, ...), an architecture",
            "string (e.g. 'conv_k3_s2_c32 bn relu gap fc_c10'), a NAS-Bench-201 cell string (|nor_conv_3x3~0|+|...|) or a",
            "NATS-Bench size string (8:16:32:48:64).",
            "",
            "Examples:",
            "  archmeter summary resnet18",
            "  archmeter summary 'conv_k3_s2_c32 bn relu gap fc_c10' --input 32x32x3 --format csv",
            "  archmeter summary resnet18 --depth 0",
            "  archmeter summary mobilenet_v2 --print-arch",
            ""})
public final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A built-in model name or an architecture string.")
    String model;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = "Input shape as height x width x channels, e.g. 224x224x3 (not PyTorch's CxHxW). Default:"
                + " a built-in model's own; a search space's reference (32x32x3 for NAS-Bench-101/201, NATS-Bench and"
                + " DARTS genotypes, 224x224x3 for RegNet); 224x224x3 for any other string.")
    String input;

    @Option(names = "--classes", paramLabel = "N",
            description = {"Classes of a search space's network; default: the space's reference (10 for CIFAR-10,",
                "1000 for RegNet and DARTS on ImageNet-sized inputs)."})
    Integer classes;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--totals",
            description = {"CSV: add a leading 'kind' column (layer or total) and a last row of totals (its act_bytes",
                "is the total, its live_bytes the peak). Without it: one row per layer, nothing else."})
    boolean totals;

    @Option(names = "--depth", paramLabel = "N",
            description = {"Text: show blocks and branch groups N levels deep (0: one row per top-level token or group,",
                "with the sums of its layers). Default: every level, each layer beneath its block or group."})
    Integer depth;

    @Option(names = "--print-arch", description = "Print MODEL's architecture string (to copy and edit) instead of the table.")
    boolean printArch;

    @Mixin
    ConventionOptions conventions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SummaryReport.Format f = SummaryReport.Format.parse(format);
        String name;
        String arch;
        InputShape shape;
        var builtin = Zoo.find(model.trim());
        if (builtin.isPresent()) {
            name = builtin.get().name();
            arch = builtin.get().arch();
            shape = input != null ? inputShape(input) : builtin.get().input();
        } else {
            SearchSpace space = SearchSpaces.STANDARD.recognize(model);
            name = space != null ? space.title() : "architecture";
            arch = model.strip();
            shape = input != null ? inputShape(input) : SearchSpaces.STANDARD.defaultInput(arch);
            if (space == null && isBareWord(arch) && !isOpName(opOf(arch))) {
                throw new IllegalArgumentException(Zoo.unknownModel(arch));
            }
        }
        if (printArch) {
            out.println(arch);
            out.flush();
            return 0;
        }
        if (depth != null && depth < 0) {
            throw new IllegalArgumentException("--depth " + depth + ": expected 0 (top-level rows only) or more");
        }
        CandidateBatch batch = new CandidateBatch();
        LayerSpans spans = new LayerSpans();
        ArchParser.parseCandidate(arch, shape.height(), shape.width(), shape.channels(), FilterCommand.classes(classes), batch, null, spans);
        Engine engine = new Engine(conventions.toConventions());
        LayerTable table = engine.trace(batch, 0);
        final String written = arch;
        TokenSpans tokens = TokenSpans.of(spans.size(), spans::position, spans::depth, j -> spans.token(written, j));
        SummaryReport.write(name, arch, table, f, new SummaryReport.Options(totals, tokens, depth == null ? -1 : depth), out);
        return 0;
    }

    /** The shape of an {@code --input} option ({@code summary}, {@code filter}), refused when it looks like PyTorch's CxHxW. */
    static InputShape inputShape(String text) {
        InputShape s = InputShape.parse(text);
        if (s.looksChannelsFirst()) {
            throw new IllegalArgumentException("--input " + text.strip() + ": " + s.channelsFirstHint());
        }
        return s;
    }

    /** One word without spaces or group symbols: a model name, or a one-layer architecture. */
    static boolean isBareWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(' || ch == '|' || ch == ')') {
                return false;
            }
        }
        return true;
    }

    /** The op of a token: what precedes its first '_'. */
    private static String opOf(String token) {
        int u = token.indexOf('_');
        return u < 0 ? token : token.substring(0, u);
    }

    /** True if the grammar knows {@code name} as an op (joins are written {@code )add}, not alone) or a block. */
    static boolean isOpName(String name) {
        for (Op op : Op.values()) {
            if (!op.isJoin() && op.token().equals(name)) {
                return true;
            }
        }
        for (Block block : Block.values()) {
            if (block.token().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
