package io.archmeter.bridge;

import io.archmeter.grammar.NasBench201;

/**
 * The input shape of a candidate given without one: the notation's own, as {@code archmeter summary}
 * chooses it. A NAS-Bench-201 cell string or NATS-Bench size string is a CIFAR network, 32×32×3
 * (its published FLOPs and parameters are on that input); any other architecture string is costed
 * on ImageNet's 224×224×3.
 */
public final class InputDefaults {
    /** The input of layer strings given without one. */
    public static final int LAYERS_H = 224;
    public static final int LAYERS_W = 224;
    public static final int LAYERS_C = 3;
    /** The input of NAS-Bench-201 / NATS-Bench strings given without one (CIFAR). */
    public static final int CELL_H = 32;
    public static final int CELL_W = 32;
    public static final int CELL_C = 3;

    private InputDefaults() {
    }

    /** True if {@code arch} is a NAS-Bench-201 cell or NATS-Bench size string, whose default input is CIFAR's. */
    public static boolean isCifarNotation(CharSequence arch) {
        if (NasBench201.isCellString(arch)) {
            return true;
        }
        int i = 0;
        while (i < arch.length() && arch.charAt(i) <= ' ') {
            i++;
        }
        // the size-string check trims a copy of the string: only strings starting with a digit can be one
        return i < arch.length() && arch.charAt(i) >= '0' && arch.charAt(i) <= '9' && NasBench201.isSizeString(arch);
    }

    /** The default input of {@code arch} as {@code {h, w, c}} written into {@code hwc}. */
    static void of(CharSequence arch, int[] hwc) {
        boolean cifar = isCifarNotation(arch);
        hwc[0] = cifar ? CELL_H : LAYERS_H;
        hwc[1] = cifar ? CELL_W : LAYERS_W;
        hwc[2] = cifar ? CELL_C : LAYERS_C;
    }
}
