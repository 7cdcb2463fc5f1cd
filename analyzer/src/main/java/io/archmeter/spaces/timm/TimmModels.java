package io.archmeter.spaces.timm;

import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.Divisible;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * timm's registered efficient-net family models that archmeter builds exactly: each one's
 * generator settings ({@code _gen_*} of timm's {@code efficientnet.py} and {@code mobilenetv3.py})
 * and its arch_def, as written in timm. {@code timm:NAME} costs the model; {@code timm:NAME:ARCH_DEF}
 * costs another arch_def under NAME's settings (what the same strings mean depends on them:
 * see {@link TimmSettings}).
 *
 * <p>timm's {@code tf_} ports of the models built here are built too, with TF "SAME" padding
 * ({@code pad_type='same'}); MixNets' mixed convolutions split their channels among the kernels
 * (slices and a concatenation). Refused, with the reason: {@code tf_efficientnetv2_b*} (a
 * generator not built), {@code efficientnet_cc_*} (CondConv), {@code efficientnet_x_*} and
 * {@code _h_*} (space-to-depth), {@code mobilenetv4_*} (universal inverted residuals, attention),
 * the {@code _gn}/{@code _evos}/{@code _ln} norm variants, {@code _blur}/{@code _aa} anti-aliased
 * variants, {@code _pruned} (channel counts from a file), {@code gc_} (global context).
 */
public final class TimmModels {
    /** A timm generator ({@code _gen_*}): the settings it passes for a variant, channel and depth multiplier. */
    @FunctionalInterface
    interface Gen {
        TimmSettings make(String name, double channelMultiplier, double depthMultiplier);
    }

    /**
     * A model: its generator, its multipliers and its arch_def (Python list syntax, as in timm).
     * A depth multiplier of 0 means the generator takes none.
     */
    public record Model(String name, Gen gen, double channelMultiplier, double depthMultiplier, String archDef) {
        /** The settings timm builds this model with. */
        public TimmSettings settings() {
            return gen.make(name, channelMultiplier, depthMultiplier == 0 ? 1.0 : depthMultiplier);
        }

        /**
         * The settings of this model's generator with other multipliers (timm's
         * {@code channel_multiplier} and {@code depth_multiplier}; NaN keeps the model's own).
         */
        public TimmSettings settings(double channelMultiplier, double depthMultiplier) {
            if (!Double.isNaN(depthMultiplier) && this.depthMultiplier == 0) {
                throw new NotationException("timm model '" + name + "': its generator takes no depth multiplier");
            }
            double w = Double.isNaN(channelMultiplier) ? this.channelMultiplier : channelMultiplier;
            double d = Double.isNaN(depthMultiplier) ? (this.depthMultiplier == 0 ? 1.0 : this.depthMultiplier) : depthMultiplier;
            return gen.make(name, w, d);
        }
    }

    private static final Map<String, Model> MODELS = new LinkedHashMap<>();

