package io.archmeter.spaces.proxyless;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.ElasticConfig;
import io.archmeter.spaces.mobile.MobileLayers;
import io.archmeter.spaces.mobile.NotationException;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The elastic ProxylessNAS space of MCUNet's released code ({@code OFAProxylessNASNets} in
 * {@code mcunet/tinynas/elastic_nn}, as in OFA's {@code ofa_proxyless_d234_e346_k357}), its
 * sub-networks as {@code get_active_subnet} builds them. TinyNAS searches this space for a width
 * multiplier and a resolution, then kernels, expansions and depths.
 *
 * <h2>Notation</h2>
 * {@code mcunet:{"ks": [21 kernels ∈ 3, 5, 7], "e": [21 expansions ∈ 3, 4, 6], "d": [5 or 6 depths ∈ 2, 3, 4],
 * "r": [160], "w": 0.5}} (the code's {@code d} has 6 entries, the last stage holding one block whatever
 * its depth; {@code w} defaults to 1.0).
 *
 * <h2>Network</h2>
 * widths make_divisible(base·w, 8) of [32, 16, 24, 40, 80, 96, 192, 320]; last channel
 * make_divisible(1280·w, 8) if w &gt; 1, else 1280. First conv 3×3/2, BN, ReLU6; first block
 * dw 3×3, BN, ReLU6, conv 1×1, BN (no shortcut); six stages of strides 2, 2, 2, 1, 2, 1 and at
 * most 4, 4, 4, 4, 4, 1 blocks: conv 1×1 to mid = make_divisible(round(C_in·e), 8), BN, ReLU6,
 * dw k×k, BN, ReLU6, conv 1×1, BN, residual when stride 1 and C_in = C_out; feature mix conv 1×1,
 * BN, ReLU6; global pool; fc.
 *
 * <h2>Size</h2>
 * (9² + 9³ + 9⁴)^5 · 9 = 7371^5 · 9 sub-networks per width and resolution ({@link #size()}).
 */
public final class McunetSpace {
    public static final int[] KERNELS = {3, 5, 7};
    public static final int[] EXPANSIONS = {3, 4, 6};
    public static final int[] DEPTHS = {2, 3, 4};
    /** Elastic stages (4 slots each) and the fixed last stage (1 slot). */
    public static final int STAGES = 5;
    public static final int SLOTS = STAGES * 4 + 1;
    public static final String PREFIX = "mcunet:";

    private static final int[] BASE_WIDTH = {32, 16, 24, 40, 80, 96, 192, 320};
    private static final int[] STRIDES = {2, 2, 2, 1, 2, 1};

    private McunetSpace() {
    }

    /** The exact number of sub-networks per width and resolution. */
    public static BigInteger size() {
        BigInteger perStage = BigInteger.ZERO;
        BigInteger choices = BigInteger.valueOf((long) KERNELS.length * EXPANSIONS.length);
        for (int d : DEPTHS) {
            perStage = perStage.add(choices.pow(d));
        }
        return perStage.pow(STAGES).multiply(choices);
    }

    /** Reads a config dict (JSON or Python), with or without the {@code mcunet:} prefix. */
    public static ElasticConfig parse(String text) {
        ElasticConfig c = ElasticConfig.parse(text, PREFIX, "mcunet", SLOTS, new int[] {STAGES, STAGES + 1}, KERNELS, EXPANSIONS,
                DEPTHS, 1000);
        checkResolution(c.resolution());
        return c;
    }

    /** Refuses a resolution below 32 (five stride-2 steps must leave at least one pixel) or above 1024. */
    public static void checkResolution(int r) {
        if (r < 32 || r > 1024) {
            throw new NotationException("mcunet: resolution " + r + " is outside 32 ... 1024");
        }
    }

    /** The config as the dict, JSON, after {@code mcunet:}. */
    public static String format(ElasticConfig c) {
        return c.format(PREFIX, 1000);
    }

    /** Draws kernels, expansions and depths uniformly, as the code's {@code sample_active_subnet}. */
    public static ElasticConfig sample(SplittableRandom rnd, int resolution, int widthMilli, int[] ks, int[] e, int[] d) {
        for (int i = 0; i < ks.length; i++) {
            ks[i] = KERNELS[rnd.nextInt(KERNELS.length)];
            e[i] = EXPANSIONS[rnd.nextInt(EXPANSIONS.length)];
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = DEPTHS[rnd.nextInt(DEPTHS.length)];
        }
        return new ElasticConfig(ks, e, d, resolution, widthMilli);
    }

    /** Writes the sub-network on its resolution with {@code classes} outputs as the next candidate. */
    public static void append(CandidateBuilder b, ElasticConfig c, int classes) {
        b.begin(c.resolution(), c.resolution(), 3);
        try {
            write(b, c, classes);
            b.end();
        } catch (RuntimeException e) {
            b.batch().abort();
            throw e;
        }
    }

    /** Writes the sub-network's layers into the candidate open in {@code b} (its input: the config's resolution, 3 channels). */
    public static void write(CandidateBuilder b, ElasticConfig c, int classes) {
        final double w = c.width();
        final int stem = Divisible.makeDivisible(BASE_WIDTH[0] * w, 8);
        MobileLayers.convBnAct(b, 3, 2, 1, 1, stem, Op.RELU6);
        int in = Divisible.makeDivisible(BASE_WIDTH[1] * w, 8);
        MobileLayers.depthwiseBnAct(b, 3, 1, 1, Op.RELU6);
        MobileLayers.convBnAct(b, 1, 1, 1, 1, in, null);
        for (int s = 0; s <= STAGES; s++) {
            final int out = Divisible.makeDivisible(BASE_WIDTH[s + 2] * w, 8);
            final int depth = s == STAGES ? 1 : c.d()[s];
            for (int j = 0; j < depth; j++) {
                final int slot = s * 4 + j;
                final int stride = j == 0 ? STRIDES[s] : 1;
                final int mid = Divisible.makeDivisible(Divisible.pythonRound((double) in * c.e()[slot]), 8);
                final boolean skip = stride == 1 && in == out;
                MobileLayers.beginResidual(b, skip);
                MobileLayers.convBnAct(b, 1, 1, 1, 1, mid, Op.RELU6);
                MobileLayers.depthwiseBnAct(b, c.ks()[slot], stride, 1, Op.RELU6);
                MobileLayers.convBnAct(b, 1, 1, 1, 1, out, null);
                MobileLayers.endResidual(b, skip);
                in = out;
            }
        }
        final int last = w > 1.0 ? Divisible.makeDivisible(1280 * w, 8) : 1280;
        MobileLayers.convBnAct(b, 1, 1, 1, 1, last, Op.RELU6);
        b.gap();
        b.fc(classes);
    }
}
