package io.archmeter.spaces.proxyless;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.Literal;
import io.archmeter.spaces.mobile.MobileLayers;
import io.archmeter.spaces.mobile.MobileSpace;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The ProxylessNAS ImageNet search space, as the official search code builds it
 * ({@code SuperProxylessNASNets} with the defaults of {@code search/imagenet_arch_search.py}):
 * width stages 24, 40, 80, 96, 192, 320 (·w, make_divisible 8), 4, 4, 4, 4, 4, 1 blocks, strides
 * 2, 2, 2, 1, 2, 1, every block one of {@code 3x3_MBConv3}, {@code 3x3_MBConv6},
 * {@code 5x5_MBConv3}, {@code 5x5_MBConv6}, {@code 7x7_MBConv3}, {@code 7x7_MBConv6}, or
 * {@code Zero} where the block has stride 1 and equal widths (the 15 non-first blocks of stages 1–5),
 * which leaves the identity shortcut alone. Stem conv 3×3/2 to 32·w, first block MBConv1 3×3 to
 * 16·w (no shortcut), feature mix 1×1 to 1280 (make_divisible(1280·w) if w &gt; 1), fc.
 * MBConv: mid = round(C_in·e) (no make_divisible, as in ProxylessNAS), conv 1×1, BN, ReLU6, dw,
 * BN, ReLU6, conv 1×1, BN, identity shortcut when stride 1 and equal widths.
 *
 * <p>The published ProxylessNAS networks (mobile, GPU, CPU) were searched with other width
 * settings (e.g. mobile's first stage is 32 wide): read them from their {@code net_config}
 * ({@link NetConfig}).
 *
 * <p>Notation: {@code proxyless:{"ops": [21 op names], "r": 224, "w": 1.0}} ({@code w} default 1.0,
 * {@code r} default 224). Size: 6^6 · 7^15 networks per width and resolution ({@link #size()}).
 */
public final class ProxylessSpace {
    public static final String PREFIX = "proxyless:";
    /**
     * The space in the search-space registry, named {@code proxyless}: a config with {@code r} is
     * costed on r×r×3, one without on the caller's input; 1000 classes by default.
     */
    public static final SearchSpace SPACE = new Space();
    /** {@link Config#resolution()} of a config without {@code r}: the caller's input. */
    public static final int INPUT_RESOLUTION = 0;
    /** The candidate ops of every block, in the search code's names. */
    public static final List<String> OPS = List.of("3x3_MBConv3", "3x3_MBConv6", "5x5_MBConv3", "5x5_MBConv6", "7x7_MBConv3",
            "7x7_MBConv6", "Zero");
    private static final int ZERO = 6;
    private static final int[] WIDTHS = {24, 40, 80, 96, 192, 320};
    private static final int[] CELLS = {4, 4, 4, 4, 4, 1};
    private static final int[] STRIDES = {2, 2, 2, 1, 2, 1};
    /** Searchable blocks. */
    public static final int BLOCKS = 21;
    /** Per thread: the ops of the network being sampled. */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[BLOCKS]);

    /** A network of the space: op index (into {@link #OPS}) per block, resolution ({@link #INPUT_RESOLUTION}: none), width in thousandths. */
    public record Config(int[] ops, int resolution, int widthMilli) {
    }

    private ProxylessSpace() {
    }

    /** 6 choices for the first block of each stage, 7 (with Zero) for the others: 6^6 · 7^15. */
    public static BigInteger size() {
        return BigInteger.valueOf(6).pow(6).multiply(BigInteger.valueOf(7).pow(15));
    }

    /** True if block {@code i} may be Zero: it is not the first block of its stage. */
    public static boolean mayBeZero(int i) {
        int start = 0;
        for (int c : CELLS) {
            if (i == start) {
                return false;
            }
            start += c;
        }
        return true;
    }

    /** Reads {@code proxyless:{"ops": [...], "r": 224, "w": 1.0}} (JSON or Python; prefix optional). */
    public static Config parse(String text) {
        String t = text.strip();
        if (t.startsWith(PREFIX)) {
            t = t.substring(PREFIX.length());
        }
        if (!(Literal.parse(t) instanceof Map<?, ?> map)) {
            throw new NotationException("proxyless: expected a dict {\"ops\": [21 op names], \"r\": 224}");
        }
        for (Object key : map.keySet()) {
            if (!List.of("ops", "r", "w").contains(key)) {
                throw new NotationException("proxyless: unknown key '" + key + "' (expected ops, r and optionally w)");
            }
        }
        if (!(map.get("ops") instanceof List<?> list) || list.size() != BLOCKS) {
            Object v = map.get("ops");
            throw new NotationException("proxyless: 'ops' must be a list of " + BLOCKS + " op names"
                    + (v instanceof List<?> l ? ", got " + l.size() : ""));
        }
        int[] ops = new int[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            int op = OPS.indexOf(String.valueOf(list.get(i)));
            if (op < 0 || !(list.get(i) instanceof String)) {
                throw new NotationException("proxyless: ops[" + i + "] = " + list.get(i) + " is not one of " + OPS);
            }
            if (op == ZERO && !mayBeZero(i)) {
                throw new NotationException("proxyless: ops[" + i + "] is Zero, but the first block of a stage changes the shape"
                        + " and cannot be skipped");
            }
            ops[i] = op;
        }
        int r = map.containsKey("r") ? positive(map.get("r"), "r") : INPUT_RESOLUTION;
        int w = 1000;
        if (map.containsKey("w")) {
            if (!(map.get("w") instanceof BigDecimal wd) || wd.signum() <= 0 || wd.scale() > 3 || wd.compareTo(BigDecimal.TEN) > 0) {
                throw new NotationException("proxyless: width 'w' " + map.get("w") + " is not a positive multiplier");
            }
            w = wd.movePointRight(3).intValueExact();
        }
        return new Config(ops, r, w);
    }

    /** The config as the dict, JSON, after {@code proxyless:}. */
    public static String format(Config c) {
        StringBuilder sb = new StringBuilder(PREFIX).append("{\"ops\":[");
        for (int i = 0; i < c.ops().length; i++) {
            sb.append(i > 0 ? ",\"" : "\"").append(OPS.get(c.ops()[i])).append('"');
        }
        sb.append(']');
        if (c.resolution() != INPUT_RESOLUTION) {
            sb.append(",\"r\":").append(c.resolution());
        }
        if (c.widthMilli() != 1000) {
            sb.append(",\"w\":").append(BigDecimal.valueOf(c.widthMilli(), 3).stripTrailingZeros().toPlainString());
        }
        return sb.append('}').toString();
    }

    /**
     * Draws a network: resolution and width from {@code options}' choices of
     * {@link SearchSpace#RESOLUTION} and {@link SearchSpace#WIDTH} (default 224 and 1.0, the search
     * code's), then each block's op uniformly among its choices (Zero only where allowed), from
     * {@code rnd} alone. Fills and returns in {@code ops} (21).
     */
    public static Config sample(SpaceRandom rnd, SpaceOptions options, int[] ops) {
        final int r = options.draw(SearchSpace.RESOLUTION, 224, rnd);
        final int w = options.draw(SearchSpace.WIDTH, 1000, rnd);
        if (r < 32 || r > 4096) {
            throw new NotationException("proxyless: resolution " + r + " is outside 32 ... 4096");
        }
        if (w < 100 || w > 10_000) {
            throw new NotationException("proxyless: width 'w' " + w / 1000.0 + " is outside 0.1 ... 10");
        }
        for (int i = 0; i < ops.length; i++) {
            ops[i] = rnd.nextInt(mayBeZero(i) ? 7 : 6);
        }
        return new Config(ops, r, w);
    }

    /** Writes the network on its resolution (224 if it has none) as the next candidate. */
    public static void append(CandidateBuilder b, Config c, int classes) {
        final int r = c.resolution() == INPUT_RESOLUTION ? 224 : c.resolution();
        b.begin(r, r, 3);
        try {
            write(b, c, classes);
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /**
     * Writes the network's layers into the candidate open in {@code b}, after setting its input to
     * the config's resolution r×r×3 if it has one ({@link CandidateBuilder#input}).
     */
    public static void write(CandidateBuilder b, Config c, int classes) {
        if (c.resolution() != INPUT_RESOLUTION) {
            b.input(c.resolution(), c.resolution(), 3);
        }
        final double w = c.widthMilli() / 1000.0;
        MobileLayers.convBnAct(b, 3, 2, 1, 1, Divisible.makeDivisible(32 * w, 8), Op.RELU6);
        int in = Divisible.makeDivisible(16 * w, 8);
        MobileLayers.depthwiseBnAct(b, 3, 1, 1, Op.RELU6);
        MobileLayers.convBnAct(b, 1, 1, 1, 1, in, null);
        int block = 0;
        for (int s = 0; s < WIDTHS.length; s++) {
            final int out = Divisible.makeDivisible(WIDTHS[s] * w, 8);
            for (int j = 0; j < CELLS[s]; j++, block++) {
                final int op = c.ops()[block];
                final int stride = j == 0 ? STRIDES[s] : 1;
                if (op == ZERO) {
                    continue;
                }
                final int k = 3 + 2 * (op / 2);
                final int e = op % 2 == 0 ? 3 : 6;
                final boolean skip = stride == 1 && in == out;
                MobileLayers.beginResidual(b, skip);
                MobileLayers.convBnAct(b, 1, 1, 1, 1, in * e, Op.RELU6);
                MobileLayers.depthwiseBnAct(b, k, stride, 1, Op.RELU6);
                MobileLayers.convBnAct(b, 1, 1, 1, 1, out, null);
                MobileLayers.endResidual(b, skip);
                in = out;
            }
        }
        MobileLayers.convBnAct(b, 1, 1, 1, 1, w > 1.0 ? Divisible.makeDivisible(1280 * w, 8) : 1280, Op.RELU6);
        b.gap();
        b.fc(classes);
    }

    private static int positive(Object v, String key) {
        if (v instanceof List<?> l && l.size() == 1) {
            v = l.get(0);
        }
        if (!(v instanceof BigDecimal d) || d.signum() <= 0 || d.stripTrailingZeros().scale() > 0 || d.intValue() > 4096) {
            throw new NotationException("proxyless: '" + key + "' must be a positive integer, got " + v);
        }
        return d.intValue();
    }

    /** The registry's view of the space. */
    private static final class Space extends MobileSpace<Config> {
        Space() {
            // 224 and 1.0, the search code's; all: 224 and the released widths 1.0 and 1.4 (proxyless_mobile_14)
            super(new Description("proxyless", "ProxylessNAS ImageNet search space (SuperProxylessNASNets, convert_to_normal_net)", PREFIX,
                    PREFIX + "{\"ops\":[\"3x3_MBConv3\",\"Zero\",\"Zero\",\"Zero\",\"3x3_MBConv3\",\"Zero\",\"Zero\",\"Zero\","
                            + "\"3x3_MBConv3\",\"Zero\",\"Zero\",\"Zero\",\"3x3_MBConv3\",\"Zero\",\"Zero\",\"Zero\",\"3x3_MBConv3\",\"Zero\","
                            + "\"Zero\",\"Zero\",\"3x3_MBConv3\"],\"r\":224}",
                    ProxylessSpace.size(), "6^6 x 7^15 networks",
                    new Choices(List.of(224), List.of(224)), new Choices(List.of(1000), List.of(1000, 1400))));
        }

        @Override
        protected Config read(String text) {
            return parse(text);
        }

        @Override
        protected Config draw(SpaceRandom random, SpaceOptions options) {
            return ProxylessSpace.sample(random, options, SCRATCH.get());
        }

        @Override
        protected String format(Config c) {
            return ProxylessSpace.format(c);
        }

        @Override
        protected void write(CandidateBuilder b, Config c, int classes) {
            ProxylessSpace.write(b, c, classes);
        }
    }
}
