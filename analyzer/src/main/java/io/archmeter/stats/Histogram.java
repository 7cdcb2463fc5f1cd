package io.archmeter.stats;

import java.util.Arrays;

/**
 * Counts of a column's values in bins, made after the stream from its {@link QuantileSketch}
 * (so no second pass and no bin range guessed in advance).
 *
 * <h2>Bins</h2>
 * Bin {@code j} holds the values in {@code [edges[j], edges[j+1])}; the last bin also holds
 * {@code edges[n]}, the maximum. The edges are chosen from the minimum and maximum:
 * <ul>
 *   <li>an {@link ValueKind#INTEGER} column with at most {@code bins} distinct integers in its range
 *       gets one bin per integer, edges at the half-integers: rf 3..7 gives edges 2.5, 3.5, …, 7.5;</li>
 *   <li>a column of positive values whose maximum is at least {@value #LOG_RATIO} times its
 *       minimum (two decades or more) gets {@link Scale#LOG} bins of equal width in log space:
 *       {@code edges[j] = min·(max/min)^(j/bins)};</li>
 *   <li>otherwise {@link Scale#LINEAR} bins of equal width: {@code edges[j] = min + j·(max−min)/bins}.</li>
 * </ul>
 * <pre>
 *   values 0 1 2 3 4 5 6 7 8 9 10, 5 linear bins: edges 0 2 4 6 8 10, counts 2 2 2 2 3
 *   (an INTEGER column with 11 distinct integers and bins ≥ 11 would get unit bins instead)
 * </pre>
 *
 * <h2>Exactness</h2>
 * When the sketch is exact, each distinct value is counted in its bin: the counts are exact
 * ({@link #exact()}). In bucket mode each bucket's count goes to the bin of its value, which is
 * within α of each value it stands for: a value is counted in a neighbouring bin only if it lies
 * within relative α (0.1%) of the edge between them.
 *
 * @param scale  linear or log bins
 * @param edges  {@code counts.length + 1} ascending edges (empty for an empty column)
 * @param counts values per bin
 * @param exact  true if every value was counted in its own bin
 */
public record Histogram(Scale scale, double[] edges, long[] counts, boolean exact) {
    /** The default number of bins. */
    public static final int DEFAULT_BINS = 30;
    /** max/min at or above which positive values get log bins. */
    public static final double LOG_RATIO = 100;

    /** How the bin edges are spaced. */
    public enum Scale {
        LINEAR, LOG;

        /** lower case, as in JSON and CSV. */
        public String label() {
            return this == LINEAR ? "linear" : "log";
        }
    }

    public Histogram {
        if (edges.length != (counts.length == 0 ? 0 : counts.length + 1)) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
    }

    /**
     * The histogram of {@code values} in about {@code bins} bins (see the class comment for the
     * edges).
     *
     * @param kind integer columns may get one bin per integer
     */
    public static Histogram of(ValueCounts values, ValueKind kind, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, not " + bins);
        }
        if (values.size() == 0) {
            return new Histogram(Scale.LINEAR, new double[0], new long[0], true);
        }
        double min = values.values()[0];
        double max = values.values()[values.size() - 1];
        double[] edges = edges(min, max, kind, bins);
        Scale scale = isLog(min, max) && !(kind == ValueKind.INTEGER && unitBins(min, max, bins)) ? Scale.LOG : Scale.LINEAR;
        long[] counts = new long[edges.length - 1];
        for (int i = 0; i < values.size(); i++) {
            counts[binOf(edges, values.values()[i])] += values.counts()[i];
        }
        return new Histogram(scale, edges, counts, values.exact());
    }

    /** True if values in [min, max] get log bins: all positive and max/min ≥ {@value #LOG_RATIO}. */
    public static boolean isLog(double min, double max) {
        return min > 0 && max / min >= LOG_RATIO;
    }

    private static boolean unitBins(double min, double max, int bins) {
        return max - min + 1 <= bins;
    }

    /** The edges for values in [min, max] (see the class comment). */
    static double[] edges(double min, double max, ValueKind kind, int bins) {
        if (kind == ValueKind.INTEGER && unitBins(min, max, bins)) {
            int n = (int) (max - min) + 1;
            double[] e = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                e[j] = min - 0.5 + j;
            }
            return e;
        }
        if (min == max) {
            return new double[] {min, max};
        }
        double[] e = new double[bins + 1];
        boolean log = isLog(min, max);
        double lo = log ? Math.log(min) : min;
        double hi = log ? Math.log(max) : max;
        for (int j = 0; j <= bins; j++) {
            double x = lo + (hi - lo) * j / bins;
            e[j] = log ? Math.exp(x) : x;
        }
        // exactly min and max, not their round trip through the logarithm
        e[0] = min;
        e[bins] = max;
        return e;
    }

    /** The bin of {@code v} among {@code edges}: [e_j, e_j+1), the last bin closed; values outside go to the first or last bin. */
    static int binOf(double[] edges, double v) {
        int bins = edges.length - 1;
        int j = Arrays.binarySearch(edges, v);
        if (j < 0) {
            j = -j - 2;
        } else {
            // on an edge: the bin starting there; binarySearch may land on any of equal edges (min == max), take the last
            while (j + 1 < edges.length && edges[j + 1] == v) {
                j++;
            }
        }
        return Math.max(0, Math.min(bins - 1, j));
    }

    /** The bin of {@code v}. */
    public int binOf(double v) {
        return binOf(edges, v);
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** Sum of the counts. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }
}
