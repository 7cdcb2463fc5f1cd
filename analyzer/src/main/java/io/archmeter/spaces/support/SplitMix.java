package io.archmeter.spaces.support;

/**
 * A SplitMix64 generator (Steele, Lea &amp; Flood, 2014; the algorithm of {@link java.util.SplittableRandom})
 * whose state is one {@code long} that a sampler re-seeds per candidate: candidate {@code i} of
 * seed {@code s} draws from {@link #seed(long, long) seed(s, i)}, so the same seed gives the same
 * candidates whatever the thread count or chunking, without allocating per candidate.
 */
public final class SplitMix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** Re-seeds for candidate {@code index} of run {@code seed}. */
    public SplitMix seed(long seed, long index) {
        state = mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
        return this;
    }

    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, bound), bound ≥ 1 (unbiased, by rejection). */
    public int nextInt(int bound) {
        final long limit = (1L << 32) - (1L << 32) % bound;
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