    private static final String MNASNET_B1 = "[['ds_r1_k3_s1_c16_noskip'], ['ir_r3_k3_s2_e3_c24'], ['ir_r3_k5_s2_e3_c40'],"
            + " ['ir_r3_k5_s2_e6_c80'], ['ir_r2_k3_s1_e6_c96'], ['ir_r4_k5_s2_e6_c192'], ['ir_r1_k3_s1_e6_c320_noskip']]";
    private static final String MNASNET_A1 = "[['ds_r1_k3_s1_e1_c16_noskip'], ['ir_r2_k3_s2_e6_c24'], ['ir_r3_k5_s2_e3_c40_se0.25'],"
            + " ['ir_r4_k3_s2_e6_c80'], ['ir_r2_k3_s1_e6_c112_se0.25'], ['ir_r3_k5_s2_e6_c160_se0.25'], ['ir_r1_k3_s1_e6_c320']]";
    private static final String MNASNET_SMALL = "[['ds_r1_k3_s1_c8'], ['ir_r1_k3_s2_e3_c16'], ['ir_r2_k3_s2_e6_c16'],"
            + " ['ir_r4_k5_s2_e6_c32_se0.25'], ['ir_r3_k3_s1_e6_c32_se0.25'], ['ir_r3_k5_s2_e6_c88_se0.25'], ['ir_r1_k3_s1_e6_c144']]";
    private static final String MOBILENET_V1 = "[['dsa_r1_k3_s1_c64'], ['dsa_r2_k3_s2_c128'], ['dsa_r2_k3_s2_c256'],"
            + " ['dsa_r6_k3_s2_c512'], ['dsa_r2_k3_s2_c1024']]";
    private static final String MOBILENET_V2 = "[['ds_r1_k3_s1_c16'], ['ir_r2_k3_s2_e6_c24'], ['ir_r3_k3_s2_e6_c32'],"
            + " ['ir_r4_k3_s2_e6_c64'], ['ir_r3_k3_s1_e6_c96'], ['ir_r3_k3_s2_e6_c160'], ['ir_r1_k3_s1_e6_c320']]";
    private static final String FBNETC = "[['ir_r1_k3_s1_e1_c16'], ['ir_r1_k3_s2_e6_c24', 'ir_r2_k3_s1_e1_c24'],"
            + " ['ir_r1_k5_s2_e6_c32', 'ir_r1_k5_s1_e3_c32', 'ir_r1_k5_s1_e6_c32', 'ir_r1_k3_s1_e6_c32'],"
            + " ['ir_r1_k5_s2_e6_c64', 'ir_r1_k5_s1_e3_c64', 'ir_r2_k5_s1_e6_c64'], ['ir_r3_k5_s1_e6_c112', 'ir_r1_k5_s1_e3_c112'],"
            + " ['ir_r4_k5_s2_e6_c184'], ['ir_r1_k3_s1_e6_c352']]";
    private static final String SPNASNET = "[['ds_r1_k3_s1_c16_noskip'], ['ir_r3_k3_s2_e3_c24'], ['ir_r1_k5_s2_e6_c40', 'ir_r3_k3_s1_e3_c40'],"
            + " ['ir_r1_k5_s2_e6_c80', 'ir_r3_k3_s1_e3_c80'], ['ir_r1_k5_s1_e6_c96', 'ir_r3_k5_s1_e3_c96'], ['ir_r4_k5_s2_e6_c192'],"
            + " ['ir_r1_k3_s1_e6_c320_noskip']]";
    private static final String EFFICIENTNET = "[['ds_r1_k3_s1_e1_c16_se0.25'], ['ir_r2_k3_s2_e6_c24_se0.25'], ['ir_r2_k5_s2_e6_c40_se0.25'],"
            + " ['ir_r3_k3_s2_e6_c80_se0.25'], ['ir_r3_k5_s1_e6_c112_se0.25'], ['ir_r4_k5_s2_e6_c192_se0.25'], ['ir_r1_k3_s1_e6_c320_se0.25']]";
    private static final String EFFICIENTNET_EDGE = "[['er_r1_k3_s1_e4_c24_fc24_noskip'], ['er_r2_k3_s2_e8_c32'], ['er_r4_k3_s2_e8_c48'],"
            + " ['ir_r5_k5_s2_e8_c96'], ['ir_r4_k5_s1_e8_c144'], ['ir_r2_k5_s2_e8_c192']]";
    private static final String EFFICIENTNET_LITE = "[['ds_r1_k3_s1_e1_c16'], ['ir_r2_k3_s2_e6_c24'], ['ir_r2_k5_s2_e6_c40'],"
            + " ['ir_r3_k3_s2_e6_c80'], ['ir_r3_k5_s1_e6_c112'], ['ir_r4_k5_s2_e6_c192'], ['ir_r1_k3_s1_e6_c320']]";
    private static final String EFFICIENTNETV2_S = "[['cn_r2_k3_s1_e1_c24_skip'], ['er_r4_k3_s2_e4_c48'], ['er_r4_k3_s2_e4_c64'],"
            + " ['ir_r6_k3_s2_e4_c128_se0.25'], ['ir_r9_k3_s1_e6_c160_se0.25'], ['ir_r15_k3_s2_e6_c256_se0.25']]";
    private static final String EFFICIENTNETV2_RW_S = "[['er_r2_k3_s1_e1_c24'], ['er_r4_k3_s2_e4_c48'], ['er_r4_k3_s2_e4_c64'],"
            + " ['ir_r6_k3_s2_e4_c128_se0.25'], ['ir_r9_k3_s1_e6_c160_se0.25'], ['ir_r15_k3_s2_e6_c272_se0.25']]";
    private static final String EFFICIENTNETV2_M = "[['cn_r3_k3_s1_e1_c24_skip'], ['er_r5_k3_s2_e4_c48'], ['er_r5_k3_s2_e4_c80'],"
            + " ['ir_r7_k3_s2_e4_c160_se0.25'], ['ir_r14_k3_s1_e6_c176_se0.25'], ['ir_r18_k3_s2_e6_c304_se0.25'],"
            + " ['ir_r5_k3_s1_e6_c512_se0.25']]";
    private static final String EFFICIENTNETV2_L = "[['cn_r4_k3_s1_e1_c32_skip'], ['er_r7_k3_s2_e4_c64'], ['er_r7_k3_s2_e4_c96'],"
            + " ['ir_r10_k3_s2_e4_c192_se0.25'], ['ir_r19_k3_s1_e6_c224_se0.25'], ['ir_r25_k3_s2_e6_c384_se0.25'],"
            + " ['ir_r7_k3_s1_e6_c640_se0.25']]";
    private static final String EFFICIENTNETV2_XL = "[['cn_r4_k3_s1_e1_c32_skip'], ['er_r8_k3_s2_e4_c64'], ['er_r8_k3_s2_e4_c96'],"
            + " ['ir_r16_k3_s2_e4_c192_se0.25'], ['ir_r24_k3_s1_e6_c256_se0.25'], ['ir_r32_k3_s2_e6_c512_se0.25'],"
            + " ['ir_r8_k3_s1_e6_c640_se0.25']]";
    private static final String TEST_EFFICIENTNET = "[['cn_r1_k3_s1_e1_c16_skip'], ['er_r1_k3_s2_e4_c24'], ['er_r1_k3_s2_e4_c32'],"
            + " ['ir_r1_k3_s2_e4_c48_se0.25'], ['ir_r1_k3_s2_e4_c64_se0.25']]";
    private static final String EDGETPU_V1 = "[['cn_r1_k1_s1_c16'], ['er_r1_k3_s2_e8_c32', 'er_r3_k3_s1_e4_c32'],"
            + " ['er_r1_k3_s2_e8_c48', 'er_r3_k3_s1_e4_c48'], ['ir_r1_k3_s2_e8_c96', 'ir_r3_k3_s1_e4_c96'],"
            + " ['ir_r1_k3_s1_e8_c96_noskip', 'ir_r3_k3_s1_e4_c96'], ['ir_r1_k5_s2_e8_c160', 'ir_r3_k5_s1_e4_c160'], ['ir_r1_k3_s1_e8_c192']]";
    /** {@code _gen_mobilenet_v3} large (hard_swish default, relu stages marked nre). */
    public static final String MOBILENETV3_LARGE = "[['ds_r1_k3_s1_e1_c16_nre'], ['ir_r1_k3_s2_e4_c24_nre', 'ir_r1_k3_s1_e3_c24_nre'],"
            + " ['ir_r3_k5_s2_e3_c40_se0.25_nre'], ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'],"
            + " ['ir_r2_k3_s1_e6_c112_se0.25'], ['ir_r3_k5_s2_e6_c160_se0.25'], ['cn_r1_k1_s1_c960']]";
    /** {@code _gen_mobilenet_v3} large minimal (only timm's tf_ port registers it). */
    public static final String MOBILENETV3_LARGE_MINIMAL = "[['ds_r1_k3_s1_e1_c16'], ['ir_r1_k3_s2_e4_c24', 'ir_r1_k3_s1_e3_c24'],"
            + " ['ir_r3_k3_s2_e3_c40'], ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'], ['ir_r2_k3_s1_e6_c112'],"
            + " ['ir_r3_k3_s2_e6_c160'], ['cn_r1_k1_s1_c960']]";
    /** {@code _gen_mobilenet_v3} small minimal (only timm's tf_ port registers it). */
    public static final String MOBILENETV3_SMALL_MINIMAL = "[['ds_r1_k3_s2_e1_c16'], ['ir_r1_k3_s2_e4.5_c24', 'ir_r1_k3_s1_e3.67_c24'],"
            + " ['ir_r1_k3_s2_e4_c40', 'ir_r2_k3_s1_e6_c40'], ['ir_r2_k3_s1_e3_c48'], ['ir_r3_k3_s2_e6_c96'], ['cn_r1_k1_s1_c576']]";
    private static final String MOBILENETV3_SMALL = "[['ds_r1_k3_s2_e1_c16_se0.25_nre'], ['ir_r1_k3_s2_e4.5_c24_nre', 'ir_r1_k3_s1_e3.67_c24_nre'],"
            + " ['ir_r1_k5_s2_e4_c40_se0.25', 'ir_r2_k5_s1_e6_c40_se0.25'], ['ir_r2_k5_s1_e3_c48_se0.25'], ['ir_r3_k5_s2_e6_c96_se0.25'],"
            + " ['cn_r1_k1_s1_c576']]";
    private static final String MOBILENETV3_RW = "[['ds_r1_k3_s1_e1_c16_nre_noskip'], ['ir_r1_k3_s2_e4_c24_nre', 'ir_r1_k3_s1_e3_c24_nre'],"
            + " ['ir_r3_k5_s2_e3_c40_se0.25_nre'], ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'],"
            + " ['ir_r2_k3_s1_e6_c112_se0.25'], ['ir_r3_k5_s2_e6_c160_se0.25'], ['cn_r1_k1_s1_c960']]";
    private static final String FBNETV3_B = "[['ds_r2_k3_s1_e1_c16'], ['ir_r1_k5_s2_e4_c24', 'ir_r3_k5_s1_e2_c24'],"
            + " ['ir_r1_k5_s2_e5_c40_se0.25', 'ir_r4_k5_s1_e3_c40_se0.25'], ['ir_r1_k5_s2_e5_c72', 'ir_r4_k3_s1_e3_c72'],"
            + " ['ir_r1_k3_s1_e5_c120_se0.25', 'ir_r5_k5_s1_e3_c120_se0.25'],"
            + " ['ir_r1_k3_s2_e6_c184_se0.25', 'ir_r5_k5_s1_e4_c184_se0.25', 'ir_r1_k5_s1_e6_c224_se0.25'], ['cn_r1_k1_s1_c1344']]";
    private static final String FBNETV3_D = "[['ds_r2_k3_s1_e1_c16'], ['ir_r1_k3_s2_e5_c24', 'ir_r5_k3_s1_e2_c24'],"
            + " ['ir_r1_k5_s2_e4_c40_se0.25', 'ir_r4_k3_s1_e3_c40_se0.25'], ['ir_r1_k3_s2_e5_c72', 'ir_r4_k3_s1_e3_c72'],"
            + " ['ir_r1_k3_s1_e5_c128_se0.25', 'ir_r6_k5_s1_e3_c128_se0.25'],"
            + " ['ir_r1_k3_s2_e6_c208_se0.25', 'ir_r5_k5_s1_e5_c208_se0.25', 'ir_r1_k5_s1_e6_c240_se0.25'], ['cn_r1_k1_s1_c1440']]";
    private static final String FBNETV3_G = "[['ds_r3_k3_s1_e1_c24'], ['ir_r1_k5_s2_e4_c40', 'ir_r4_k5_s1_e2_c40'],"
            + " ['ir_r1_k5_s2_e4_c56_se0.25', 'ir_r4_k5_s1_e3_c56_se0.25'], ['ir_r1_k5_s2_e5_c104', 'ir_r4_k3_s1_e3_c104'],"
            + " ['ir_r1_k3_s1_e5_c160_se0.25', 'ir_r8_k5_s1_e3_c160_se0.25'],"
            + " ['ir_r1_k3_s2_e6_c264_se0.25', 'ir_r6_k5_s1_e5_c264_se0.25', 'ir_r2_k5_s1_e6_c288_se0.25'], ['cn_r1_k1_s1_c1728']]";
    private static final String MIXNET_S = "[['ds_r1_k3_s1_e1_c16'], ['ir_r1_k3_a1.1_p1.1_s2_e6_c24', 'ir_r1_k3_a1.1_p1.1_s1_e3_c24'],"
            + " ['ir_r1_k3.5.7_s2_e6_c40_se0.5_nsw', 'ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw'],"
            + " ['ir_r1_k3.5.7_p1.1_s2_e6_c80_se0.25_nsw', 'ir_r2_k3.5_p1.1_s1_e6_c80_se0.25_nsw'],"
            + " ['ir_r1_k3.5.7_a1.1_p1.1_s1_e6_c120_se0.5_nsw', 'ir_r2_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw'],"
            + " ['ir_r1_k3.5.7.9.11_s2_e6_c200_se0.5_nsw', 'ir_r2_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw']]";
    private static final String MIXNET_M = "[['ds_r1_k3_s1_e1_c24'], ['ir_r1_k3.5.7_a1.1_p1.1_s2_e6_c32', 'ir_r1_k3_a1.1_p1.1_s1_e3_c32'],"
            + " ['ir_r1_k3.5.7.9_s2_e6_c40_se0.5_nsw', 'ir_r3_k3.5_a1.1_p1.1_s1_e6_c40_se0.5_nsw'],"
            + " ['ir_r1_k3.5.7_s2_e6_c80_se0.25_nsw', 'ir_r3_k3.5.7.9_a1.1_p1.1_s1_e6_c80_se0.25_nsw'],"
            + " ['ir_r1_k3_s1_e6_c120_se0.5_nsw', 'ir_r3_k3.5.7.9_a1.1_p1.1_s1_e3_c120_se0.5_nsw'],"
            + " ['ir_r1_k3.5.7.9_s2_e6_c200_se0.5_nsw', 'ir_r3_k3.5.7.9_p1.1_s1_e6_c200_se0.5_nsw']]";
    private static final String LCNET = "[['dsa_r1_k3_s1_c32'], ['dsa_r2_k3_s2_c64'], ['dsa_r2_k3_s2_c128'],"
            + " ['dsa_r1_k3_s2_c256', 'dsa_r1_k5_s1_c256'], ['dsa_r4_k5_s1_c256'], ['dsa_r2_k5_s2_c512_se0.25']]";

