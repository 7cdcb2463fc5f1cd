package io.archmeter.gen;

import java.util.SplittableRandom;

/**
 * Seeded random candidates of the kind NAS search spaces produce: a strided stem, a run of
 * conv/BN/activation and depthwise-separable blocks with a few stride-2 reductions and channel
 * widenings, global pooling and a classifier. The same seed gives the same candidates on every
 * machine, so benchmark inputs and generated datasets are reproducible without being committed.
 *
 * <pre>{@code
 * CandidateGenerator g = new CandidateGenerator(42);
 * String arch = g.next(20);   // e.g. "conv_k3_s2_c32 bn relu6 dw_k5 bn relu6 conv_k1_c48 bn relu6 ... gap fc_c1000"
 * }</pre>
 *
 * <p>Not thread-safe: one generator per thread (or {@link #split()}).
 */
public final class CandidateGenerator {
    private static final int[] STEM_CHANNELS = {16, 24, 32, 40};
    private static final int[] KERNELS = {3, 3, 3, 5, 5, 7};
    private static final String[] ACTIVATIONS = {"relu", "relu", "relu6", "relu6", "swish", "hswish"};

    private final SplittableRandom random;

    public CandidateGenerator(long seed) {
        this(new SplittableRandom(seed));
    }

    private CandidateGenerator(SplittableRandom random) {
        this.random = random;
    }

    /** An independent generator, for another thread. */
    public CandidateGenerator split() {
        return new CandidateGenerator(random.split());
    }

    private static final int[] EXPANSIONS = {1, 3, 4, 6, 6};

    /**
     * A MobileNet-style candidate of {@code blocks} inverted-residual blocks (a search-space point of
     * the MobileNetV2 / ProxylessNAS / Once-for-All kind): a stride-2 stem, the blocks with kernel 3,
     * 5 or 7, expansion 1, 3, 4 or 6, optional squeeze-excite, at most four stride-2 reductions
     * with channels growing by 8 to 24, a 1×1 head, global pooling and a classifier. Valid on
     * 224×224×3; a block with stride 1 and unchanged channels has a residual join, so these are graphs.
     *
     * <pre>{@code conv_k3_s2_c16_b0 bn relu6 ds_k3_c16_relu6 ir_k5_s2_e6_c24_relu6 … conv_k1_c1280_b0 bn relu6 gap fc_c1000}</pre>
     */
    public String nextBlocks(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("a block candidate needs at least 1 block, not " + blocks);
        }
        StringBuilder sb = new StringBuilder(blocks * 28 + 80);
        String act = random.nextInt(3) == 0 ? "hswish" : "relu6";
        int channels = STEM_CHANNELS[random.nextInt(STEM_CHANNELS.length)];
        sb.append("conv_k3_s2_c").append(channels).append("_b0 bn ").append(act);
        int reductions = 0;
        for (int b = 0; b < blocks; b++) {
            boolean reduce = reductions < 4 && random.nextInt(Math.max(1, blocks / 4)) == 0;
            if (reduce) {
                reductions++;
                channels += 8 * (1 + random.nextInt(3));
            } else if (random.nextInt(4) == 0) {
                channels += 8;
            }
            // expansion 1 is the block without an expansion conv: ds (ir_e1 is refused, see CandidateBuilder.block)
            final int e = b == 0 ? 1 : EXPANSIONS[random.nextInt(EXPANSIONS.length)];
            sb.append(e == 1 ? " ds_k" : " ir_k").append(KERNELS[random.nextInt(KERNELS.length)]);
            if (reduce) {
                sb.append("_s2");
            }
            if (e != 1) {
                sb.append("_e").append(e);
            }
            sb.append("_c").append(channels);
            if (random.nextInt(3) == 0) {
                sb.append("_seh0.25");
            }
            sb.append('_').append(act);
        }
        sb.append(" conv_k1_c1280_b0 bn ").append(act).append(" gap fc_c1000");
        return sb.toString();
    }

    /**
     * A candidate of exactly {@code layers} layers (at least 5) that is valid on a 224×224×3 input:
     * at most five stride-2 reductions, channels that grow by steps of 8.
     */
    public String next(int layers) {
        if (layers < 5) {
            throw new IllegalArgumentException("a generated candidate needs at least 5 layers, not " + layers);
        }
        StringBuilder sb = new StringBuilder(layers * 12);
        String act = ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
        int channels = STEM_CHANNELS[random.nextInt(STEM_CHANNELS.length)];
        sb.append("conv_k3_s2_c").append(channels).append(" bn ").append(act);
        int left = layers - 3 - 2;       // stem, and gap + fc at the end
        int reductions = 1;
        while (left > 0) {
            int k = KERNELS[random.nextInt(KERNELS.length)];
            boolean reduce = reductions < 5 && random.nextInt(4) == 0;
            int s = reduce ? 2 : 1;
            if (reduce) {
                reductions++;
                channels += 8 * (1 + random.nextInt(4));
            }
            if (left >= 6 && random.nextBoolean()) {
                // depthwise-separable block: dw bn act, pointwise conv bn act
                sb.append(" dw_k").append(k);
                if (s != 1) {
                    sb.append("_s").append(s);
                }
                sb.append("_b0 bn ").append(act);
                if (random.nextInt(3) == 0) {
                    channels += 8;
                }
                sb.append(" conv_k1_c").append(channels).append("_b0 bn ").append(act);
                left -= 6;
            } else if (left >= 3) {
                sb.append(" conv_k").append(k);
                if (s != 1) {
                    sb.append("_s").append(s);
                }
                sb.append("_c").append(channels).append("_b0 bn ").append(act);
                left -= 3;
            } else if (left == 2) {
                sb.append(" conv_k1_c").append(channels).append(' ').append(act);
                left -= 2;
            } else {
                if (reductions < 5 && random.nextBoolean()) {
                    sb.append(" maxpool_k2");
                    reductions++;
                } else {
                    sb.append(" dropout");
                }
                left -= 1;
            }
        }
        sb.append(" gap fc_c1000");
        return sb.toString();
    }
}
