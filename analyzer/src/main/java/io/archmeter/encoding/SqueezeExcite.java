package io.archmeter.encoding;

import io.archmeter.model.Key;

/**
 * The squeeze-excite option of an inverted residual or depthwise-separable block, as the
 * grammar's {@code se} and {@code seh} keys write it.
 *
 * <ul>
 *   <li>{@link #efficientNet(double)} ({@code se}, timm's default): squeezes to
 *       max(1, floor(C_in·ratio)) channels of the <em>block input</em>, the block's activation
 *       inside, a sigmoid gate;</li>
 *   <li>{@link #mobileNetV3(double)} ({@code seh}): squeezes to make_divisible(floor(m·ratio), 8)
 *       of the <em>expanded</em> channels m, relu inside, a hard-sigmoid gate.</li>
 * </ul>
 *
 * @param key   {@link Key#SE}, {@link Key#SEH}, or null for none
 * @param milli the ratio in thousandths (250 for 0.25); 0 for none
 */
public record SqueezeExcite(Key key, int milli) {
    /** No squeeze-excite. */
    public static final SqueezeExcite NONE = new SqueezeExcite(null, 0);

    public SqueezeExcite {
        if (key == null ? milli != 0 : key != Key.SE && key != Key.SEH) {
            throw new IllegalArgumentException("squeeze-excite is se, seh or none, not " + key);
        }
    }

    /** EfficientNet's squeeze-excite ({@code se}) of {@code ratio}, e.g. 0.25. */
    public static SqueezeExcite efficientNet(double ratio) {
        return new SqueezeExcite(Key.SE, Parts.thousandths(Key.SE, ratio));
    }

    /** MobileNetV3's squeeze-excite ({@code seh}) of {@code ratio}, e.g. 0.25. */
    public static SqueezeExcite mobileNetV3(double ratio) {
        return new SqueezeExcite(Key.SEH, Parts.thousandths(Key.SEH, ratio));
    }
}
