package io.archmeter.bridge;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpaces;

/**
 * The input shape of a candidate given without one: the notation's own, as {@code archmeter summary}
 * and {@code filter} choose it ({@link SearchSpaces#defaultInput}). A search space's string gets its
 * reference input (32×32×3 for NAS-Bench-101/201 cells, NATS-Bench size strings and DARTS genotypes,
 * whose published numbers are on CIFAR; 224×224×3 for RegNet designs); any other architecture
 * string ImageNet's 224×224×3.
 */
public final class InputDefaults {
    private InputDefaults() {
    }

    /** The default input of {@code arch}. Allocates nothing (the registry's recognition does not). */
    public static InputShape of(CharSequence arch) {
        return SearchSpaces.STANDARD.defaultInput(arch);
    }

    /** The default input of {@code arch} as {@code {h, w, c}} written into {@code hwc}. */
    static void of(CharSequence arch, int[] hwc) {
        final InputShape in = of(arch);
        hwc[0] = in.height();
        hwc[1] = in.width();
        hwc[2] = in.channels();
    }
}
