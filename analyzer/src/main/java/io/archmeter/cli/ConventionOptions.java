package io.archmeter.cli;

import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import picocli.CommandLine.Option;

/** The options every command shares for the conventions of its numbers. */
public final class ConventionOptions {
    @Option(names = "--flops", paramLabel = "multiply|strict", defaultValue = "multiply",
            description = "FLOPs convention: multiply = MACs + one per biased output (ptflops, NAS-Bench-201; default);"
                    + " strict = 2*MACs + bias additions.")
    String flops;

    @Option(names = "--count-elementwise",
            description = "Add the FLOPs of pooling, batch norm, activations and LRN (see README for the per-element costs).")
    boolean countElementwise;

    @Option(names = "--weight-dtype", paramLabel = "fp32|fp16|bf16|int8|fp64", defaultValue = "fp32",
            description = "Storage type of weights, for weight_bytes (default ${DEFAULT-VALUE}).")
    String weightDtype;

    @Option(names = "--act-dtype", paramLabel = "fp32|fp16|bf16|int8|fp64", defaultValue = "fp32",
            description = "Storage type of activations, for act_* bytes (default ${DEFAULT-VALUE}).")
    String actDtype;

    /** The conventions these options describe. */
    public Conventions toConventions() {
        return new Conventions(FlopsConvention.parse(flops), countElementwise, DType.parse(weightDtype), DType.parse(actDtype));
    }
}
