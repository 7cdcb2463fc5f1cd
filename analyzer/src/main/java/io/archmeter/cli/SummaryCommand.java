package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.LayerTable;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import io.archmeter.report.SummaryReport;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code archmeter summary MODEL}: the per-layer table and totals of one network. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Per-layer table and totals of one network: output shape, receptive field r,",
            "effective stride S and padding P, MACs, FLOPs, parameters and activation bytes.",
            "MODEL is a built-in name (see 'archmeter zoo': alexnet, vgg16, resnet50, mobilenet_v2, ...), an",
            "architecture string (e.g. 'conv_k3_s2_c32 bn relu gap fc_c10'), a NAS-Bench-201 cell string",
            "(|nor_conv_3x3~0|+|...|), a NATS-Bench size string (8:16:32:48:64), a timm model or arch_def",
            "(timm:mobilenetv3_large_100), an OFA-MobileNetV3, MCUNet or ProxylessNAS config (ofa-mbv3:{...},",
            "mcunet:{...}, proxyless:{...}) or a ProxylessNAS/MCUNet net_config ({\"name\": \"ProxylessNASNets\", ...})."})
public final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A built-in model name or an architecture string.")
    String model;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = {"Input shape; default: the built-in model's own, a search space's reference (32x32x3 for",
                "NAS-Bench-101/201, NATS-Bench and DARTS genotypes, 224x224x3 for RegNet and the MobileNet family),",
                "224x224x3 for any other string. A config that states its resolution (ofa-mbv3 and mcunet r, proxyless r,",
                "net_config resolution) is costed at it (r x r x 3), whatever --input says."})
    String input;

    @Option(names = "--classes", paramLabel = "N",
            description = {"Classes of a search space's network; default: the space's reference (10 for CIFAR-10,",
                "1000 for RegNet, the MobileNet family and DARTS on ImageNet-sized inputs). A net_config's classifier",
                "states its own; plain architecture strings have their fc."})
    Integer classes;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ConventionOptions conventions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name;
        String arch;
        InputShape shape;
        var builtin = Zoo.find(model.trim());
        if (builtin.isPresent()) {
            name = builtin.get().name();
            arch = builtin.get().arch();
            shape = input != null ? InputShape.parse(input) : builtin.get().input();
        } else {
            SearchSpace space = SearchSpaces.STANDARD.recognize(model);
            name = space != null ? space.title() : "architecture";
            arch = model;
            shape = input != null ? InputShape.parse(input) : SearchSpaces.STANDARD.defaultInput(model);
        }
        SummaryReport.Format f;
        try {
            f = SummaryReport.Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + format + "': expected text, csv or json", e);
        }
        CandidateBatch batch = new CandidateBatch();
        ArchParser.parseCandidate(arch, shape.height(), shape.width(), shape.channels(), FilterCommand.classes(classes), batch);
        Engine engine = new Engine(conventions.toConventions());
        if (input != null && (batch.inputHeight(0) != shape.height() || batch.inputWidth(0) != shape.width()
                || batch.inputChannels(0) != shape.channels())) {
            spec.commandLine().getErr().println("archmeter: note: the notation states its own input, "
                    + new InputShape(batch.inputHeight(0), batch.inputWidth(0), batch.inputChannels(0))
                    + ", which --input " + shape + " does not change");
        }
        LayerTable table = engine.trace(batch, 0);
        SummaryReport.write(name, table, f, out);
        return 0;
    }
}
