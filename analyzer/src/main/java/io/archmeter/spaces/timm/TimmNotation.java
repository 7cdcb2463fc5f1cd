package io.archmeter.spaces.timm;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.spaces.mobile.NotationException;

import java.util.List;

/**
 * The {@code timm:} notation: timm's own model names and arch_defs, with timm's meaning.
 * <pre>
 *   timm:mobilenetv3_large_100                       the registered model (5,483,032 parameters)
 *   timm:mobilenetv3_large_100:[['ds_r1_k3_s1_e1_c16_nre'], …]   an arch_def under that model's settings
 *   timm:efficientnet_b0:ds_r1_k3_s1_e1_c16_se0.25 | ir_r2_k3_s2_e6_c24_se0.25 | …   the same, one line
 *   timm:efficientnet_b0(w=1.1,d=1.2)                the model's generator with other multipliers
 * </pre>
 * {@code w} and {@code d} are the generator's {@code channel_multiplier} and
 * {@code depth_multiplier}, applied exactly as that generator applies them (round_chs_fn with
 * make_divisible, the head width rule, fix_stem, ceil or round depth scaling);
 * {@code timm:efficientnet_b0(w=1.1,d=1.2)} is {@code efficientnet_b2}.
 * The model name after {@code timm:} chooses the generator settings ({@link TimmSettings}): what
 * {@code se0.25}, the default activation, the stem and the head mean. An arch_def pasted from
 * {@code _gen_mobilenet_v3} under {@code timm:mobilenetv3_large_100} builds exactly what timm builds;
 * a part archmeter cannot reproduce is refused ({@link TimmBlockDecoder}).
 */
public final class TimmNotation {
    /** The prefix of the notation. */
    public static final String PREFIX = "timm:";

    private TimmNotation() {
    }

    private static double multiplier(String[] kv, String name) {
        if (kv.length == 2 && kv[1].strip().matches("[0-9]+(\\.[0-9]+)?")) {
            double v = Double.parseDouble(kv[1].strip());
            if (v > 0 && v <= 16) {
                return v;
            }
        }
        throw new NotationException("timm model '" + name + "': multiplier '" + String.join("=", kv).strip()
                + "' must be w=… or d=… with a positive decimal up to 16");
    }

    /** True if {@code text} is in this notation. */
    public static boolean recognises(CharSequence text) {
        return text.length() > PREFIX.length() && text.subSequence(0, PREFIX.length()).toString().equals(PREFIX);
    }

    /** Writes the network of {@code notation} on an h×w×3 input with {@code classes} outputs as the next candidate. */
    public static void append(String notation, CandidateBuilder b, int h, int w, int classes) {
        if (!recognises(notation)) {
            throw new NotationException("not a timm notation: expected 'timm:MODEL' or 'timm:MODEL:ARCH_DEF'");
        }
        final String rest = notation.substring(PREFIX.length());
        final int colon = rest.indexOf(':');
        String name = (colon < 0 ? rest : rest.substring(0, colon)).strip();
        double width = Double.NaN;
        double depth = Double.NaN;
        final int paren = name.indexOf('(');
        if (paren >= 0) {
            if (!name.endsWith(")")) {
                throw new NotationException("timm model '" + name + "': multipliers are written MODEL(w=1.1,d=1.2)");
            }
            for (String part : name.substring(paren + 1, name.length() - 1).split(",")) {
                String[] kv = part.strip().split("=", 2);
                double v = multiplier(kv, name);
                if (kv[0].strip().equals("w") && Double.isNaN(width)) {
                    width = v;
                } else if (kv[0].strip().equals("d") && Double.isNaN(depth)) {
                    depth = v;
                } else {
                    throw new NotationException("timm model '" + name + "': '" + part.strip() + "' is not w=… (channel_multiplier)"
                            + " or d=… (depth_multiplier), each given once");
                }
            }
            name = name.substring(0, paren).strip();
        }
        final TimmModels.Model model = TimmModels.get(name);
        final TimmSettings settings = paren < 0 ? model.settings() : model.settings(width, depth);
        final String archDef = colon < 0 ? model.archDef() : rest.substring(colon + 1);
        final List<List<TimmBlock>> stages = TimmArchDef.decode(TimmArchDef.parse(archDef), settings);
        TimmNetwork.append(b, settings, stages, h, w, classes);
    }
}
