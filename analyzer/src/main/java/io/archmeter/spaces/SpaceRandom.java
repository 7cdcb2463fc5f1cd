package io.archmeter.spaces;

/**
 * The random source of {@link SearchSpace#sample}: a SplitMix64 generator (Steele, Lea &amp; Flood,
 * 2014; the algorithm of {@link java.util.SplittableRandom}) whose whole state is one {@code long},
 * re-seeded per candidate. Sample {@code i} of run {@code s} draws from {@link #seed(long, long)
 * seed(s, i)}, so a run gives the same candidates whatever its thread count or chunking, and a
 * sampling loop allocates nothing ({@code SplittableRandom} cannot be re-seeded).
 *
 * <pre>{@code
 * SpaceRandom random = new SpaceRandom();                  // one per thread
 * for (long i = from; i < to; i++) {
 *     space.sample(random.seed(seed, i), options, builder, null);
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class SpaceRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator seeded as {@code seed(0, 0)}. */
    public SpaceRandom() {
        seed(0, 0);
    }

    /** Re-seeds for candidate {@code index} of the run {@code seed}; returns this generator. */
    public SpaceRandom seed(long seed, long index) {
        state = mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
        return this;
    }

    /** 64 random bits. */
    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, bound), bound ≥ 1 (unbiased, by rejection). */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, not " + bound);
        }
        final long limit = (1L << 32) - (1L << 32) % bound;
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in [0, bound), bound ≥ 1 (unbiased, by rejection). */
    public long nextLong(long bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, not " + bound);
        }
        final long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
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
