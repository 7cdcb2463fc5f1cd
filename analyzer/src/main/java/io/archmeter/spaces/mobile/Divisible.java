package io.archmeter.spaces.mobile;

import io.archmeter.spaces.NotationException;

/**
 * The channel-rounding rules of the MobileNet family, computed as their reference code computes
 * them: in IEEE double precision, like Python floats, so that a width multiplier such as 0.35 or
 * an expansion such as 3.67 rounds exactly as it does there (Java's double arithmetic and
 * {@link Math#rint} are Python's float arithmetic and {@code round}).
 *
 * <p>{@code make_divisible(v, divisor=8, min_value=None, round_limit=0.9)} (timm, OFA,
 * ProxylessNAS/MCUNet and TF's MobileNet code share it):
 * <pre>
 *   new_v = max(min_value or divisor, int(v + divisor / 2) // divisor * divisor)
 *   if new_v &lt; round_limit * v: new_v += divisor
 * </pre>
 * Worked example: MobileNetV2 at width 0.35, 32 channels: v = 11.2; int(15.2) // 8 * 8 = 8;
 * 8 &lt; 0.9·11.2 = 10.08, so 16.
 */
public final class Divisible {
    private Divisible() {
    }

    /** make_divisible(v, divisor) with round_limit 0.9 and min_value = divisor. */
    public static int makeDivisible(double v, int divisor) {
        return makeDivisible(v, divisor, 0, 0.9);
    }

    /** make_divisible(v, divisor, min_value, round_limit); minValue 0 means the divisor (Python's {@code min_value or divisor}). */
    public static int makeDivisible(double v, int divisor, int minValue, double roundLimit) {
        final int min = minValue == 0 ? divisor : minValue;
        final double shifted = v + divisor / 2.0;
        if (!(shifted < Integer.MAX_VALUE)) {
            throw new NotationException("channel count " + v + " is out of range");
        }
        long newV = Math.max(min, Math.floorDiv((long) shifted, divisor) * divisor);
        if (newV < roundLimit * v) {
            newV += divisor;
        }
        return (int) newV;
    }

    /** Python 3's {@code round(x)} of a float to an int: half to even. */
    public static int pythonRound(double x) {
        double r = Math.rint(x);
        if (!(Math.abs(r) < Integer.MAX_VALUE)) {
            throw new NotationException("value " + x + " is out of range");
        }
        return (int) r;
    }
}
