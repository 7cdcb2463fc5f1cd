package io.archmeter.stats;

import org.eclipse.collections.impl.map.mutable.primitive.LongDoubleHashMap;

import java.util.Arrays;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the values' ranks, tied values taking
 * the mean of the ranks they span (as {@code scipy.stats.spearmanr}). Pairs with a
 * {@link Keys#MISSING} side are left out.
 *
 * <pre>
 *   a = 1 2 3 4 5      ranks 1 2 3 4 5
 *   b = 5 6 7 8 7      ranks 1 2 3.5 5 3.5
 *   rank deviations from the mean 3: (−2 −1 0 1 2) and (−2 −1 0.5 2 0.5)
 *   ρ = Σdx·dy / √(Σdx² · Σdy²) = 8 / √(10 · 9.5) = 0.8208
 * </pre>
 *
 * In {@code archmeter stats} it is computed on the {@link RowSample} (exact when the input has
 * no more rows than the sample; else the sample's ρ, whose standard error is about
 * (1 − ρ²)/√n: ±0.007 at 20,000 rows).
 */
public final class Spearman {
    private Spearman() {
    }

    /**
     * ρ of the first {@code n} pairs of {@code a} and {@code b} (keys; ties by equal keys).
     *
     * @return ρ in [−1, 1], or NaN with fewer than two complete pairs or a constant side
     */
    public static double rho(long[] a, long[] b, int n) {
        int m = 0;
        long[] x = new long[n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            if (a[i] != Keys.MISSING && b[i] != Keys.MISSING) {
                x[m] = a[i];
                y[m] = b[i];
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        return pearson(ranks(x, m), ranks(y, m));
    }

    /**
     * The 1-based ranks of the first {@code n} keys, ties averaged: a key at sorted positions
     * lo … hi−1 (0-based) ranks (lo + 1 + hi) / 2. A primitive sort of a copy, then each distinct
     * key's rank in an Eclipse Collections {@link LongDoubleHashMap}: no boxing, one lookup a value.
     */
    static double[] ranks(long[] v, int n) {
        long[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        LongDoubleHashMap rankOf = new LongDoubleHashMap();
        for (int lo = 0; lo < n; ) {
            int hi = lo + 1;
            while (hi < n && sorted[hi] == sorted[lo]) {
                hi++;
            }
            rankOf.put(sorted[lo], (lo + 1 + hi) / 2.0);
            lo = hi;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rankOf.get(v[i]);
        }
        return r;
    }

    /** Pearson's r of two equally long arrays, NaN if either is constant. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * The matrix of ρ between every pair of the sample's columns (1 on the diagonal unless a column
     * is constant). A column without missing values is ranked once for all its pairs.
     */
    public static double[][] matrix(RowSample sample) {
        int c = sample.columns();
        int n = sample.size();
        long[][] columns = new long[c][];
        double[][] ranks = new double[c][];
        for (int j = 0; j < c; j++) {
            columns[j] = sample.column(j);
            ranks[j] = complete(columns[j]) ? ranks(columns[j], n) : null;
        }
        double[][] rho = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                double r = ranks[i] != null && ranks[j] != null ? (n < 2 ? Double.NaN : pearson(ranks[i], ranks[j]))
                        : rho(columns[i], columns[j], n);
                rho[i][j] = r;
                rho[j][i] = r;
            }
        }
        return rho;
    }

    private static boolean complete(long[] column) {
        for (long k : column) {
            if (k == Keys.MISSING) {
                return false;
            }
        }
        return true;
    }
}
