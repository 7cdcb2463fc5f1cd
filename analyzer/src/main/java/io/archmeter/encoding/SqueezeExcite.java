package io.archmeter.encoding;

import io.archmeter.model.Key;

/**
 * The squeeze-excite option of an inverted residual or depthwise-separable block, as the
 * grammar's {@code sei} and {@code seh} keys write it.
 *
 * <ul>
 *   <li>{@link #efficientNet(double)} ({@code sei}, torchvision's EfficientNet): squeezes to
 *       max(1, floor(C_in·ratio)) channels of the <em>block input</em>, the block's activation
 *       inside, a sigmoid gate;</li>
 *   <li>{@link #mobileNetV3(double)} ({@code seh}, torchvision's and timm's MobileNetV3, OFA):
 *       squeezes to make_divisible(floor(m·ratio), 8) of the <em>expanded</em> channels m, relu
 *       inside, a hard-sigmoid gate.</li>
 * </ul>
 * timm's own {@code se} is neither everywhere (EfficientNet's squeezes to round(m·ratio/e)): the
 * grammar refuses it, and {@code timm:} builds it as timm does.
 *
 * @param key   {@link Key#SEI}, {@link Key#SEH}, or null for none
 * @param milli the ratio in thousandths (250 for 0.25); 0 for none
 */
public record SqueezeExcite(Key key, int milli) {
    /** No squeeze-excite. */
    public static final SqueezeExcite NONE = new SqueezeExcite(null, 0);

    public SqueezeExcite {
        if (key == null ? milli != 0 : key != Key.SEI && key != Key.SEH) {
            throw new IllegalArgumentException("squeeze-excite is sei, seh or none, not " + key);
        }
    }

    /** torchvision EfficientNet's squeeze-excite ({@code sei}) of {@code ratio}, e.g. 0.25. */
    public static SqueezeExcite efficientNet(double ratio) {
        return new SqueezeExcite(Key.SEI, Parts.thousandths(Key.SEI, ratio));
    }

    /** MobileNetV3's squeeze-excite ({@code seh}) of {@code ratio}, e.g. 0.25. */
    public static SqueezeExcite mobileNetV3(double ratio) {
        return new SqueezeExcite(Key.SEH, Parts.thousandths(Key.SEH, ratio));
    }
}
