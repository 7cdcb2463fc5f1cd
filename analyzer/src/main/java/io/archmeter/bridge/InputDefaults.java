package io.archmeter.bridge;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;

/**
 * The input shape of a candidate given without one: its notation's own, as {@code archmeter summary}
 * chooses it. A string of a search space ({@link SearchSpaces#STANDARD}) gets the input of the
 * space's reference networks ({@link SearchSpace#defaultInput()}: CIFAR's 32×32×3 for NAS-Bench-201
 * and NATS-Bench, whose published FLOPs and parameters are on it); any other architecture string
 * is costed on ImageNet's 224×224×3.
 */
public final class InputDefaults {
    /** The input of strings of the archmeter grammar given without one. */
    public static final InputShape LAYERS = new InputShape(224, 224, 3);

    private InputDefaults() {
    }

    /** The default input of {@code arch}. Allocates nothing (the registry's recognition does not). */
    public static InputShape of(CharSequence arch) {
        SearchSpace space = SearchSpaces.STANDARD.recognize(arch);
        return space != null ? space.defaultInput() : LAYERS;
    }

    /** The default input of {@code arch} written into {@code hwc} as {@code {h, w, c}}. */
    static void of(CharSequence arch, int[] hwc) {
        InputShape in = of(arch);
        hwc[0] = in.height();
        hwc[1] = in.width();
        hwc[2] = in.channels();
    }
}
