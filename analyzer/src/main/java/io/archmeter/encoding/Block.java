package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Syntax;

import java.util.List;

import static io.archmeter.model.KeyUse.Default.ABSENT;
import static io.archmeter.model.KeyUse.Default.DERIVED;
import static io.archmeter.model.KeyUse.Default.INPUT_CHANNELS;
import static io.archmeter.model.KeyUse.optional;
import static io.archmeter.model.KeyUse.required;

/**
 * The blocks of the search spaces in use, each described once: its token, its keys with their
 * defaults, whether it takes an activation and {@code noskip}. A block is not stored: it expands
 * into layers, branches and joins ({@link Blocks} has each expansion), written through
 * {@link CandidateBuilder#block(Block, Parts)} by the grammar's block tokens
 * ({@code ir_k3_s2_e6_c24}) and the builder's typed helpers alike.
 */
public enum Block implements Syntax {
    /** conv k s c, bn, act; r times. */
    CN("cn", true, false, "conv-BN-activation",
            required(Key.K), optional(Key.S, 1), optional(Key.C, INPUT_CHANNELS), optional(Key.R, 1)),
    /** Inverted residual (MobileNetV2/V3, MnasNet, EfficientNet MBConv). */
    IR("ir", true, true, "inverted residual (MobileNetV2/V3, MnasNet, EfficientNet MBConv)",
            required(Key.K), optional(Key.S, 1), required(Key.C), optional(Key.R, 1),
            optional(Key.E, Key.ONE), optional(Key.SE, ABSENT), optional(Key.SEH, ABSENT)),
    /** Depthwise separable (EfficientNet's first block, timm), with a residual when the shape allows. */
    DS("ds", true, true, "depthwise separable (EfficientNet's first block, timm)",
            required(Key.K), optional(Key.S, 1), required(Key.C), optional(Key.R, 1),
            optional(Key.SE, ABSENT), optional(Key.SEH, ABSENT)),
    /** Depthwise separable with an activation after the pointwise convolution (MobileNetV1); no residual. */
    DSA("dsa", true, false, "depthwise separable with activation (MobileNetV1)",
            required(Key.K), optional(Key.S, 1), required(Key.C), optional(Key.R, 1),
            optional(Key.SE, ABSENT), optional(Key.SEH, ABSENT)),
    /** ResNet basic block (torchvision). */
    RES("res", false, false, "ResNet basic block (torchvision)",
            optional(Key.S, 1), required(Key.C), optional(Key.R, 1)),
    /** ResNet bottleneck (torchvision: stride on the 3×3). */
    BOT("bot", false, false, "ResNet bottleneck (torchvision: stride on the 3x3)",
            optional(Key.S, 1), required(Key.C), optional(Key.W, DERIVED), optional(Key.G, 1),
            optional(Key.R, 1)),
    /** SqueezeNet fire module. */
    FIRE("fire", false, false, "SqueezeNet fire module",
            required(Key.Q), required(Key.C));

    private final String token;
    private final boolean takesActivation;
    private final boolean takesNoskip;
    private final String description;
    private final List<KeyUse> keys;
    private final int keyMask;
    private final int requiredMask;

    Block(String token, boolean takesActivation, boolean takesNoskip, String description, KeyUse... keys) {
        this.token = token;
        this.takesActivation = takesActivation;
        this.takesNoskip = takesNoskip;
        this.description = description;
        this.keys = List.of(keys);
        int mask = 0;
        int req = 0;
        for (KeyUse u : keys) {
            mask |= u.key().bit();
            if (u.rule() == KeyUse.Default.REQUIRED) {
                req |= u.key().bit();
            }
        }
        this.keyMask = mask;
        this.requiredMask = req;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public List<KeyUse> keys() {
        return keys;
    }

    @Override
    public int keyMask() {
        return keyMask;
    }

    @Override
    public int requiredMask() {
        return requiredMask;
    }

    /** Blocks that take an activation also take the bare part {@code noskip} (refused where there is no residual). */
    @Override
    public boolean takesBareParts() {
        return takesActivation;
    }

    /** True if the block takes an activation part (relu by default). */
    public boolean takesActivation() {
        return takesActivation;
    }

    /** True if the block has a residual that {@code noskip} can remove. */
    public boolean takesNoskip() {
        return takesNoskip;
    }

    public String description() {
        return description;
    }

    /** The value of {@code key} in {@code parts}, or its default ({@code 0} for a default that is absent or derived). */
    int value(Parts parts, Key key) {
        if (parts.has(key)) {
            return parts.get(key);
        }
        KeyUse u = use(key);
        return u != null && u.rule() == KeyUse.Default.VALUE ? u.value() : 0;
    }
}
