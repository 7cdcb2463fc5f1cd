package io.archmeter.bench.report;

/**
 * When a result is too noisy to compare: its error (JMH's 99.9% half-interval) is more than
 * {@value #NOISY_SHARE} of its score, or JMH gave no error at all (a single iteration). A noisy
 * result is shown, flagged, and never compared with a target: on a shared machine a ± 60% figure
 * that happens to clear a bar proves nothing, and one that misses it proves nothing either.
 */
public final class Noise {
    /** The largest error, as a share of the score, of a result that may be compared with a target. */
    public static final double NOISY_SHARE = 0.20;

    private Noise() {
    }

    /** True if {@code s} may not be compared with a target. */
    public static boolean isNoisy(Score s) {
        double e = s.relativeError();
        return Double.isNaN(e) || Math.abs(e) > NOISY_SHARE;
    }

    /** True if any of the scores is noisy (a ratio of two results is as noisy as the noisier). */
    public static boolean anyNoisy(Score... scores) {
        for (Score s : scores) {
            if (s == null || isNoisy(s)) {
                return true;
            }
        }
        return false;
    }
}