    static {
        for (double cm : new double[] {0.5, 0.75, 1.0, 1.4}) {
            add("mnasnet_" + width(cm), (n, w, d) -> effnet(n, 32, w, Op.RELU).build(), cm, 0, MNASNET_B1);
            add("semnasnet_" + width(cm), (n, w, d) -> effnet(n, 32, w, Op.RELU).build(), cm, 0, MNASNET_A1);
        }
        add("mnasnet_small", (n, w, d) -> effnet(n, 8, w, Op.RELU).build(), 1.0, 0, MNASNET_SMALL);
        add("mobilenetv1_100", TimmModels::mobileNetV1, 1.0, 1.0, MOBILENET_V1);
        add("mobilenetv1_100h", (n, w, d) -> {
            Spec s = effnet(n, 32, w, Op.RELU6).depth(d);
            return s.features(Math.max(1024, s.round(1024))).build();
        }, 1.0, 1.0, MOBILENET_V1);
        add("mobilenetv1_125", TimmModels::mobileNetV1, 1.25, 1.0, MOBILENET_V1);
        for (double cm : new double[] {0.35, 0.5, 0.75, 1.0, 1.4}) {
            add("mobilenetv2_" + width(cm), (n, w, d) -> {
                Spec s = effnet(n, 32, w, Op.RELU6).depth(d);
                return s.features(Math.max(1280, s.round(1280))).build();
            }, cm, 1.0, MOBILENET_V2);
        }
        Gen v2FixStemHead = (n, w, d) -> effnet(n, 32, w, Op.RELU6).depth(d).fixStem().fixFirstLast().build();
        add("mobilenetv2_110d", v2FixStemHead, 1.1, 1.2, MOBILENET_V2);
        add("mobilenetv2_120d", v2FixStemHead, 1.2, 1.4, MOBILENET_V2);
        add("fbnetc_100", (n, w, d) -> effnet(n, 16, w, Op.RELU).features(1984).build(), 1.0, 0, FBNETC);
        add("spnasnet_100", (n, w, d) -> effnet(n, 32, w, Op.RELU).build(), 1.0, 0, SPNASNET);
        double[][] b = {{1.0, 1.0}, {1.0, 1.1}, {1.1, 1.2}, {1.2, 1.4}, {1.4, 1.8}, {1.6, 2.2}, {1.8, 2.6}, {2.0, 3.1}, {2.2, 3.6}};
        Gen efficientnet = (n, w, d) -> scaledHead(effnet(n, 32, w, Op.SWISH).depth(d), 1280);
        for (int i = 0; i < b.length; i++) {
            add("efficientnet_b" + i, efficientnet, b[i][0], b[i][1], EFFICIENTNET);
        }
        add("efficientnet_l2", efficientnet, 4.3, 5.3, EFFICIENTNET);
        Gen edge = (n, w, d) -> scaledHead(effnet(n, 32, w, Op.RELU).depth(d), 1280);
        add("efficientnet_es", edge, 1.0, 1.0, EFFICIENTNET_EDGE);
        add("efficientnet_em", edge, 1.0, 1.1, EFFICIENTNET_EDGE);
        add("efficientnet_el", edge, 1.2, 1.4, EFFICIENTNET_EDGE);
        double[][] lite = {{1.0, 1.0}, {1.0, 1.1}, {1.1, 1.2}, {1.2, 1.4}, {1.4, 1.8}};
        for (int i = 0; i < lite.length; i++) {
            add("efficientnet_lite" + i, (n, w, d) -> effnet(n, 32, w, Op.RELU6).depth(d).fixStem().fixFirstLast().build(),
                    lite[i][0], lite[i][1], EFFICIENTNET_LITE);
        }
        add("efficientnetv2_rw_t", (n, w, d) -> scaledHead(effnet(n, 24, w, Op.SWISH).depth(d), 1280), 0.8, 0.9, EFFICIENTNETV2_S);
        Gen rw = (n, w, d) -> scaledHead(effnet(n, 24, w, Op.SWISH).depth(d), 1792);
        add("efficientnetv2_rw_s", rw, 1.0, 1.0, EFFICIENTNETV2_RW_S);
        add("efficientnetv2_rw_m", (n, w, d) -> scaledHead(effnet(n, 24, w, Op.SWISH).depth(1.2, 1.2, 1.2, 1.2, 1.6, 1.6), 1792),
                1.2, 0, EFFICIENTNETV2_RW_S);
        add("efficientnetv2_s", (n, w, d) -> scaledHead(effnet(n, 24, w, Op.SWISH).depth(d), 1280), 1.0, 1.0, EFFICIENTNETV2_S);
        add("efficientnetv2_m", (n, w, d) -> effnet(n, 24, w, Op.SWISH).depth(d).build(), 1.0, 1.0, EFFICIENTNETV2_M);
        add("efficientnetv2_l", (n, w, d) -> effnet(n, 32, w, Op.SWISH).depth(d).build(), 1.0, 1.0, EFFICIENTNETV2_L);
        add("efficientnetv2_xl", (n, w, d) -> effnet(n, 32, w, Op.SWISH).depth(d).build(), 1.0, 1.0, EFFICIENTNETV2_XL);
        add("test_efficientnet", (n, w, d) -> scaledHead(effnet(n, 24, w, Op.SWISH).depth(d).roundLimit(0), 256), 1.0, 1.0,
                TEST_EFFICIENTNET);
        double[][] tiny = {{1.0, 1.2}, {0.75, 1.1}, {0.54, 0.85}, {0.54, 0.695}, {0.51, 0.6}};
        for (int i = 0; i < tiny.length; i++) {
            add("tinynet_" + (char) ('a' + i), (n, w, d) -> effnet(n, 32, w, Op.SWISH).depth(d).depthRound().fixStem()
                    .features(Math.max(1280, Divisible.makeDivisible(1280 * w, 8))).build(), tiny[i][0], tiny[i][1], EFFICIENTNET);
        }
        add("mobilenet_edgetpu_100", (n, w, d) -> effnet(n, 32, w, Op.RELU).depth(d).build(), 1.0, 1.0, EDGETPU_V1);
        addEdgeTpuV2("xs", 32, 3, 64, 1280, 16, 32, 48, 96, 144, 160, 192);
        addEdgeTpuV2("s", 64, 5, 64, 1280, 24, 48, 64, 128, 160, 192, 256);
        addEdgeTpuV2("m", 64, 5, 64, 1344, 32, 64, 80, 160, 192, 240, 320);
        addEdgeTpuV2("l", 64, 7, 128, 1408, 32, 64, 96, 192, 240, 256, 384);
        // MixNet (_gen_mixnet_s, _gen_mixnet_m): EfficientNet's class and SE, ReLU by default, head 1536 unrounded
        add("mixnet_s", (n, w, d) -> effnet(n, 16, w, Op.RELU).features(1536).build(), 1.0, 0, MIXNET_S);
        Gen mixnetM = (n, w, d) -> effnet(n, 24, w, Op.RELU).depth(d).depthRound().features(1536).build();
        add("mixnet_m", mixnetM, 1.0, 1.0, MIXNET_M);
        add("mixnet_l", mixnetM, 1.3, 1.0, MIXNET_M);
        add("mixnet_xl", mixnetM, 1.6, 1.2, MIXNET_M);
        add("mixnet_xxl", mixnetM, 2.4, 1.3, MIXNET_M);
        addMobileNetV3();
        addTfPorts();
    }

