package io.archmeter.stats;

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

    /** The 1-based ranks of the first {@code n} keys, ties averaged. */
    static double[] ranks(long[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Long.compare(v[p], v[q]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            // positions i..j (0-based) share the ranks i+1..j+1: their mean
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
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

    /** The matrix of ρ between every pair of the sample's columns (1 on the diagonal unless a column is constant). */
    public static double[][] matrix(RowSample sample) {
        int c = sample.columns();
        long[][] columns = new long[c][];
        for (int j = 0; j < c; j++) {
            columns[j] = sample.column(j);
        }
        double[][] rho = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                double r = rho(columns[i], columns[j], sample.size());
                rho[i][j] = r;
                rho[j][i] = r;
            }
        }
        return rho;
    }
}
