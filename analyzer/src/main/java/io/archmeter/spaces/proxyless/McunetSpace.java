package io.archmeter.spaces.proxyless;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.ElasticConfig;
import io.archmeter.spaces.mobile.MobileLayers;
import io.archmeter.spaces.mobile.MobileSpace;

import java.math.BigInteger;
import java.util.List;

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
    /** The resolution of a sample not told otherwise: mcunet-in2's (the 256 KB SRAM / 1 MB Flash ImageNet model). */
    private static final int DEFAULT_RESOLUTION = 160;
    /** The MCUNet paper's ImageNet resolutions R = {48, 64, …, 224} and widths W = {0.2, 0.3, …, 1.0} (§3.1). */
    private static final List<Integer> PAPER_RESOLUTIONS = List.of(48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224);
    private static final List<Integer> PAPER_WIDTHS = List.of(200, 300, 400, 500, 600, 700, 800, 900, 1000);
    /** Per thread: ks, e and d of the config being sampled. */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(
        () -> new int[][] {new int[SLOTS], new int[SLOTS], new int[STAGES + 1]});

    /**
     * The space in the search-space registry, named {@code mcunet}: a config is costed on its own
     * resolution r×r×3 (the caller's input is not used), 1000 classes by default.
     */
    public static final SearchSpace SPACE = new Space();   // after the lists its description holds

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

    /**
     * Draws a config: resolution and width from {@code options}' choices of
     * {@link SearchSpace#RESOLUTION} and {@link SearchSpace#WIDTH} (default 160 and 1.0), then
     * kernels, expansions and depths uniformly, as the code's {@code sample_active_subnet}, from
     * {@code rnd} alone. Fills and returns in {@code ks}, {@code e} (21 each) and {@code d} (6).
     */
    public static ElasticConfig sample(SpaceRandom rnd, SpaceOptions options, int[] ks, int[] e, int[] d) {
        final int r = options.draw(SearchSpace.RESOLUTION, DEFAULT_RESOLUTION, rnd);
        final int w = options.draw(SearchSpace.WIDTH, 1000, rnd);
        checkResolution(r);
        checkWidth(w);
        return ElasticConfig.draw(rnd, KERNELS, EXPANSIONS, DEPTHS, ks, e, d, r, w);
    }

    /** Refuses a width multiplier outside 0.1 … 2.0 (in thousandths). */
    public static void checkWidth(int widthMilli) {
        if (widthMilli < 100 || widthMilli > 2000) {
            throw new NotationException("mcunet: width 'w' " + widthMilli / 1000.0 + " is outside 0.1 ... 2.0");
        }
    }

    /** Writes the sub-network on its resolution with {@code classes} outputs as the next candidate. */
    public static void append(CandidateBuilder b, ElasticConfig c, int classes) {
        b.begin(c.resolution(), c.resolution(), 3);
        try {
            write(b, c, classes);
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /**
     * Writes the sub-network's layers into the candidate open in {@code b}, after setting its input
     * to the config's resolution r×r×3 ({@link CandidateBuilder#input}).
     */
    public static void write(CandidateBuilder b, ElasticConfig c, int classes) {
        b.input(c.resolution(), c.resolution(), 3);
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

    /** The registry's view of the space. Its size exceeds a long: {@link #size()} says it as a BigInteger. */
    private static final class Space extends MobileSpace<ElasticConfig> {
        Space() {
            // 160 and 1.0; all: the MCUNet paper's ImageNet R = {48, 64, …, 224} and W = {0.2, 0.3, …, 1.0}
            super(new Description("mcunet", "MCUNet elastic ProxylessNAS space (mcunet tinynas OFAProxylessNASNets, get_active_subnet)",
                    PREFIX, PREFIX + "{\"ks\":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],\"e\":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],"
                            + "\"d\":[2,2,2,2,2],\"r\":[160],\"w\":0.5}",
                    McunetSpace.size(), "(9^2+9^3+9^4)^5 x 9 = 7371^5 x 9 sub-networks",
                    new Choices(List.of(DEFAULT_RESOLUTION), PAPER_RESOLUTIONS), new Choices(List.of(1000), PAPER_WIDTHS)));
        }

        @Override
        protected ElasticConfig read(String text) {
            return parse(text);
        }

        @Override
        protected ElasticConfig draw(SpaceRandom random, SpaceOptions options) {
            final int[][] s = SCRATCH.get();
            return McunetSpace.sample(random, options, s[0], s[1], s[2]);
        }

        @Override
        protected String format(ElasticConfig c) {
            return McunetSpace.format(c);
        }

        @Override
        protected void write(CandidateBuilder b, ElasticConfig c, int classes) {
            McunetSpace.write(b, c, classes);
        }
    }
}
