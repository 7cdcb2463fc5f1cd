package io.archmeter.bridge;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpaces;

/**
 * The input shape of a candidate given without one: the notation's own, as {@code archmeter summary}
 * and {@code filter} choose it ({@link SearchSpaces#defaultInput}). A search space's string gets its
 * reference input (32×32×3 for NAS-Bench-101/201 cells, NATS-Bench size strings and DARTS genotypes,
 * whose published numbers are on CIFAR; 224×224×3 for RegNet designs and
 * the MobileNet-family notations, whose configs may state their own resolution); any other architecture
 * string ImageNet's 224×224×3.
 */
public final class InputDefaults {
    /** The input of layer strings given without one. */
    public static final int LAYERS_H = 224;
    public static final int LAYERS_W = 224;
    public static final int LAYERS_C = 3;

    private InputDefaults() {
    }

    /** The default input of {@code arch} as {@code {h, w, c}} written into {@code hwc}. */
    static void of(CharSequence arch, int[] hwc) {
        final InputShape in = SearchSpaces.STANDARD.defaultInput(arch);
        hwc[0] = in.height();
        hwc[1] = in.width();
        hwc[2] = in.channels();
    }
}
