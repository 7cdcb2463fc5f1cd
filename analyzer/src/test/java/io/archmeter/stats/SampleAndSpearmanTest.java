package io.archmeter.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleAndSpearmanTest {

    @Test
    void theRowHashIsSplittableRandomsMixOfTheRowNumber() {
        // SplittableRandom(s).nextLong() is mix64(s + GOLDEN_GAMMA); hash(seq, seed) is mix64(seq * GOLDEN_GAMMA + seed)
        long gamma = 0x9E3779B97F4A7C15L;
        for (long seq : new long[] {0, 1, 2, 1_000_000_007L}) {
            assertEquals(new SplittableRandom(seq * gamma + 42 - gamma).nextLong(), RowSample.hash(seq, 42));
        }
    }

    @Test
    void aShortStreamIsSampledWhole() {
        RowSample s = new RowSample(10, 1, 1);
        for (long seq = 0; seq < 7; seq++) {
            s.add(seq, new long[] {seq * 10});
        }
        int[] order = s.inInputOrder();
        assertEquals(7, order.length);
        for (int i = 0; i < 7; i++) {
            assertEquals(i, s.seq(order[i]));
            assertEquals(i * 10L, s.value(order[i], 0));
        }
    }

    @Test
    void theSampleIsTheRowsOfSmallestHash() {
        int n = 20_000;
        RowSample s = new RowSample(500, 2, 7);
        long[][] byHash = new long[n][];
        for (long seq = 0; seq < n; seq++) {
            if (s.wants(seq)) {
                s.add(seq, new long[] {seq, -seq});
            }
            byHash[(int) seq] = new long[] {RowSample.hash(seq, 7), seq};
        }
        Arrays.sort(byHash, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        TreeSet<Long> expected = new TreeSet<>();
        for (int i = 0; i < 500; i++) {
            expected.add(byHash[i][1]);
        }
        TreeSet<Long> actual = new TreeSet<>();
        for (int slot = 0; slot < s.size(); slot++) {
            actual.add(s.seq(slot));
            assertEquals(-s.seq(slot), s.value(slot, 1));
        }
        assertEquals(expected, actual);
    }

    @Test
    void theSampleIsSpreadEvenlyOverTheInput() {
        // 2,000 of 200,000 rows: each tenth of the input should hold about 200 (chi-square, 9 degrees of freedom)
        RowSample s = new RowSample(2000, 0, RowSample.DEFAULT_SEED);
        for (long seq = 0; seq < 200_000; seq++) {
            if (s.wants(seq)) {
                s.add(seq, new long[0]);
            }
        }
        long[] deciles = new long[10];
        for (int slot = 0; slot < s.size(); slot++) {
            deciles[(int) (s.seq(slot) / 20_000)]++;
        }
        double chi2 = 0;
        for (long d : deciles) {
            chi2 += (d - 200.0) * (d - 200.0) / 200.0;
        }
        assertTrue(chi2 < 27.9, "chi-square " + chi2 + " (p < 0.001 above 27.9): " + Arrays.toString(deciles));
    }

    @Test
    void mergedSamplesOfPartsAreTheSampleOfTheWhole() {
        RowSample whole = new RowSample(300, 1, 3);
        RowSample[] parts = {new RowSample(300, 1, 3), new RowSample(300, 1, 3), new RowSample(300, 1, 3)};
        for (long seq = 0; seq < 9000; seq++) {
            long[] row = {seq * 3};
            whole.add(seq, row);
            parts[(int) (seq * 7 % 3)].add(seq, row);
        }
        parts[2].merge(parts[0]);
        parts[2].merge(parts[1]);
        long[] a = new long[300];
        long[] b = new long[300];
        int[] oa = whole.inInputOrder();
        int[] ob = parts[2].inInputOrder();
        for (int i = 0; i < 300; i++) {
            a[i] = whole.seq(oa[i]);
            b[i] = parts[2].seq(ob[i]);
            assertEquals(b[i] * 3, parts[2].value(ob[i], 0));
        }
        assertArrayEquals(a, b);
    }

    @Test
    void spearmanOfTheWikipediaIqAndTelevisionExampleIsMinus29Over165() {
        // en.wikipedia.org/wiki/Spearman's_rank_correlation_coefficient, example: rho = 1 - 6*194/(10*99) = -29/165
        long[] iq = {106, 86, 100, 101, 99, 103, 97, 113, 112, 110};
        long[] tv = {7, 0, 27, 50, 28, 29, 20, 12, 6, 17};
        assertEquals(-29.0 / 165, Spearman.rho(iq, tv, 10), 1e-12);
    }

    @Test
    void tiedValuesTakeTheMeanOfTheirRanks() {
        // b = 5 6 7 8 7: ranks 1 2 3.5 5 3.5; rho = 8 / sqrt(10 * 9.5)
        long[] a = {1, 2, 3, 4, 5};
        long[] b = {5, 6, 7, 8, 7};
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, Spearman.ranks(b, 5));
        assertEquals(8 / Math.sqrt(95), Spearman.rho(a, b, 5), 1e-12);
    }

    @Test
    void monotoneColumnsCorrelateFullyConstantOnesNotAtAllAndMissingPairsAreLeftOut() {
        long[] a = {1, 2, 3, 4};
        assertEquals(1, Spearman.rho(a, new long[] {10, 20, 30, 1000}, 4), 1e-15);
        assertEquals(-1, Spearman.rho(a, new long[] {4, 3, 2, 1}, 4), 1e-15);
        assertTrue(Double.isNaN(Spearman.rho(a, new long[] {7, 7, 7, 7}, 4)));
        long m = Keys.MISSING;
        assertEquals(1, Spearman.rho(new long[] {1, m, 3, 4}, new long[] {1, 9, 3, m}, 4), 1e-15);
    }

    @Test
    void decimalKeysRankAsTheirValues() {
        long[] acc = {Keys.ofDouble(0.75), Keys.ofDouble(-0.5), Keys.ofDouble(0.7), Keys.ofDouble(0.71)};
        assertArrayEquals(new double[] {4, 1, 2, 3}, Spearman.ranks(acc, 4));
    }
}
