package io.archmeter.spaces.timm;

import io.archmeter.model.Op;

/**
 * One decoded timm block string ({@code ir_r2_k3_s2_e6_c24_se0.25_nre}), with the meaning timm's
 * {@code _decode_block_str} gives each part. Numbers keep timm's types: the expansion and
 * squeeze-excite ratios are Python floats (doubles), everything else ints.
 *
 * @param type        ir, ds, dsa, er or cn
 * @param repeats     {@code r}
 * @param kernels     {@code k}: the depthwise kernel (ir, ds, dsa), the expansion kernel (er), the kernel (cn); a list
 *                    ({@code k3.5.7}, ir, ds, dsa) is a MixNet mixed convolution: the channels split among the kernels
 * @param expKernels  {@code a}: the kernel(s) of ir's expansion convolution (1; {@code a1.1}: mixed, in two channel groups)
 * @param pwKernels   {@code p}: the kernel(s) of the projection convolution (1; {@code p1.1}: mixed)
 * @param stride      {@code s}
 * @param expansion   {@code e} (ir, er; 1 elsewhere)
 * @param outChannels {@code c}, before the model's width multiplier
 * @param seRatio     {@code se} (0: none)
 * @param act         the {@code n…} activation, or null for the model's default
 * @param noskip      {@code noskip} (always for dsa)
 * @param skip        {@code skip} (cn only: a residual add when the shapes allow)
 * @param forceInChs  {@code fc} (er: the channels the expansion is computed from; 0 none)
 * @param groupSize   {@code gs}: channels per group (-1 when not given: depthwise for ir/ds/dsa, dense for er/cn)
 */
public record TimmBlock(String type, int repeats, int[] kernels, int[] expKernels, int[] pwKernels, int stride, double expansion,
                        int outChannels, double seRatio, Op act, boolean noskip, boolean skip, int forceInChs,
                        int groupSize) {

    /** This block with {@code stride} (timm sets it to 1 on every block but a stage's first, and to 1 past output stride 32). */
    public TimmBlock withStride(int newStride) {
        return new TimmBlock(type, repeats, kernels, expKernels, pwKernels, newStride, expansion, outChannels, seRatio, act,
                noskip, skip, forceInChs, groupSize);
    }

    /** The one kernel {@code k} of a block that takes no list (er, cn). */
    public int kernel() {
        return kernels[0];
    }
}