    /**
     * timm's {@code tf_} ports: the same generator with {@code bn_eps=BN_EPS_TF_DEFAULT, pad_type='same'}
     * (e.g. {@code tf_efficientnet_b0} is {@code _gen_efficientnet('tf_efficientnet_b0', 1.0, 1.0, ...)}),
     * so the same layers with TF "SAME" padding: the counts of their siblings, the receptive field's
     * effective padding TF's. The two minimal MobileNetV3s, which timm registers only as tf_ ports,
     * are {@code _gen_mobilenet_v3}'s minimal arch_defs with ReLU.
     */
    private static void addTfPorts() {
        String[] siblings = {"efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
            "efficientnet_b5", "efficientnet_b6", "efficientnet_b7", "efficientnet_b8", "efficientnet_l2", "efficientnet_es",
            "efficientnet_em", "efficientnet_el", "efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2",
            "efficientnet_lite3", "efficientnet_lite4", "efficientnetv2_s", "efficientnetv2_m", "efficientnetv2_l",
            "efficientnetv2_xl", "mobilenetv3_large_075", "mobilenetv3_large_100", "mobilenetv3_small_075", "mobilenetv3_small_100",
            "mixnet_s", "mixnet_m", "mixnet_l"};
        for (String sibling : siblings) {
            Model m = MODELS.get(sibling);
            add("tf_" + sibling, (n, w, d) -> m.gen().make(sibling, w, d).withTfSame(), m.channelMultiplier(), m.depthMultiplier(),
                    m.archDef());
        }
        Model large = MODELS.get("mobilenetv3_large_100");
        add("tf_mobilenetv3_large_minimal_100", (n, w, d) -> large.gen().make("mobilenetv3_large_minimal_100", w, d).withAct(Op.RELU)
                .withTfSame(), 1.0, 1.0, MOBILENETV3_LARGE_MINIMAL);
        Model small = MODELS.get("mobilenetv3_small_100");
        add("tf_mobilenetv3_small_minimal_100", (n, w, d) -> small.gen().make("mobilenetv3_small_minimal_100", w, d).withAct(Op.RELU)
                .withTfSame(), 1.0, 1.0, MOBILENETV3_SMALL_MINIMAL);
    }

