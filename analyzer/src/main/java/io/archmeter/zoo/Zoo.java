package io.archmeter.zoo;

import io.archmeter.model.InputShape;
import io.archmeter.model.Suggest;

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

    /** A max-pooling step in a VGG configuration. */
    private static final int M = 0;

    /** torchvision's ResNet stem: 7x7/2 conv without bias, BN, ReLU, 3x3/2 max pooling with padding 1. */
    private static final String RESNET_STEM = "conv_k7_s2_p3_c64_b0 bn relu maxpool_k3_s2_p1";

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

        // ---- torchvision VGG: 3x3 convolutions with bias, 2x2 max pooling; AdaptiveAvgPool2d((7, 7)) is
        // the identity at 224 and left out
        add("vgg11", "torchvision vgg11 (configuration A, no batch norm)", "224x224x3",
                vgg(false, 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M));
        add("vgg11_bn", "torchvision vgg11_bn (configuration A, batch norm after every conv, conv biases kept)", "224x224x3",
                vgg(true, 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M));
        add("vgg13", "torchvision vgg13 (configuration B, no batch norm)", "224x224x3",
                vgg(false, 64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M));
        add("vgg13_bn", "torchvision vgg13_bn (configuration B, batch norm after every conv, conv biases kept)", "224x224x3",
                vgg(true, 64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M));
        add("vgg16_bn", "torchvision vgg16_bn (configuration D, batch norm after every conv, conv biases kept)", "224x224x3",
                vgg(true, 64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M));
        add("vgg19", "torchvision vgg19 (configuration E, no batch norm)", "224x224x3",
                vgg(false, 64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M));
        add("vgg19_bn", "torchvision vgg19_bn (configuration E, batch norm after every conv, conv biases kept)", "224x224x3",
                vgg(true, 64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M));

        // ---- torchvision ResNet (v1.5: the stride on the 3x3 of the first unit of a stage)
        add("resnet18", "torchvision resnet18 (BasicBlock x [2, 2, 2, 2], 1x1 projection shortcuts)", "224x224x3",
                RESNET_STEM + " res_r2_c64 res_r2_s2_c128 res_r2_s2_c256 res_r2_s2_c512 gap fc_c1000");
        add("resnet34", "torchvision resnet34 (BasicBlock x [3, 4, 6, 3], 1x1 projection shortcuts)", "224x224x3",
                RESNET_STEM + " res_r3_c64 res_r4_s2_c128 res_r6_s2_c256 res_r3_s2_c512 gap fc_c1000");
        add("resnet50", "torchvision resnet50 (Bottleneck x [3, 4, 6, 3], stride on the 3x3)", "224x224x3",
                RESNET_STEM + " bot_r3_c256 bot_r4_s2_c512 bot_r6_s2_c1024 bot_r3_s2_c2048 gap fc_c1000");
        add("resnet101", "torchvision resnet101 (Bottleneck x [3, 4, 23, 3], stride on the 3x3)", "224x224x3",
                RESNET_STEM + " bot_r3_c256 bot_r4_s2_c512 bot_r23_s2_c1024 bot_r3_s2_c2048 gap fc_c1000");
        add("resnet152", "torchvision resnet152 (Bottleneck x [3, 8, 36, 3], stride on the 3x3)", "224x224x3",
                RESNET_STEM + " bot_r3_c256 bot_r8_s2_c512 bot_r36_s2_c1024 bot_r3_s2_c2048 gap fc_c1000");
        add("resnet_v1_50", "TF-slim resnet_v1_50 (stride 2 on the 3x3 of the LAST unit of blocks 1-3, shortcut"
                        + " subsampled by a 1x1 max pool there; the same-padded 3x3/s2 max pool written with p1)",
                "224x224x3",
                RESNET_STEM
                        + " bot_r2_c256 " + slimStridedUnit(64, 256)
                        + " bot_r3_c512 " + slimStridedUnit(128, 512)
                        + " bot_r5_c1024 " + slimStridedUnit(256, 1024)
                        + " bot_r3_c2048 gap fc_c1000");

        // ---- mobile networks
        add("mobilenet_v1", "MobileNetV1 1.0-224 as in TF-slim (13 depthwise-separable blocks, BN + ReLU6, TF \"SAME\""
                        + " padding: tfsame1, the extra pixel after, as Keras' ZeroPadding2D on even inputs; 1x1 conv classifier"
                        + " with bias written as fc)",
                "224x224x3",
                "cn_k3_s2_c32_relu6_tfsame1 dsa_k3_c64_relu6_tfsame1 dsa_k3_s2_c128_relu6_tfsame1 dsa_k3_c128_relu6_tfsame1"
                        + " dsa_k3_s2_c256_relu6_tfsame1 dsa_k3_c256_relu6_tfsame1 dsa_k3_s2_c512_relu6_tfsame1"
                        + " dsa_r5_k3_c512_relu6_tfsame1 dsa_k3_s2_c1024_relu6_tfsame1 dsa_k3_c1024_relu6_tfsame1 gap dropout fc_c1000");
        add("mobilenet_v2", "torchvision mobilenet_v2 (width 1.0, ReLU6, last conv 1280)", "224x224x3",
                "cn_k3_s2_c32_relu6 ds_k3_c16_relu6 ir_r2_k3_s2_e6_c24_relu6 ir_r3_k3_s2_e6_c32_relu6"
                        + " ir_r4_k3_s2_e6_c64_relu6 ir_r3_k3_e6_c96_relu6 ir_r3_k3_s2_e6_c160_relu6 ir_k3_e6_c320_relu6"
                        + " cn_k1_c1280_relu6 gap dropout fc_c1000");
        add("mobilenet_v3_small", "torchvision mobilenet_v3_small (hard-sigmoid SE on the expanded channels,"
                        + " expansions 72/88/96... written as ratios: 88 = make_divisible(24 x 3.67, 8))",
                "224x224x3",
                "cn_k3_s2_c16_hswish ds_k3_s2_c16_seh0.25 ir_k3_s2_e4.5_c24 ir_k3_e3.67_c24"
                        + " ir_k5_s2_e4_c40_seh0.25_hswish ir_r2_k5_e6_c40_seh0.25_hswish ir_r2_k5_e3_c48_seh0.25_hswish"
                        + " ir_k5_s2_e6_c96_seh0.25_hswish ir_r2_k5_e6_c96_seh0.25_hswish"
                        + " cn_k1_c576_hswish gap fc_c1024 hswish dropout fc_c1000");
        add("mobilenet_v3_large", "torchvision mobilenet_v3_large (hard-sigmoid SE on the expanded channels,"
                        + " expansions 200/184 written as e2.5/e2.3)",
                "224x224x3",
                "cn_k3_s2_c16_hswish ds_k3_c16 ir_k3_s2_e4_c24 ir_k3_e3_c24"
                        + " ir_k5_s2_e3_c40_seh0.25 ir_r2_k5_e3_c40_seh0.25"
                        + " ir_k3_s2_e6_c80_hswish ir_k3_e2.5_c80_hswish ir_r2_k3_e2.3_c80_hswish"
                        + " ir_r2_k3_e6_c112_seh0.25_hswish ir_k5_s2_e6_c160_seh0.25_hswish ir_r2_k5_e6_c160_seh0.25_hswish"
                        + " cn_k1_c960_hswish gap fc_c1280 hswish dropout fc_c1000");
        add("mnasnet1_0", "torchvision mnasnet1_0 (MnasNet-B1, depth multiplier 1.0, no SE)", "224x224x3",
                "cn_k3_s2_c32 ds_k3_c16 ir_r3_k3_s2_e3_c24 ir_r3_k5_s2_e3_c40 ir_r3_k5_s2_e6_c80"
                        + " ir_r2_k3_e6_c96 ir_r4_k5_s2_e6_c192 ir_k3_e6_c320 cn_k1_c1280 gap dropout fc_c1000");
        add("efficientnet_b0", "torchvision efficientnet_b0 (MBConv with SiLU and SE squeezing to 1/4 of the block input)",
                "224x224x3",
                "cn_k3_s2_c32_swish ds_k3_c16_sei0.25_swish ir_r2_k3_s2_e6_c24_sei0.25_swish"
                        + " ir_r2_k5_s2_e6_c40_sei0.25_swish ir_r3_k3_s2_e6_c80_sei0.25_swish ir_r3_k5_e6_c112_sei0.25_swish"
                        + " ir_r4_k5_s2_e6_c192_sei0.25_swish ir_k3_e6_c320_sei0.25_swish cn_k1_c1280_swish"
                        + " gap dropout fc_c1000");
        String[] shuffleWidths = {"0_5", "1_0", "1_5", "2_0"};
        int[][] shuffleChannels = {{24, 48, 96, 192, 1024}, {24, 116, 232, 464, 1024}, {24, 176, 352, 704, 1024},
            {24, 244, 488, 976, 2048}};
        for (int i = 0; i < shuffleWidths.length; i++) {
            add("shufflenet_v2_x" + shuffleWidths[i], "torchvision shufflenet_v2_x" + shuffleWidths[i] + " (stages [4, 8, 4] of "
                            + shuffleChannels[i][1] + "/" + shuffleChannels[i][2] + "/" + shuffleChannels[i][3] + " channels: stride-1 units"
                            + " split the channels in halves (slice views), stride-2 units run two branches; concatenated, then"
                            + " channel_shuffle(2))",
                    "224x224x3", shuffleNetV2(shuffleChannels[i]));
        }

        // ---- SqueezeNet, GoogLeNet, DenseNet
        add("squeezenet1_0", "torchvision squeezenet1_0 (fire modules, ceil-mode pooling, 1x1 conv classifier)", "224x224x3",
                "conv_k7_s2_p0_c96 relu maxpool_k3_s2_ceil1 fire_q16_c128 fire_q16_c128 fire_q32_c256 maxpool_k3_s2_ceil1"
                        + " fire_q32_c256 fire_q48_c384 fire_q48_c384 fire_q64_c512 maxpool_k3_s2_ceil1 fire_q64_c512"
                        + " dropout conv_k1_c1000 relu gap");
        add("squeezenet1_1", "torchvision squeezenet1_1 (3x3 stem, earlier pooling, ceil-mode pooling)", "224x224x3",
                "conv_k3_s2_p0_c64 relu maxpool_k3_s2_ceil1 fire_q16_c128 fire_q16_c128 maxpool_k3_s2_ceil1"
                        + " fire_q32_c256 fire_q32_c256 maxpool_k3_s2_ceil1 fire_q48_c384 fire_q48_c384 fire_q64_c512"
                        + " fire_q64_c512 dropout conv_k1_c1000 relu gap");
        add("googlenet", "torchvision googlenet (aux_logits off as released, BN convs without bias, ceil-mode pools;"
                        + " branch 3 is a 3x3 conv as in torchvision, not 5x5)",
                "224x224x3",
                "cn_k7_s2_c64 maxpool_k3_s2_ceil1 cn_k1_c64 cn_k3_c192 maxpool_k3_s2_ceil1"
                        + " " + inception(64, 96, 128, 16, 32, 32) + " " + inception(128, 128, 192, 32, 96, 64)
                        + " maxpool_k3_s2_ceil1"
                        + " " + inception(192, 96, 208, 16, 48, 64) + " " + inception(160, 112, 224, 24, 64, 64)
                        + " " + inception(128, 128, 256, 24, 64, 64) + " " + inception(112, 144, 288, 32, 64, 64)
                        + " " + inception(256, 160, 320, 32, 128, 128)
                        + " maxpool_k2_s2_ceil1"
                        + " " + inception(256, 160, 320, 32, 128, 128) + " " + inception(384, 192, 384, 48, 128, 128)
                        + " gap dropout fc_c1000");
        add("densenet121", "torchvision densenet121 (growth 32, bn_size 4, blocks [6, 12, 24, 16], transitions halve"
                        + " the channels)",
                "224x224x3",
                "conv_k7_s2_c64_b0 bn relu maxpool_k3_s2_p1"
                        + denseBlock(6) + " bn relu conv_k1_c128_b0 avgpool_k2"
                        + denseBlock(12) + " bn relu conv_k1_c256_b0 avgpool_k2"
                        + denseBlock(24) + " bn relu conv_k1_c512_b0 avgpool_k2"
                        + denseBlock(16) + " bn relu gap fc_c1000");

        // ---- microcontroller-sized networks (no published reference: the numbers are archmeter's own)
        add("mcunet-style-in", "illustrative MCUNet-style ImageNet net (not a published model): ir blocks with kernels"
                        + " 3/5/7 and expansions 3/4/6, ReLU6, ~0.72M params, ~40M MACs",
                "160x160x3",
                "cn_k3_s2_c16_relu6 ds_k3_c8_relu6 ir_k7_s2_e3_c16_relu6 ir_k3_e4_c16_relu6"
                        + " ir_k7_s2_e6_c24_relu6 ir_k5_e3_c24_relu6 ir_k5_e4_c24_relu6"
                        + " ir_k3_s2_e4_c40_relu6 ir_k5_e4_c40_relu6 ir_k5_e3_c40_relu6"
                        + " ir_k5_s2_e6_c80_relu6 ir_k3_e3_c80_relu6 ir_k7_e4_c96_relu6 ir_k5_e3_c96_relu6"
                        + " ir_k7_e4_c160_relu6 ir_k3_e3_c160_relu6 gap dropout fc_c1000");
        add("mcunet-style-vww", "illustrative MCUNet-style visual-wake-words net (not a published model): ir blocks with"
                        + " kernels 3/5/7 and expansions 3/4/6, ReLU6, 2 classes, ~0.24M params, ~9.5M MACs",
                "96x96x3",
                "cn_k3_s2_c16_relu6 ds_k3_c8_relu6 ir_k7_s2_e3_c16_relu6 ir_k3_e4_c16_relu6"
                        + " ir_k5_s2_e4_c24_relu6 ir_k3_e3_c24_relu6 ir_k7_s2_e6_c40_relu6 ir_k5_e3_c40_relu6"
                        + " ir_k5_s2_e6_c48_relu6 ir_k3_e4_c48_relu6 ir_k7_e3_c96_relu6 ir_k3_e6_c96_relu6"
                        + " gap dropout fc_c2");
    }

    private Zoo() {
    }

    /**
     * torchvision's ShuffleNetV2 with {@code channels} = stages_out_channels: conv 3x3/2, max pool,
     * stages of [4, 8, 4] InvertedResidual units, conv 1x1, global pool, fc. A stride-2 unit is
     * {@code cat(branch1(x), branch2(x))}: branch1 dw 3x3/2, BN, 1x1 to C/2, BN, ReLU; branch2 1x1 to
     * C/2, BN, ReLU, dw 3x3 (stride), BN, 1x1, BN, ReLU. A stride-1 unit is {@code x1, x2 = x.chunk(2,
     * dim=1); cat(x1, branch2(x2))}: the halves are channel slices (views, free). Each unit ends with
     * {@code channel_shuffle(out, 2)}, a copy.
     */
    private static String shuffleNetV2(int[] channels) {
        StringBuilder sb = new StringBuilder("conv_k3_s2_c").append(channels[0]).append("_b0 bn relu maxpool_k3_s2_p1");
        final int[] repeats = {4, 8, 4};
        for (int stage = 0; stage < repeats.length; stage++) {
            final int half = channels[stage + 1] / 2;
            final String branch2 = " conv_k1_c" + half + "_b0 bn relu dw_k3_s%d_b0 bn conv_k1_c" + half + "_b0 bn relu";
            sb.append(" ( dw_k3_s2_b0 bn conv_k1_c").append(half).append("_b0 bn relu |").append(String.format(branch2, 2))
                    .append(" )cat shuffle_g2");
            for (int unit = 1; unit < repeats[stage]; unit++) {
                sb.append(" ( slice_c").append(half).append(" | slice_c").append(half).append("_at").append(half)
                        .append(String.format(branch2, 1)).append(" )cat shuffle_g2");
            }
        }
        return sb.append(" conv_k1_c").append(channels[4]).append("_b0 bn relu gap fc_c1000").toString();
    }

    /** A torchvision VGG: its configuration (channels, {@link #M} for pooling), then the 3-layer classifier. */
    private static String vgg(boolean batchNorm, int... cfg) {
        StringBuilder sb = new StringBuilder();
        for (int v : cfg) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(v == M ? "maxpool_k2" : "conv_k3_c" + v + (batchNorm ? " bn relu" : " relu"));
        }
        return sb.append(" fc_c4096 relu dropout fc_c4096 relu dropout fc_c1000").toString();
    }

    /**
     * TF-slim's resnet_v1 bottleneck unit with the block's stride 2, its last unit: the stride on the
     * 3x3 and a shortcut subsampled by a 1x1 max pool (the unit's input and output depths agree).
     */
    private static String slimStridedUnit(int width, int out) {
        return "( conv_k1_c" + width + "_b0 bn relu conv_k3_s2_c" + width + "_b0 bn relu conv_k1_c" + out + "_b0 bn"
                + " | maxpool_k1_s2 )add relu";
    }

    /** torchvision's GoogLeNet Inception module: 1x1 | 1x1, 3x3 | 1x1, 3x3 (sic) | 3x3/1 max pool, 1x1, concatenated. */
    private static String inception(int ch1x1, int ch3x3red, int ch3x3, int ch5x5red, int ch5x5, int poolProj) {
        return "( cn_k1_c" + ch1x1 + " | cn_k1_c" + ch3x3red + " cn_k3_c" + ch3x3 + " | cn_k1_c" + ch5x5red + " cn_k3_c"
                + ch5x5 + " | maxpool_k3_s1_p1_ceil1 cn_k1_c" + poolProj + " )cat";
    }

    /** {@code layers} torchvision dense layers (BN-ReLU-1x1 to 128, BN-ReLU-3x3 to 32, concatenated to the input), each with a leading space. */
    private static String denseBlock(int layers) {
        return " ( | bn relu conv_k1_c128_b0 bn relu conv_k3_c32_b0 )cat".repeat(layers);
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

    /**
     * The model called {@code name}.
     *
     * @throws IllegalArgumentException "unknown model 'mobilenetv2' (did you mean 'mobilenet_v2'?); `archmeter zoo`
     *         lists the built-in models"
     */
    public static Model require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(unknownModel(name)));
    }

    /** The message for a name that is no built-in model, with the nearest name when one is close. */
    public static String unknownModel(String name) {
        return "unknown model '" + name + "'" + suggest(name).map(s -> " (did you mean '" + s + "'?)").orElse("")
                + "; `archmeter zoo` lists the built-in models";
    }

    /**
     * The built-in name nearest to {@code name}: equal once case, '_', '-' and '.' are ignored
     * ({@code mobilenetv2}, {@code ResNet-18}), else within an edit distance of 2 of that form
     * (1 for names of 4 characters or fewer); the first in zoo order on a tie.
     */
    public static Optional<String> suggest(String name) {
        String n = normal(name);
        String best = null;
        int bestDistance = n.length() <= 4 ? 2 : 3;
        for (String candidate : MODELS.keySet()) {
            int d = Suggest.distance(n, normal(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normal(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch != '_' && ch != '-' && ch != '.') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
