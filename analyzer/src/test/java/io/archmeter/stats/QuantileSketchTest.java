package io.archmeter.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantileSketchTest {

    private static QuantileSketch of(double... values) {
        QuantileSketch s = new QuantileSketch();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    @ParameterizedTest(name = "q = {0} of 10 20 30 40 is {1}")
    @CsvSource({"0, 10", "0.01, 10", "0.25, 10", "0.26, 20", "0.5, 20", "0.75, 30", "0.76, 40", "0.9, 40", "1, 40"})
    void quantileIsTheValueOfRankCeilingOfQTimesN(double q, double expected) {
        // n = 4: rank max(1, ceil(4q)), e.g. q = 0.26 -> ceil(1.04) = 2 -> 20 (numpy inverted_cdf)
        assertEquals(expected, of(40, 10, 30, 20).valueCounts().quantile(q));
    }

    @Test
    void rankIsComputedOnTheDecimalQuantileNotItsBinaryRoundOff() {
        // 0.1 * 30 is 3.0000000000000004 in doubles, whose ceiling would be 4
        assertEquals(3, QuantileSketch.rank(0.1, 30));
        assertEquals(3, QuantileSketch.rank(0.01, 300));
        assertEquals(9, QuantileSketch.rank(0.9, 10));
        assertEquals(1, QuantileSketch.rank(0, 10));
        assertEquals(10, QuantileSketch.rank(1, 10));
        assertThrows(IllegalArgumentException.class, () -> QuantileSketch.rank(1.5, 10));
    }

    @Test
    void repeatedValuesCountByOccurrence() {
        ValueCounts v = of(1, 1, 1, 5).valueCounts();
        assertArrayEquals(new double[] {1, 5}, v.values());
        assertArrayEquals(new long[] {3, 1}, v.counts());
        assertEquals(1, v.quantile(0.5));  // rank 2
        assertEquals(5, v.quantile(0.9));  // rank ceil(3.6) = 4
        assertTrue(v.exact());
    }

    @Test
    void negativeZeroAndZeroAreOneValue() {
        ValueCounts v = of(-0.0, 0.0, 0.0).valueCounts();
        assertEquals(1, v.size());
        assertEquals(3, v.counts()[0]);
    }

    @Test
    void nanIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuantileSketch().add(Double.NaN));
    }

    @Test
    void staysExactUpToTheLimitOfDistinctValuesThenSwitchesToBuckets() {
        QuantileSketch s = new QuantileSketch(0.001, 3);
        s.add(1);
        s.add(2);
        s.add(3);
        s.add(3);
        assertTrue(s.isExact());
        s.add(4);
        assertFalse(s.isExact());
        assertEquals(5, s.count());
        assertEquals(5, s.valueCounts().total());
    }

    /** Log-uniform values over 1e-3..1e12 with negatives and zeros, against the sorted values. */
    @ParameterizedTest(name = "alpha = {0}")
    @CsvSource({"0.001", "0.01", "0.05"})
    void everyQuantileIsWithinAlphaOfTheExactValue(double alpha) {
        SplittableRandom r = new SplittableRandom(7);
        int n = 200_000;
        double[] values = new double[n];
        QuantileSketch s = new QuantileSketch(alpha, 0);
        for (int i = 0; i < n; i++) {
            double v = Math.pow(10, -3 + 15 * r.nextDouble());
            int kind = r.nextInt(20);
            values[i] = kind == 0 ? 0 : kind < 5 ? -v : v;
            s.add(values[i]);
        }
        Arrays.sort(values);
        ValueCounts vc = s.valueCounts();
        assertFalse(vc.exact());
        for (int i = 0; i <= 1000; i++) {
            double q = i / 1000.0;
            double exact = values[(int) QuantileSketch.rank(q, n) - 1];
            double estimate = vc.quantile(q);
            assertTrue(Math.abs(estimate - exact) <= alpha * Math.abs(exact),
                    "q " + q + ": estimate " + estimate + ", exact " + exact + ", alpha " + alpha);
        }
        assertEquals(values[0], vc.quantile(0), Math.abs(values[0]) * alpha);
    }

    @Test
    void bucketsAreBoundedByTheValueRangeNotTheCount() {
        QuantileSketch s = new QuantileSketch(0.001, 0);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            s.add(1e6 + r.nextDouble() * 9e6);     // 1e6 .. 1e7: one decade
        }
        // a decade is ln(10) / ln(gamma) buckets, gamma = 1.001/0.999: 1,151 buckets
        double gamma = 1.001 / 0.999;
        assertTrue(s.valueCounts().size() <= Math.ceil(Math.log(10) / Math.log(gamma)) + 1, "" + s.valueCounts().size());
    }

    @Test
    void mergingPartsGivesTheSketchOfTheWholeStream() {
        SplittableRandom r = new SplittableRandom(11);
        for (int exactLimit : new int[] {0, 500, 100_000}) {
            QuantileSketch whole = new QuantileSketch(0.001, exactLimit);
            QuantileSketch[] parts = new QuantileSketch[3];
            for (int p = 0; p < 3; p++) {
                parts[p] = new QuantileSketch(0.001, exactLimit);
            }
            for (int i = 0; i < 3000; i++) {
                double v = Math.floor(Math.pow(10, 9 * r.nextDouble()));
                whole.add(v);
                parts[r.nextInt(3)].add(v);
            }
            QuantileSketch merged = parts[0].copy();
            merged.merge(parts[1]);
            merged.merge(parts[2]);
            assertEquals(whole.isExact(), merged.isExact(), "limit " + exactLimit);
            assertArrayEquals(whole.valueCounts().values(), merged.valueCounts().values());
            assertArrayEquals(whole.valueCounts().counts(), merged.valueCounts().counts());
            assertEquals(whole.min(), merged.min());
            assertEquals(whole.max(), merged.max());
        }
    }

    @Test
    void exactModeCountsEveryDistinctValueAsATreeMapDoesUpToTheLimit() {
        // limit 50,000: 1,000 and 30,000 possible values stay exact, 70,000 go past it
        for (int domain : new int[] {1000, 30_000, 70_000}) {
            SplittableRandom r = new SplittableRandom(domain);
            java.util.TreeMap<Double, Long> expected = new java.util.TreeMap<>();
            QuantileSketch whole = new QuantileSketch(0.001, 50_000);
            QuantileSketch a = new QuantileSketch(0.001, 50_000);
            QuantileSketch b = new QuantileSketch(0.001, 50_000);
            for (int i = 0; i < 100_000; i++) {
                double v = r.nextInt(domain) * 1.5 - 7;
                expected.merge(v, 1L, Long::sum);
                whole.add(v);
                (i % 3 == 0 ? a : b).add(v);
            }
            a.merge(b);
            for (QuantileSketch s : new QuantileSketch[] {whole, a}) {
                ValueCounts vc = s.valueCounts();
                assertEquals(expected.size() <= 50_000, vc.exact(), "domain " + domain);
                if (vc.exact()) {
                    assertArrayEquals(expected.keySet().stream().mapToDouble(Double::doubleValue).toArray(), vc.values());
                    assertArrayEquals(expected.values().stream().mapToLong(Long::longValue).toArray(), vc.counts());
                }
                assertEquals(100_000, vc.total());
            }
        }
    }

    @Test
    void sketchesOfDifferentAccuracyDoNotMerge() {
        QuantileSketch a = new QuantileSketch(0.001, 10);
        assertThrows(IllegalArgumentException.class, () -> a.merge(new QuantileSketch(0.01, 10)));
    }

    @Test
    void magnitudesBeyondTheBucketCapCollapseAndSaySoAndTheTopStaysAccurate() {
        QuantileSketch s = new QuantileSketch(0.001, 0);
        double[] values = new double[601];
        for (int e = -300; e <= 300; e++) {
            values[e + 300] = Math.pow(10, e);
            s.add(values[e + 300]);
        }
        assertTrue(s.collapsed());
        assertTrue(s.accurateFrom() > 1e-300 && s.accurateFrom() < 1e300, "" + s.accurateFrom());
        assertEquals(601, s.count());
        ValueCounts v = s.valueCounts();
        assertEquals(601, v.total());
        for (int i = 0; i < values.length; i++) {
            double q = (i + 1) / 601.0;
            if (values[i] >= s.accurateFrom() * 1.01) {
                assertEquals(values[i], v.valueOfRank(i + 1), values[i] * 0.001, "q " + q);
            }
        }
    }
}