    private static void addMobileNetV3() {
        Gen large = (n, w, d) -> mnv3(n, 16, w, Op.HSWISH).depth(d).fixStemIf(w < 0.75).features(1280).build();
        add("mobilenetv3_large_075", large, 0.75, 1.0, MOBILENETV3_LARGE);
        add("mobilenetv3_large_100", large, 1.0, 1.0, MOBILENETV3_LARGE);
        add("mobilenetv3_large_150d", large, 1.5, 1.2, MOBILENETV3_LARGE);
        Gen small = (n, w, d) -> mnv3(n, 16, w, Op.HSWISH).depth(d).fixStemIf(w < 0.75).features(1024).build();
        for (double cm : new double[] {0.5, 0.75, 1.0}) {
            add("mobilenetv3_small_" + width(cm), small, cm, 1.0, MOBILENETV3_SMALL);
        }
        add("mobilenetv3_rw", (n, w, d) -> {
            Spec s = new Spec(n, TimmSettings.Head.MOBILENETV3, 16, w, Op.HSWISH);
            s.headBias = false;
            s.seGate = Op.HSIGMOID;
            return s.build();
        }, 1.0, 0, MOBILENETV3_RW);
        String[] fbv3 = {FBNETV3_B, FBNETV3_D, FBNETV3_G};
        int[] fbStem = {16, 24, 32};
        String[] fbName = {"fbnetv3_b", "fbnetv3_d", "fbnetv3_g"};
        for (int i = 0; i < 3; i++) {
            final int stem = fbStem[i];
            add(fbName[i], (n, w, d) -> {
                Spec s = new Spec(n, TimmSettings.Head.MOBILENETV3, stem, w, Op.HSWISH);
                s.roundLimit = 0.95;
                s.headBias = false;
                s.seFromExp = false;
                s.seGate = Op.HSIGMOID;
                s.seRoundMultiplier = w;
                s.seRoundLimit = 0.95;
                return s.features(1984).build();
            }, 1.0, 0, fbv3[i]);
        }
        for (double cm : new double[] {0.35, 0.5, 0.75, 1.0, 1.5}) {
            add("lcnet_" + width(cm), (n, w, d) -> {
                Spec s = new Spec(n, TimmSettings.Head.MOBILENETV3, 16, w, Op.HSWISH);
                s.seGate = Op.HSIGMOID;
                s.seForceAct = Op.RELU;
                return s.build();
            }, cm, 0, LCNET);
        }
    }

