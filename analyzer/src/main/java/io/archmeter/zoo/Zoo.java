package io.archmeter.zoo;

import io.archmeter.model.InputShape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in models, written in the architecture grammar itself, so that the zoo is also a
 * test of the grammar. Each has the input size it is usually quoted at.
 */
public final class Zoo {

    /** A built-in model: its name, what it is, its usual input and its architecture string. */
    public record Model(String name, String description, InputShape input, String arch) {
    }

    private static final Map<String, Model> MODELS = new LinkedHashMap<>();

    static {
        add("alexnet", "Caffe AlexNet (Krizhevsky et al. 2012, BVLC reference: grouped conv2/4/5, LRN, ceil pooling)",
                "227x227x3",
                "conv_k11_s4_p0_c96 relu lrn maxpool_k3_s2_ceil1"
                        + " conv_k5_p2_g2_c256 relu lrn maxpool_k3_s2_ceil1"
                        + " conv_k3_c384 relu conv_k3_g2_c384 relu conv_k3_g2_c256 relu maxpool_k3_s2_ceil1"
                        + " fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000");
        add("alexnet-tv", "torchvision alexnet (one-GPU variant: 64-192-384-256-256 channels, no LRN)",
                "224x224x3",
                "conv_k11_s4_p2_c64 relu maxpool_k3_s2"
                        + " conv_k5_p2_c192 relu maxpool_k3_s2"
                        + " conv_k3_c384 relu conv_k3_c256 relu conv_k3_c256 relu maxpool_k3_s2"
                        + " dropout fc_c4096 relu dropout fc_c4096 relu fc_c1000");
        add("alexnet-v2", "TF-slim alexnet_v2 (the Distill / google-research receptive-field table; fc6 as a 5x5 VALID conv = fc)",
                "224x224x3",
                "conv_k11_s4_p0_c64 relu maxpool_k3_s2"
                        + " conv_k5_c192 relu maxpool_k3_s2"
                        + " conv_k3_c384 relu conv_k3_c384 relu conv_k3_c256 relu maxpool_k3_s2"
                        + " fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000");
        add("vgg16", "torchvision vgg16 (configuration D, no batch norm)",
                "224x224x3",
                "conv_k3_c64 relu conv_k3_c64 relu maxpool_k2"
                        + " conv_k3_c128 relu conv_k3_c128 relu maxpool_k2"
                        + " conv_k3_c256 relu conv_k3_c256 relu conv_k3_c256 relu maxpool_k2"
                        + " conv_k3_c512 relu conv_k3_c512 relu conv_k3_c512 relu maxpool_k2"
                        + " conv_k3_c512 relu conv_k3_c512 relu conv_k3_c512 relu maxpool_k2"
                        + " fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000");
    }

    private Zoo() {
    }

    private static void add(String name, String description, String input, String arch) {
        MODELS.put(name, new Model(name, description, InputShape.parse(input), arch));
    }

    /** The model called {@code name}, if there is one. */
    public static Optional<Model> find(String name) {
        return Optional.ofNullable(MODELS.get(name));
    }

    /** Every built-in model, in a stable order. */
    public static Map<String, Model> all() {
        return Collections.unmodifiableMap(MODELS);
    }
}
