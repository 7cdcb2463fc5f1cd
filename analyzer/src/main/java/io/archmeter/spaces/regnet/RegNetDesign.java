package io.archmeter.spaces.regnet;

/**
 * The stages of a RegNet, from its parameters, as torchvision's {@code BlockParams.from_init_params}
 * computes them (reused across candidates: {@link #compute} allocates nothing once its arrays are
 * as long as the deepest design seen).
 *
 * <h2>The quantised linear rule</h2>
 * Block j (0 … d−1) has the continuous width u_j = w0 + wa·j; its exponent
 * k_j = round(log(u_j / w0) / log(wm)); its width w_j = round(w0·wm^k_j / 8)·8. Consecutive
 * blocks of one width form a stage (stride 2 at its first block). Then, per stage, the bottleneck
 * width int(w·b) and the group width min(g, int(w·b)) are made compatible: the bottleneck width
 * becomes {@code _make_divisible(int(w·b), g)} (the nearest multiple of g, at least g, never more
 * than 10% below) and the stage width int(that / b).
 *
 * <p>torchvision computes the first steps in float32 ({@code torch.arange(d) * w_a + w_0} …),
 * pycls in float64; both round half to even. They agree on every published model. Where they
 * would round a block differently (a value within float rounding of a .5 tie), the design is
 * refused with a message rather than costed one way silently.
 *
 * <p>Worked example, RegNetX-400MF (d=22, w0=24, wa=24.48, wm=2.54, g=16): block widths 24, 64, 152,
 * 392 in stages of depth 1, 2, 7, 12; group width 16 makes them 32, 64, 160, 400 (24 → 32:
 * the nearest multiple of 16 at least 16).
 */
public final class RegNetDesign {
    /** Widths are quantised to multiples of 8 ({@code QUANT}); every stage has stride 2. */
    static final int QUANT = 8;
    /** The widest block accepted: wider designs are typing mistakes, and their counts would overflow. */
    static final int MAX_WIDTH = 1 << 24;
    /** How close to a .5 tie a value must be for float32 and float64 rounding to be told apart. */
    private static final double TIE_MARGIN = 1e-5;

    private int[] blockWidths = new int[32];
    private int[] widths = new int[8];
    private int[] depths = new int[8];
    private int[] groupWidths = new int[8];
    private int stages;
    private int maxExponent;
    private double bottleneck;

    /** Computes the stages of {@code p}. */
    public RegNetDesign compute(RegNetParams p) {
        return compute(p.d(), p.w0(), p.wa().doubleValue(), p.wm().doubleValue(), p.g(), p.b().doubleValue());
    }

    /**
     * Computes the stages of the design d, w0, wa, wm, g, b.
     *
     * @throws io.archmeter.spaces.NotationException for settings torchvision refuses
     *         ({@code wa < 0 or w0 <= 0 or wm <= 1 or w0 % 8 != 0}), d or g below 1, b not positive,
     *         or a width rounding that float32 and float64 would decide differently
     */
    public RegNetDesign compute(int d, int w0, double wa, double wm, int g, double b) {
        if (wa < 0 || w0 <= 0 || wm <= 1 || w0 % QUANT != 0) {
            throw RegNetParams.error("invalid settings (torchvision: wa >= 0, w0 > 0 and a multiple of 8, wm > 1): w0=" + w0
                    + ", wa=" + wa + ", wm=" + wm);
        }
        if (d < 1 || d > 1024 || g < 1 || !(b > 0)) {
            throw RegNetParams.error("d must be 1 to 1024, g at least 1 and b positive (d=" + d + ", g=" + g + ", b=" + b + ")");
        }
        if (blockWidths.length < d) {
            blockWidths = new int[Math.max(d, 2 * blockWidths.length)];
        }
        quantize(d, w0, wa, wm);
        stages = 0;
        for (int j = 0; j < d; j++) {
            if (j == 0 || blockWidths[j] != blockWidths[j - 1]) {
                ensureStages(stages + 1);
                widths[stages] = blockWidths[j];
                depths[stages] = 0;
                stages++;
            }
            depths[stages - 1]++;
        }
        bottleneck = b;
        for (int s = 0; s < stages; s++) {
            int wBot = (int) (widths[s] * b);
            if (wBot < 1) {
                throw RegNetParams.error("stage " + (s + 1) + ": bottleneck width int(" + widths[s] + " * " + b + ") is 0");
            }
            int gMin = Math.min(g, wBot);
            int adjusted = makeDivisible(wBot, gMin);
            widths[s] = (int) (adjusted / b);
            groupWidths[s] = gMin;
        }
        return this;
    }

