package io.archmeter.model;

import java.util.Locale;

/**
 * How multiply-accumulates become "FLOPs". Tools and papers disagree; archmeter labels every
 * number with the convention it follows.
 *
 * <p>For a convolution with kernel kh×kw, C_in input channels, g groups and an output of
 * H_out×W_out×C_out, MACs = kh·kw·(C_in/g)·H_out·W_out·C_out (bias not counted; the convention of
 * torchvision's published GFLOPS, fvcore and most NAS papers). Then:
 * <ul>
 *   <li>{@link #MULTIPLY} (default): every multiplication, a bias counted as one more per output
 *       element: (kh·kw·C_in/g + 1)·H_out·W_out·C_out = MACs + outputs. For a fully-connected layer
 *       (in + 1)·out. This is the convention of ptflops and of NAS-Bench-201's published FLOPs, and
 *       of the AlexNet tutorial this project started from (conv1: 364·55·55·96 = 105,705,600).</li>
 *   <li>{@link #STRICT}: floating-point operations, a multiply and an add each:
 *       2·MACs, plus one addition per output element for the bias.</li>
 * </ul>
 * Layers without a bias add nothing for it in either convention.
 */
public enum FlopsConvention {
    /** MACs + one per output element of a layer with a bias (ptflops, NAS-Bench-201). */
    MULTIPLY,
    /** 2·MACs + one per output element of a layer with a bias. */
    STRICT;

    /** Parses {@code multiply} or {@code strict}. */
    public static FlopsConvention parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown FLOPs convention '" + name + "': expected multiply or strict", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
