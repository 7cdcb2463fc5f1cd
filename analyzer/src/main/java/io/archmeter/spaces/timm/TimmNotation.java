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
 * </pre>
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
        final String name = (colon < 0 ? rest : rest.substring(0, colon)).strip();
        final TimmModels.Model model = TimmModels.get(name);
        final String archDef = colon < 0 ? model.archDef() : rest.substring(colon + 1);
        final List<List<TimmBlock>> stages = TimmArchDef.decode(TimmArchDef.parse(archDef), model.settings());
        try {
            TimmNetwork.append(b, model.settings(), stages, h, w, classes);
        } catch (RuntimeException e) {
            b.batch().abort();
            throw e;
        }
    }
}