    private static TimmSettings mobileNetV1(String n, double w, double d) {
        return effnet(n, 32, w, Op.RELU6).depth(d).features(0).build();
    }

    private static TimmSettings scaledHead(Spec s, int features) {
        return s.features(s.round(features)).build();
    }

    private static void addEdgeTpuV2(String size, int stem, int stemKernel, int gs, int features, int... c) {
        String name = "mobilenet_edgetpu_v2_" + size;
        String arch = "[['cn_r1_k1_s1_c" + c[0] + "'], ['er_r1_k3_s2_e8_c" + c[1] + "', 'er_r1_k3_s1_e4_gs" + gs + "_c" + c[1] + "'],"
                + " ['er_r1_k3_s2_e8_c" + c[2] + "', 'er_r1_k3_s1_e4_gs" + gs + "_c" + c[2] + "', 'er_r1_k3_s1_e4_c" + c[2] + "',"
                + " 'er_r1_k3_s1_e4_gs" + gs + "_c" + c[2] + "'], ['er_r1_k3_s2_e8_c" + c[3] + "', 'ir_r3_k3_s1_e4_c" + c[3] + "'],"
                + " ['ir_r1_k3_s1_e8_c" + c[4] + "', 'ir_r3_k3_s1_e4_c" + c[4] + "'], ['ir_r1_k3_s2_e8_c" + c[5] + "', 'ir_r3_k3_s1_e4_c"
                + c[5] + "'], ['ir_r1_k3_s1_e8_c" + c[6] + "']]";
        add(name, (n, w, d) -> {
            Spec s = effnet(n, stem, w, Op.RELU).depth(d).features(features);
            s.stemKernel = stemKernel;
            return s.build();
        }, 1.0, 1.0, arch);
    }

