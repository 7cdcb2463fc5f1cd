package io.archmeter.spaces.ofa;

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
 * The Once-for-All MobileNetV3 space ({@code OFAMobileNetV3}, {@code ofa_mbv3_d234_e346_k357_w1.0}
 * and {@code _w1.2}) and its sub-networks as OFA's {@code get_active_subnet} builds them.
 *
 * <h2>Notation</h2>
 * The dict OFA prints ({@code sample_active_subnet()}, the evolution finder's {@code net_config}),
 * JSON or Python, with 20 kernel sizes {@code ks} ∈ {3, 5, 7}, 20 expansions {@code e} ∈ {3, 4, 6}
 * (4 per stage; a stage of depth d uses its first d), 5 depths {@code d} ∈ {2, 3, 4}, the
 * resolution {@code r} (an int or OFA's one-element list; 128 … 224 in steps of 4) and, an
 * archmeter extension, the width {@code w} (1.0 or 1.2; default 1.0). In a CSV cell it is written
 * after {@code ofa-mbv3:}.
 * <pre>
 *   ofa-mbv3:{"ks": [3,5,7,3, 5,5,3,7, 3,3,5,5, 7,7,3,3, 5,3,5,7], "e": [3,4,6,3, …], "d": [2,3,4,2,3], "r": [224]}
 * </pre>
 *
 * <h2>Network (OFA's code, {@code ofa_mbv3.py} and {@code dynamic_layers.py})</h2>
 * widths make_divisible(base·w, 8) of [16, 16, 24, 40, 80, 112, 160, 960, 1280]; first conv 3×3/2
 * to 16, BN, h-swish; first block dw 3×3, BN, ReLU, conv 1×1 to 16, BN (+ input when the widths
 * agree); five stages of strides 2, 2, 2, 1, 2, activations ReLU, ReLU, h-swish, h-swish, h-swish,
 * SE in stages 2, 4, 5; block: conv 1×1 to mid = make_divisible(round(C_in·e), 8), BN, act,
 * dw k×k, BN, act, [SE: squeeze make_divisible(mid // 4, 8), ReLU, h-sigmoid], conv 1×1, BN,
 * residual when stride 1 and C_in = C_out; final expand conv 1×1 to 960, BN, h-swish; global
 * pool; feature mix conv 1×1 to 1280 (no bias, no BN), h-swish; dropout; fc (bias). All
 * convolutions without bias, "same" padding k // 2.
 *
 * <h2>Size</h2>
 * (Σ_{d ∈ D} (|K|·|E|)^d)^5 = (9² + 9³ + 9⁴)^5 = 7371^5 ≈ 2.18·10^19 sub-networks per resolution
 * and width ({@link #size()}): distinct configs, counting only the kernels and expansions of
 * active blocks (OFA ignores the others).
 */
public final class OfaMbv3 {
    /** Kernel choices. */
    public static final int[] KERNELS = {3, 5, 7};
    /** Expansion choices. */
    public static final int[] EXPANSIONS = {3, 4, 6};
    /** Depth choices. */
    public static final int[] DEPTHS = {2, 3, 4};
    /** Stages and blocks per stage at most. */
    public static final int STAGES = 5;
    public static final int MAX_DEPTH = 4;
    /** Resolutions of OFA's elastic-resolution search: 128 to 224 in steps of 4. */
    public static final int MIN_RESOLUTION = 128;
    public static final int MAX_RESOLUTION = 224;
    /** The prefix of the notation in a CSV cell. */
    public static final String PREFIX = "ofa-mbv3:";
    /**
     * The space in the search-space registry, named {@code ofa-mbv3}: a config is costed on its own
     * resolution r×r×3 (the caller's input is not used: r is part of the candidate), 1000 classes by default.
     */
    public static final SearchSpace SPACE = new Space();

    private static final int[] BASE_WIDTH = {16, 16, 24, 40, 80, 112, 160, 960, 1280};
    private static final int[] STRIDES = {2, 2, 2, 1, 2};
    private static final Op[] ACTS = {Op.RELU, Op.RELU, Op.HSWISH, Op.HSWISH, Op.HSWISH};
    private static final boolean[] SE = {false, true, false, true, true};
    /** Per thread: ks, e and d of the config being sampled (a sample allocates no arrays). */
    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(
        () -> new int[][] {new int[STAGES * MAX_DEPTH], new int[STAGES * MAX_DEPTH], new int[STAGES]});

    private OfaMbv3() {
    }

    /** The exact number of sub-networks per resolution and width: (Σ_d (|K|·|E|)^d)^stages. */
    public static BigInteger size() {
        BigInteger perStage = BigInteger.ZERO;
        BigInteger choices = BigInteger.valueOf((long) KERNELS.length * EXPANSIONS.length);
        for (int d : DEPTHS) {
            perStage = perStage.add(choices.pow(d));
        }
        return perStage.pow(STAGES);
    }

    /** The number of resolutions of the space (25). */
    public static int resolutions() {
        return (MAX_RESOLUTION - MIN_RESOLUTION) / 4 + 1;
    }

    /** Reads a config from OFA's dict (JSON or Python), with or without the {@code ofa-mbv3:} prefix. */
    public static ElasticConfig parse(String text) {
        ElasticConfig c = ElasticConfig.parse(text, PREFIX, "ofa-mbv3", STAGES * MAX_DEPTH, new int[] {STAGES}, KERNELS, EXPANSIONS,
                DEPTHS, 1000);
        checkResolution(c.resolution());
        checkWidth(c.widthMilli());
        return c;
    }

    /** Refuses a width other than those of OFA's released supernets, 1.0 and 1.2. */
    public static void checkWidth(int widthMilli) {
        if (widthMilli != 1000 && widthMilli != 1200) {
            throw new NotationException("ofa-mbv3: width 'w' " + widthMilli / 1000.0 + " is not one of OFA's released supernets'"
                    + " widths 1.0, 1.2");
        }
    }

    /** Refuses a resolution outside OFA's 128, 132, …, 224. */
    public static void checkResolution(int res) {
        if (res < MIN_RESOLUTION || res > MAX_RESOLUTION || res % 4 != 0) {
            throw new NotationException("ofa-mbv3: resolution " + res + " is not one of OFA's 128, 132, ..., 224");
        }
    }

    /** Writes the config as OFA's dict, in JSON, after the {@code ofa-mbv3:} prefix. */
    public static String format(ElasticConfig c) {
        return c.format(PREFIX, 1000);
    }

    /**
     * Draws a config: its resolution and width from {@code options}' choices of
     * {@link SearchSpace#RESOLUTION} and {@link SearchSpace#WIDTH} (default 224 and 1.0), then, as
     * OFA's {@code sample_active_subnet} does, every kernel, expansion and depth uniformly, from
     * {@code rnd} alone: the same random state gives the same config. Fills and returns in
     * {@code ks}, {@code e} (20 each) and {@code d} (5).
     *
     * @throws NotationException if a resolution or width drawn is not one of OFA's
     */
    public static ElasticConfig sample(SpaceRandom rnd, SpaceOptions options, int[] ks, int[] e, int[] d) {
        final int r = options.draw(SearchSpace.RESOLUTION, MAX_RESOLUTION, rnd);
        final int w = options.draw(SearchSpace.WIDTH, 1000, rnd);
        checkResolution(r);
        checkWidth(w);
        return ElasticConfig.draw(rnd, KERNELS, EXPANSIONS, DEPTHS, ks, e, d, r, w);
    }

    /** Every resolution of OFA's elastic-resolution training, 128, 132, …, 224 ({@code --resolution all}). */
    public static List<Integer> allResolutions() {
        Integer[] r = new Integer[resolutions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = MIN_RESOLUTION + 4 * i;
        }
        return List.of(r);
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
        final int[] width = new int[BASE_WIDTH.length];
        for (int i = 0; i < width.length; i++) {
            width[i] = Divisible.makeDivisible(BASE_WIDTH[i] * w, 8);
        }
        MobileLayers.convBnAct(b, 3, 2, 1, 1, width[0], Op.HSWISH);
        final boolean firstSkip = width[0] == width[1];
        MobileLayers.beginResidual(b, firstSkip);
        MobileLayers.depthwiseBnAct(b, 3, 1, 1, Op.RELU);
        MobileLayers.convBnAct(b, 1, 1, 1, 1, width[1], null);
        MobileLayers.endResidual(b, firstSkip);
        int in = width[1];
        for (int s = 0; s < STAGES; s++) {
            final int out = width[s + 2];
            for (int j = 0; j < c.d()[s]; j++) {
                final int slot = s * MAX_DEPTH + j;
                final int stride = j == 0 ? STRIDES[s] : 1;
                final int mid = Divisible.makeDivisible(in * c.e()[slot], 8);
                final boolean skip = stride == 1 && in == out;
                MobileLayers.beginResidual(b, skip);
                MobileLayers.convBnAct(b, 1, 1, 1, 1, mid, ACTS[s]);
                MobileLayers.depthwiseBnAct(b, c.ks()[slot], stride, 1, ACTS[s]);
                if (SE[s]) {
                    MobileLayers.squeezeExcite(b, mid, Divisible.makeDivisible(mid / 4, 8), Op.RELU, Op.HSIGMOID);
                }
                MobileLayers.convBnAct(b, 1, 1, 1, 1, out, null);
                MobileLayers.endResidual(b, skip);
                in = out;
            }
        }
        MobileLayers.convBnAct(b, 1, 1, 1, 1, width[7], Op.HSWISH);
        b.gap();
        MobileLayers.conv(b, 1, 1, 1, 1, width[8], false);
        b.simple(Op.HSWISH);
        b.simple(Op.FLATTEN);
        b.fc(classes);
    }

    /** The registry's view of the space. Its size exceeds a long: {@link #size()} says it as a BigInteger. */
    private static final class Space extends MobileSpace<ElasticConfig> {
        Space() {
            // 224 and 1.0 (OFA's reference sub-networks); all: 128 … 224 in steps of 4, and 1.0, 1.2
            super(new Description("ofa-mbv3",
                    "Once-for-All MobileNetV3 sub-networks (OFA ofa_mbv3_d234_e346_k357_w1.0/_w1.2, get_active_subnet)", PREFIX,
                    PREFIX + "{\"ks\":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],\"e\":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],"
                            + "\"d\":[2,2,2,2,2],\"r\":[224]}",
                    OfaMbv3.size(), "(9^2+9^3+9^4)^5 = 7371^5 sub-networks",
                    new Choices(List.of(MAX_RESOLUTION), allResolutions()), new Choices(List.of(1000), List.of(1000, 1200))));
        }

        @Override
        protected ElasticConfig read(String text) {
            return parse(text);
        }

        @Override
        protected ElasticConfig draw(SpaceRandom random, SpaceOptions options) {
            final int[][] s = SCRATCH.get();
            return OfaMbv3.sample(random, options, s[0], s[1], s[2]);
        }

        @Override
        protected String format(ElasticConfig c) {
            return OfaMbv3.format(c);
        }

        @Override
        protected void write(CandidateBuilder b, ElasticConfig c, int classes) {
            OfaMbv3.write(b, c, classes);
        }
    }
}
