package io.archmeter.spaces.proxyless;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.mobile.Divisible;
import io.archmeter.spaces.mobile.Literal;
import io.archmeter.spaces.mobile.MobileLayers;
import io.archmeter.spaces.Notations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code net_config} JSON of ProxylessNAS, OFA's ProxylessNAS networks and MCUNet
 * ({@code "name": "ProxylessNASNets"}), expanded as their {@code build_from_config} builds it:
 * <pre>
 *   {"name": "ProxylessNASNets", "first_conv": {ConvLayer}, "blocks": [{"name": "MobileInvertedResidualBlock",
 *     "mobile_inverted_conv": {MBInvertedConvLayer or ZeroLayer}, "shortcut": {IdentityLayer} or null}, ...],
 *    "feature_mix_layer": {ConvLayer} or null, "classifier": {LinearLayer}, "resolution": 160}
 * </pre>
 * <ul>
 *   <li>{@code ConvLayer} ({@code ops_order} "weight_bn_act"): conv k×k/stride, padding k // 2·dilation,
 *       groups, bias as given; BN if {@code use_bn}; {@code act_func};</li>
 *   <li>{@code MBInvertedConvLayer}: mid = {@code mid_channels}, or round(C_in·e) when null;
 *       [conv 1×1 to mid, BN, act — only when {@code expand_ratio} ≠ 1], dw k×k/stride, BN, act,
 *       [SE: make_divisible(mid // 4, 8), ReLU, h-sigmoid], conv 1×1 to C_out, BN;</li>
 *   <li>a block adds its input when it has an {@code IdentityLayer} shortcut; a {@code ZeroLayer}
 *       block is its input (the skipped block of the search space);</li>
 *   <li>global average pool, {@code LinearLayer} (bias as given).</li>
 * </ul>
 * Every other layer name, {@code ops_order}, channel mismatch between consecutive blocks or
 * shuffle is refused, naming the block.
 */
public final class NetConfig {
    /** The resolution when the config gives none: ImageNet's 224. */
    public static final int DEFAULT_RESOLUTION = 224;
    /**
     * The notation in the search-space registry, named {@code net_config}: a dict whose first key is
     * {@code "name": "ProxylessNASNets"} (as the codebases write it). Its {@code resolution}, when
     * given, is the input (r×r×3); without one, the caller's input. Its classifier states the classes.
     */
    public static final SearchSpace SPACE = new Space();

    private NetConfig() {
    }

    /** The config's own {@code resolution}, or {@link #DEFAULT_RESOLUTION}. */
    public static int resolution(Map<?, ?> config) {
        Object r = config.get("resolution");
        return r == null ? DEFAULT_RESOLUTION : integer(r, "resolution");
    }

    /** Parses {@code text} (JSON or Python) into the config dict, checking its name. */
    public static Map<?, ?> parse(String text) {
        if (!(Literal.parse(text.strip()) instanceof Map<?, ?> map)) {
            throw new NotationException("net_config: expected a dict {\"name\": \"ProxylessNASNets\", ...}");
        }
        Object name = map.get("name");
        if (!"ProxylessNASNets".equals(name)) {
            throw new NotationException("net_config: name " + name + " is not ProxylessNASNets (the ProxylessNAS/MCUNet network)");
        }
        return map;
    }

    /** Writes the network on an r×r×3 input (r from the config, else 224) as the next candidate. */
    public static void append(CandidateBuilder b, Map<?, ?> config) {
        int r = resolution(config);
        append(b, config, r, r);
    }

    /** Writes the network on an h×w×3 input as the next candidate. */
    public static void append(CandidateBuilder b, Map<?, ?> config, int h, int w) {
        b.begin(h, w, 3);
        try {
            write(b, config);
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /**
     * Writes the network's layers into the candidate open in {@code b} (3 input channels), after
     * setting its input to the config's {@code resolution} if it has one ({@link CandidateBuilder#input}).
     */
    public static void write(CandidateBuilder b, Map<?, ?> config) {
        if (config.get("resolution") != null) {
            final int r = resolution(config);
            b.input(r, r, 3);
        }
        int c = convLayer(b, map(config.get("first_conv"), "first_conv"), 3, "first_conv");
        List<?> blocks = list(config.get("blocks"), "blocks");
        for (int i = 0; i < blocks.size(); i++) {
            c = block(b, map(blocks.get(i), "blocks[" + i + "]"), c, "blocks[" + i + "]");
        }
        Object mix = config.get("feature_mix_layer");
        if (mix != null && mix != Literal.NULL) {
            c = convLayer(b, map(mix, "feature_mix_layer"), c, "feature_mix_layer");
        }
        b.gap();
        Map<?, ?> cls = map(config.get("classifier"), "classifier");
        expectName(cls, "LinearLayer", "classifier");
        if (integer(cls.get("in_features"), "classifier in_features") != c) {
            throw new NotationException("net_config classifier: in_features " + cls.get("in_features") + " but " + c
                    + " channels reach it");
        }
        if (Boolean.TRUE.equals(cls.get("use_bn"))) {
            throw new NotationException("net_config classifier: use_bn is not supported");
        }
        b.fc(integer(cls.get("out_features"), "classifier out_features"), !Boolean.FALSE.equals(cls.get("bias")));
    }

    private static int block(CandidateBuilder b, Map<?, ?> blk, int in, String where) {
        expectName(blk, "MobileInvertedResidualBlock", where);
        Map<?, ?> conv = map(blk.get("mobile_inverted_conv"), where + ".mobile_inverted_conv");
        Object sc = blk.get("shortcut");
        boolean identity = sc != null && sc != Literal.NULL && "IdentityLayer".equals(map(sc, where + ".shortcut").get("name"));
        if (sc != null && sc != Literal.NULL && !identity && !"ZeroLayer".equals(map(sc, where + ".shortcut").get("name"))) {
            throw new NotationException("net_config " + where + ": shortcut " + map(sc, where).get("name") + " is not supported");
        }
        if ("ZeroLayer".equals(conv.get("name"))) {
            return in;
        }
        expectName(conv, "MBInvertedConvLayer", where + ".mobile_inverted_conv");
        checkIn(conv, "in_channels", in, where);
        final int out = integer(conv.get("out_channels"), where + " out_channels");
        final int k = integer(conv.get("kernel_size"), where + " kernel_size");
        final int s = integer(conv.get("stride"), where + " stride");
        final BigDecimal e = decimal(conv.get("expand_ratio"), where + " expand_ratio");
        final Object midV = conv.get("mid_channels");
        final int mid = midV == null || midV == Literal.NULL ? Divisible.pythonRound(in * e.doubleValue()) : integer(midV, where + " mid_channels");
        // MBInvertedConvLayer's default act_func is relu6; an explicit null builds no runnable block
        final Op act = conv.containsKey("act_func") ? act(conv.get("act_func"), where) : Op.RELU6;
        if (act == null) {
            throw new NotationException("net_config " + where + ": act_func null: MBInvertedConvLayer needs an activation");
        }
        if (identity && (s != 1 || in != out)) {
            throw new NotationException("net_config " + where + ": an identity shortcut needs stride 1 and equal channels, got stride "
                    + s + ", " + in + " -> " + out);
        }
        MobileLayers.beginResidual(b, identity);
        if (e.compareTo(BigDecimal.ONE) != 0) {
            MobileLayers.convBnAct(b, 1, 1, 1, 1, mid, act);
        } else if (mid != in) {
            throw new NotationException("net_config " + where + ": expand_ratio 1 builds no expansion, so mid_channels must be " + in);
        }
        MobileLayers.depthwiseBnAct(b, k, s, 1, act);
        if (Boolean.TRUE.equals(conv.get("use_se"))) {
            MobileLayers.squeezeExcite(b, mid, Divisible.makeDivisible(mid / 4, 8), Op.RELU, Op.HSIGMOID);
        }
        MobileLayers.convBnAct(b, 1, 1, 1, 1, out, null);
        MobileLayers.endResidual(b, identity);
        return out;
    }

    private static int convLayer(CandidateBuilder b, Map<?, ?> l, int in, String where) {
        expectName(l, "ConvLayer", where);
        checkIn(l, "in_channels", in, where);
        Object order = l.get("ops_order");
        if (order != null && !"weight_bn_act".equals(order)) {
            throw new NotationException("net_config " + where + ": ops_order " + order + " is not supported (weight_bn_act only)");
        }
        if (Boolean.TRUE.equals(l.get("has_shuffle"))) {
            throw new NotationException("net_config " + where + ": has_shuffle is not supported");
        }
        final int out = integer(l.get("out_channels"), where + " out_channels");
        final int k = integer(l.get("kernel_size"), where + " kernel_size");
        final int s = integer(l.get("stride"), where + " stride");
        final int d = l.get("dilation") == null ? 1 : integer(l.get("dilation"), where + " dilation");
        final int g = l.get("groups") == null ? 1 : integer(l.get("groups"), where + " groups");
        final int p = k / 2 * d;
        b.conv(k, k, s, s, p, p, d, d, g, out, Boolean.TRUE.equals(l.get("bias")));
        if (!Boolean.FALSE.equals(l.get("use_bn"))) {
            b.bn();
        }
        // ConvLayer's default act_func is relu; null is none
        Op act = l.containsKey("act_func") ? act(l.get("act_func"), where) : Op.RELU;
        if (act != null) {
            b.simple(act);
        }
        return out;
    }

    private static Op act(Object name, String where) {
        if (name == null || name == Literal.NULL) {
            return null;
        }
        switch (String.valueOf(name)) {
            case "relu":
                return Op.RELU;
            case "relu6":
                return Op.RELU6;
            case "h_swish":
                return Op.HSWISH;
            case "h_sigmoid":
                return Op.HSIGMOID;
            case "sigmoid":
                return Op.SIGMOID;
            case "tanh":
                return Op.TANH;
            default:
                throw new NotationException("net_config " + where + ": act_func " + name + " is not one of relu, relu6, h_swish,"
                        + " h_sigmoid, sigmoid, tanh");
        }
    }

    private static void expectName(Map<?, ?> m, String name, String where) {
        if (!name.equals(m.get("name"))) {
            throw new NotationException("net_config " + where + ": layer " + m.get("name") + " is not supported here (expected " + name + ")");
        }
    }

    private static void checkIn(Map<?, ?> l, String key, int in, String where) {
        if (integer(l.get(key), where + " " + key) != in) {
            throw new NotationException("net_config " + where + ": " + key + " " + l.get(key) + " but " + in + " channels reach it");
        }
    }

    private static Map<?, ?> map(Object v, String where) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new NotationException("net_config " + where + ": expected a dict, got " + v);
        }
        return m;
    }

    private static List<?> list(Object v, String where) {
        if (!(v instanceof List<?> l)) {
            throw new NotationException("net_config " + where + ": expected a list, got " + v);
        }
        return l;
    }

    private static BigDecimal decimal(Object v, String where) {
        if (!(v instanceof BigDecimal d) || d.signum() <= 0) {
            throw new NotationException("net_config " + where + ": expected a positive number, got " + v);
        }
        return d;
    }

    private static int integer(Object v, String where) {
        if (!(v instanceof BigDecimal d) || d.stripTrailingZeros().scale() > 0 || d.signum() <= 0 || d.compareTo(BigDecimal.valueOf(1 << 30)) > 0) {
            throw new NotationException("net_config " + where + ": expected a positive integer, got " + v);
        }
        return d.intValue();
    }

    /** True if {@code text} starts, after spaces, with {@code {"name": "ProxylessNASNets"} (either quote style). Allocates nothing. */
    static boolean startsAsNetConfig(CharSequence text) {
        int i = Notations.firstNonSpace(text);
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        i = quoted(text, skip(text, i + 1), "name");
        if (i < 0) {
            return false;
        }
        i = skip(text, i);
        if (i >= text.length() || text.charAt(i) != ':') {
            return false;
        }
        return quoted(text, skip(text, i + 1), "ProxylessNASNets") >= 0;
    }

    private static int skip(CharSequence t, int i) {
        while (i < t.length() && t.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** The index after {@code word} in quotes at {@code i}, or -1. */
    private static int quoted(CharSequence t, int i, String word) {
        if (i >= t.length() || (t.charAt(i) != '"' && t.charAt(i) != '\'')) {
            return -1;
        }
        final char q = t.charAt(i);
        final int end = i + 1 + word.length();
        if (end >= t.length() || t.charAt(end) != q) {
            return -1;
        }
        for (int k = 0; k < word.length(); k++) {
            if (t.charAt(i + 1 + k) != word.charAt(k)) {
                return -1;
            }
        }
        return end + 1;
    }

    /** The registry's view of the notation. */
    private static final class Space implements SearchSpace {
        @Override
        public String firstChars() {
            return "{";
        }

        @Override
        public String name() {
            return "net_config";
        }

        @Override
        public String title() {
            return "ProxylessNAS / MCUNet network net_config (ProxylessNASNets.build_from_config)";
        }

        @Override
        public String example() {
            return "{\"name\": \"ProxylessNASNets\", \"first_conv\": {\"name\": \"ConvLayer\", \"kernel_size\": 3, \"stride\": 2,"
                    + " \"in_channels\": 3, \"out_channels\": 16, \"act_func\": \"relu6\"}, \"blocks\": [{\"name\":"
                    + " \"MobileInvertedResidualBlock\", \"mobile_inverted_conv\": {\"name\": \"MBInvertedConvLayer\", \"in_channels\": 16,"
                    + " \"out_channels\": 16, \"kernel_size\": 3, \"stride\": 1, \"expand_ratio\": 3, \"act_func\": \"relu6\"},"
                    + " \"shortcut\": {\"name\": \"IdentityLayer\"}}], \"feature_mix_layer\": null, \"classifier\": {\"name\":"
                    + " \"LinearLayer\", \"in_features\": 16, \"out_features\": 1000}, \"resolution\": 160}";
        }

        @Override
        public InputShape defaultInput() {
            return new InputShape(DEFAULT_RESOLUTION, DEFAULT_RESOLUTION, 3);
        }

        @Override
        public int defaultClasses() {
            return 1000;
        }

        @Override
        public boolean recognizes(CharSequence text) {
            return startsAsNetConfig(text);
        }

        @Override
        public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
            NetConfig.write(builder, parse(text.toString()));
        }
    }
}
