package io.archmeter.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BudgetTableTest {
    private static final long M = 1_000_000;
    private static final long KIB = 1024;

    private static BudgetTable macsAndPeak(long[] macsLimits, long[] peakLimits) {
        return new BudgetTable(List.of(new BudgetTable.Dimension(0, "macs", true, macsLimits),
                new BudgetTable.Dimension(1, "act_peak_bytes", true, peakLimits)));
    }

    @Test
    void eachCombinationCountsTheRowsWithinBothLimits() {
        BudgetTable t = macsAndPeak(new long[] {100 * M, 200 * M}, new long[] {256 * KIB, 512 * KIB});
        t.add(new long[] {90 * M, 200 * KIB});
        t.add(new long[] {150 * M, 300 * KIB});
        t.add(new long[] {150 * M, 600 * KIB});
        t.add(new long[] {500 * M, 100 * KIB});
        // macs<=100M: only row 1 (peak 200KiB fits both); macs<=200M: rows 1-3, of which peak<=256KiB: row 1, <=512KiB: rows 1, 2
        assertEquals(1, t.kept(0, 0));
        assertEquals(1, t.kept(0, 1));
        assertEquals(1, t.kept(1, 0));
        assertEquals(2, t.kept(1, 1));
        assertEquals(4, t.rows());
    }

    @Test
    void limitsAreInclusiveAndMayBeGivenInAnyOrder() {
        BudgetTable t = new BudgetTable(List.of(new BudgetTable.Dimension(0, "macs", true, new long[] {300, 100, 200})));
        for (long v : new long[] {100, 101, 200, 300, 301}) {
            t.add(new long[] {v});
        }
        assertEquals(4, t.kept(0));   // <= 300: 100 101 200 300
        assertEquals(1, t.kept(1));   // <= 100
        assertEquals(3, t.kept(2));   // <= 200: 100 101 200
    }

    @Test
    void atLeastBudgetsKeepRowsAtOrAboveTheLimit() {
        // rf >= 100, rf >= 200 on rf 50 100 150 200 250
        BudgetTable t = new BudgetTable(List.of(new BudgetTable.Dimension(0, "rf", false, new long[] {100, 200})));
        for (long v = 50; v <= 250; v += 50) {
            t.add(new long[] {v});
        }
        assertEquals(4, t.kept(0));
        assertEquals(2, t.kept(1));
    }

    @Test
    void rowsMissingABudgetValueAreSkipped() {
        BudgetTable t = macsAndPeak(new long[] {100}, new long[] {100});
        t.add(new long[] {50, Keys.MISSING});
        t.add(new long[] {50, 50});
        assertEquals(1, t.skipped());
        assertEquals(1, t.kept(0, 0));
    }

    @Test
    void threeBudgetsAgainstCountingEveryCombinationByBruteForceAndMerged() {
        SplittableRandom r = new SplittableRandom(21);
        long[][] limits = {{10, 30, 20}, {5, 50}, {0, 7, 3, 9}};
        List<BudgetTable.Dimension> dims = List.of(new BudgetTable.Dimension(2, "a", true, limits[0]),
                new BudgetTable.Dimension(0, "b", false, limits[1]), new BudgetTable.Dimension(1, "c", true, limits[2]));
        BudgetTable whole = new BudgetTable(dims);
        BudgetTable a = new BudgetTable(dims);
        BudgetTable b = new BudgetTable(dims);
        long[][] rows = new long[5000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {r.nextInt(60), r.nextInt(12), r.nextInt(40)};
            whole.add(rows[i]);
            (i % 3 == 0 ? a : b).add(rows[i]);
        }
        a.merge(b);
        assertEquals(24, whole.combinations());
        for (int c = 0; c < whole.combinations(); c++) {
            int[] idx = whole.combination(c);
            long expected = 0;
            for (long[] row : rows) {
                if (row[2] <= limits[0][idx[0]] && row[0] >= limits[1][idx[1]] && row[1] <= limits[2][idx[2]]) {
                    expected++;
                }
            }
            assertEquals(expected, whole.kept(idx), "combination " + c);
            assertEquals(expected, a.kept(idx), "merged, combination " + c);
        }
    }

    @Test
    void combinationsCountTheLastBudgetFastest() {
        BudgetTable t = macsAndPeak(new long[] {1, 2, 3}, new long[] {1, 2});
        assertEquals(6, t.combinations());
        assertEquals(List.of(0, 1), List.of(t.combination(1)[0], t.combination(1)[1]));
        assertEquals(List.of(1, 0), List.of(t.combination(2)[0], t.combination(2)[1]));
    }

    @Test
    void aRepeatedLimitOrTooManyCombinationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BudgetTable.Dimension(0, "macs", true, new long[] {1, 1}));
        long[] many = new long[1100];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertThrows(IllegalArgumentException.class, () -> macsAndPeak(many, many));
    }
}