    private TimmModels() {
    }

    /** The model called {@code name} (timm's registered name), or a refusal saying why archmeter does not build it. */
    public static Model get(String name) {
        Model m = MODELS.get(name);
        if (m != null) {
            return m;
        }
        throw new NotationException("timm model '" + name + "': " + whyNot(name));
    }

    /** Every model archmeter builds, in a stable order. */
    public static Map<String, Model> all() {
        return Collections.unmodifiableMap(MODELS);
    }

    private static String whyNot(String name) {
        if (name.startsWith("efficientnet_cc") || name.startsWith("tf_efficientnet_cc")) {
            return "CondConv (routed expert kernels) is not supported";
        }
        if (name.startsWith("efficientnet_x") || name.startsWith("efficientnet_h")) {
            return "space-to-depth blocks are not supported";
        }
        if (name.startsWith("mobilenetv4")) {
            return "MobileNetV4's universal inverted residuals and attention blocks are not supported";
        }
        if (name.contains("_gn") || name.contains("_evos") || name.contains("_ln") || name.contains("blur") || name.contains("_aa")
                || name.contains("pruned") || name.startsWith("gc_")) {
            return "this variant changes the normalisation, adds anti-aliasing or global-context layers, or reads its channels"
                    + " from a file: not built";
        }
        if (name.startsWith("tf_efficientnetv2_b")) {
            return "_gen_efficientnetv2_base (EfficientNetV2-B0..B3) is not built; its PyTorch-padded siblings are not registered by timm";
        }
        return "not a timm efficient-net family model archmeter knows (see TimmModels.all())";
    }