    /** Block widths, float32 as torchvision and float64 as pycls; refuses where they would differ. */
    private void quantize(int d, int w0, double wa, double wm) {
        final float wa32 = (float) wa;
        final float w032 = w0;
        final float logWm32 = (float) Math.log(wm);
        final float wm32 = (float) wm;
        final double logWm = Math.log(wm);
        maxExponent = 0;
        // the width of an exponent is computed once: exponents do not decrease along the blocks
        float lastK = Float.NaN;
        int width32 = 0;
        int width64 = 0;
        double scaled64 = 0;
        for (int j = 0; j < d; j++) {
            // torchvision: torch.arange(d) * w_a + w_0, then log / math.log(w_m), round, w_0 * pow(w_m, k) / 8, round, * 8
            final float cont32 = (float) j * wa32 + w032;
            final float ratio32 = (float) Math.log(cont32 / w032) / logWm32;
            final float k32 = (float) Math.rint(ratio32);
            // pycls: np.arange(d) * w_a + w_0 in float64
            final double ratio64 = Math.log((j * wa + w0) / w0) / logWm;
            final double k64 = Math.rint(ratio64);
            if (k32 != lastK) {
                final float scaled32 = w032 * (float) Math.pow(wm32, k32) / (float) QUANT;
                width32 = (int) ((float) Math.rint(scaled32) * QUANT);
                scaled64 = w0 * Math.pow(wm, k64) / QUANT;
                if (!(scaled64 < MAX_WIDTH / QUANT)) {
                    throw RegNetParams.error("block " + (j + 1) + " would be " + Math.round(scaled64 * QUANT) + " channels wide"
                            + " (w0 * wm^" + (long) k64 + "): more than " + MAX_WIDTH + ", far beyond any network");
                }
                width64 = (int) Math.rint(scaled64) * QUANT;
                lastK = k32;
            }
            if (k32 != k64 || width32 != width64 || nearTie(ratio64) || nearTie(scaled64)) {
                throw RegNetParams.error("block " + (j + 1) + " lies at a rounding tie (log ratio " + ratio64 + ", width/8 "
                        + scaled64 + "): torchvision (float32) and pycls (float64) may quantise it differently");
            }
            blockWidths[j] = width32;
            maxExponent = Math.max(maxExponent, (int) k32);
        }
    }

    /** True if x is within {@link #TIE_MARGIN} of a .5 tie without being one exactly. */
    private static boolean nearTie(double x) {
        double f = x - Math.floor(x);
        return f != 0.5 && Math.abs(f - 0.5) < TIE_MARGIN;
    }

    /**
     * torchvision's {@code _make_divisible(v, divisor)}: the multiple of {@code divisor} nearest v
     * (halves up), at least {@code divisor}, plus one more divisor if that is below 90% of v.
     */
    static int makeDivisible(int v, int divisor) {
        int newV = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v) {
            newV += divisor;
        }
        return newV;
    }

    private void ensureStages(int n) {
        if (widths.length < n) {
            widths = java.util.Arrays.copyOf(widths, 2 * n);
            depths = java.util.Arrays.copyOf(depths, 2 * n);
            groupWidths = java.util.Arrays.copyOf(groupWidths, 2 * n);
        }
    }

    public int stages() {
        return stages;
    }

    /**
     * The stages the exponents allow, max k_j + 1 (pycls's {@code total_stages}); fewer
     * {@link #stages()} means some exponent was skipped.
     */
    public int possibleStages() {
        return maxExponent + 1;
    }

    /** Output width of stage s (0-based). */
    public int width(int s) {
        return widths[s];
    }

    public int depth(int s) {
        return depths[s];
    }

    public int groupWidth(int s) {
        return groupWidths[s];
    }

    public double bottleneck() {
        return bottleneck;
    }
}
