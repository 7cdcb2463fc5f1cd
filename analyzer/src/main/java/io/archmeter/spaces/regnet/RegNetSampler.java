package io.archmeter.spaces.regnet;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SpaceRandom;

/**
 * Samples the RegNet design space as pycls's sweep does ({@code pycls/sweep/samplers.py}
 * {@code regnet_sampler} with the default ranges of {@code sweep/config.py} {@code REGNET_SAMPLER}
 * and its constraint {@code REGNET.NUM_STAGES = [4, 4]}):
 * <ul>
 *   <li>d uniform in [12, 28];</li>
 *   <li>w0 log-uniform in [8, 256], a multiple of 8;</li>
 *   <li>wa log-uniform in [8, 256], a multiple of 0.1;</li>
 *   <li>wm log-uniform in [2, 3], a multiple of 0.001;</li>
 *   <li>g log-uniform in [8, 128], a multiple of 8 ({@code power2_or_log_uniform} with q = low);</li>
 *   <li>b = 1 ({@code BOT_MUL = [1.0, 1.0]});</li>
 *   <li>drawn again until the design has exactly 4 stages and skips no exponent.</li>
 * </ul>
 * Log-uniform draws quantise up (pycls {@code log_uniform}: f in (low − min(q, low/2), high], then
 * ceil to q). RegNetY adds squeeze-excite of ratio {@code se} (pycls {@code SE_R = 0.25}).
 *
 * <p>A sample depends on the random state only ({@code generate} seeds it per candidate). Not
 * thread-safe: one per thread.
 */
public final class RegNetSampler {
    private final double se;
    private final RegNetDesign design = new RegNetDesign();

    /** A sampler of RegNetX ({@code se} 0) or RegNetY ({@code se} 0.25). */
    public RegNetSampler(double se) {
        this.se = se;
    }

    /** The design of the last sample, computed: what {@link RegNetNetwork#write} takes. */
    public RegNetDesign design() {
        return design;
    }

    /** Draws one design with {@code random} into {@code out}; {@link #design()} is then its stages. */
    public void sample(SpaceRandom random, Sample out) {
        while (true) {
            out.d = 12 + random.nextInt(28 - 12 + 1);
            out.w0 = 8 * quanta(random, 8, 256, 8);
            out.waTenths = quanta(random, 8.0, 256.0, 0.1);
            out.wmThousandths = quanta(random, 2.0, 3.0, 0.001);
            out.g = 8 * quanta(random, 8, 128, 8);
            out.se = se;
            // the last block has the largest exponent: 4 stages need it to be 3 (one log instead of d)
            if (Math.rint(Math.log(((out.d - 1) * out.wa() + out.w0) / out.w0) / Math.log(out.wm())) != 3) {
                continue;
            }
            try {
                design.compute(out.d, out.w0, out.wa(), out.wm(), out.g, 1.0);
            } catch (NotationException e) {
                continue;       // a rounding tie: not a design we cost one way silently; draw again
            }
            if (design.stages() == 4 && design.possibleStages() == 4) {
                return;
            }
        }
    }

    /** pycls {@code log_uniform(low, high, q)}, as a count of quanta q. */
    private static int quanta(SpaceRandom random, double low, double high, double q) {
        final double lo = Math.log(low - Math.min(q, low / 2));
        final double hi = Math.log(high);
        final double f = Math.exp(lo + (hi - lo) * (1 - random.nextDouble()));
        final long n = (long) Math.ceil(f / q);
        return (int) Math.max(Math.round(low / q), Math.min(Math.round(high / q), n));
    }

    /** One sampled design, mutable and reused. */
    public static final class Sample {
        int d;
        int w0;
        int waTenths;
        int wmThousandths;
        int g;
        double se;

        public int d() {
            return d;
        }

        public int w0() {
            return w0;
        }

        /** wa as Python reads its decimal: the double nearest tenths/10. */
        public double wa() {
            return waTenths / 10.0;
        }

        public double wm() {
            return wmThousandths / 1000.0;
        }

        public int g() {
            return g;
        }

        public double se() {
            return se;
        }

        /** Appends the notation, e.g. {@code regnet:d=22,w0=24,wa=24.5,wm=2.54,g=16}. */
        public void appendNotation(StringBuilder sb) {
            sb.append(RegNetParams.PREFIX).append("d=").append(d).append(",w0=").append(w0).append(",wa=");
            decimal(sb, waTenths, 10);
            sb.append(",wm=");
            decimal(sb, wmThousandths, 1000);
            sb.append(",g=").append(g);
            if (se > 0) {
                sb.append(",se=").append(se);
            }
        }

        /** n / scale written without trailing zeros (24.5, 2.54, 3). */
        private static void decimal(StringBuilder sb, int n, int scale) {
            sb.append(n / scale);
            int frac = n % scale;
            if (frac != 0) {
                sb.append('.');
                for (int s = scale / 10; s > 0 && frac != 0; s /= 10) {
                    sb.append(frac / s);
                    frac %= s;
                }
            }
        }
    }
}