    private static String width(double cm) {
        return String.format(java.util.Locale.ROOT, "%03d", Math.round(cm * 100));
    }

    private static Spec effnet(String name, int stem, double cm, Op act) {
        return new Spec(name, TimmSettings.Head.EFFICIENTNET, stem, cm, act);
    }

    private static Spec mnv3(String name, int stem, double cm, Op act) {
        Spec s = new Spec(name, TimmSettings.Head.MOBILENETV3, stem, cm, act);
        s.seGate = Op.HSIGMOID;
        s.seForceAct = Op.RELU;
        s.seRoundMultiplier = 1.0;
        s.seRoundLimit = 0.9;
        return s;
    }

    private static void add(String name, Gen gen, double channelMultiplier, double depthMultiplier, String archDef) {
        MODELS.put(name, new Model(name, gen, channelMultiplier, depthMultiplier, archDef));
    }

    /** A mutable draft of {@link TimmSettings} with each generator's defaults. */
    private static final class Spec {
        final String name;
        final TimmSettings.Head head;
        final int stem;
        final double cm;
        final Op act;
        int stemKernel = 3;
        boolean fixStem;
        int features = 1280;
        boolean headBias = true;
        boolean seFromExp;
        Op seGate = Op.SIGMOID;
        Op seForceAct;
        double seRoundMultiplier;
        double seRoundLimit = 0.9;
        double roundLimit = 0.9;
        double[] depth = {1.0};
        boolean depthRound;
        boolean fixFirstLast;

        Spec(String name, TimmSettings.Head head, int stem, double cm, Op act) {
            this.name = name;
            this.head = head;
            this.stem = stem;
            this.cm = cm;
            this.act = act;
            this.seFromExp = head == TimmSettings.Head.MOBILENETV3;
        }

        int round(int c) {
            return Divisible.makeDivisible(c * cm, 8, 0, roundLimit);
        }

        Spec features(int f) {
            features = f;
            return this;
        }

        Spec depth(double... d) {
            depth = d;
            return this;
        }

        Spec depthRound() {
            depthRound = true;
            return this;
        }

        Spec fixStem() {
            fixStem = true;
            return this;
        }

        Spec fixStemIf(boolean f) {
            fixStem = f;
            return this;
        }

        Spec fixFirstLast() {
            fixFirstLast = true;
            return this;
        }

        Spec roundLimit(double r) {
            roundLimit = r;
            return this;
        }

        TimmSettings build() {
            return new TimmSettings(name, head, stem, stemKernel, fixStem, features, headBias, act, seFromExp, seGate, seForceAct,
                    seRoundMultiplier, seRoundLimit, cm, 8, roundLimit, depth, depthRound, fixFirstLast, false);
        }
    }
}
