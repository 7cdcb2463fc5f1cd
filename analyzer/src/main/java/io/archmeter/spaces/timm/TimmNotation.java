package io.archmeter.spaces.timm;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.Notations;

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
    /** The notation in the search-space registry, named {@code timm}: ImageNet's 224×224×3 input and 1000 classes by default. */
    public static final SearchSpace SPACE = new Space();

    private static final InputShape IMAGENET_INPUT = new InputShape(224, 224, 3);
    private static final int IMAGENET_CLASSES = 1000;

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
        return Notations.startsWith(text, PREFIX);
    }

    /** Writes the network of {@code notation} on an h×w×3 input with {@code classes} outputs as the next candidate. */
    public static void append(String notation, CandidateBuilder b, int h, int w, int classes) {
        b.begin(h, w, 3);
        try {
            write(notation, b, classes);
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /** Writes the network of {@code notation} with {@code classes} outputs into the candidate open in {@code b}, on its input. */
    public static void write(CharSequence notation, CandidateBuilder b, int classes) {
        if (!recognises(notation)) {
            throw new NotationException("not a timm notation: expected 'timm:MODEL' or 'timm:MODEL:ARCH_DEF'");
        }
        final String rest = Notations.withoutPrefix(notation, PREFIX);
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
        TimmNetwork.write(b, settings, stages, classes);
    }

    /** The notation as a registered search space ({@code summary}, {@code filter} and the library find it by its prefix). */
    private static final class Space implements SearchSpace {
        @Override
        public String firstChars() {
            return PREFIX.substring(0, 1);
        }

        @Override
        public String name() {
            return "timm";
        }

        @Override
        public String title() {
            return "timm efficient-net family (timm _efficientnet_builder: EfficientNet, MobileNetV3, MnasNet, FBNet, ...)";
        }

        @Override
        public String example() {
            return "timm:mobilenetv3_large_100";
        }

        @Override
        public InputShape defaultInput() {
            return IMAGENET_INPUT;
        }

        @Override
        public int defaultClasses() {
            return IMAGENET_CLASSES;
        }

        @Override
        public boolean recognizes(CharSequence text) {
            return recognises(text);
        }

        @Override
        public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
            if (!options.settings().isEmpty()) {
                throw new NotationException("timm: no settings (" + options.settings().keySet() + "): write multipliers as"
                        + " timm:MODEL(w=1.1,d=1.2)");
            }
            TimmNotation.write(text, builder, options.classesFor(this));
        }
    }
}
