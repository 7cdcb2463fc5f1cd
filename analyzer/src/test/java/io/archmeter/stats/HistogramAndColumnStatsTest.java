package io.archmeter.stats;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistogramAndColumnStatsTest {

    private static ColumnStats integers(long... values) {
        ColumnStats c = new ColumnStats("x", ValueKind.INTEGER);
        for (long v : values) {
            c.add(v);
        }
        return c;
    }

    private static ColumnStats decimals(double... values) {
        ColumnStats c = new ColumnStats("acc", ValueKind.DECIMAL);
        for (double v : values) {
            c.add(Keys.ofDouble(v));
        }
        return c;
    }

    @Test
    void fiveLinearBinsOfZeroToTenHoldTwoTwoTwoTwoThree() {
        // edges 0 2 4 6 8 10; [0,2) 0 1, [2,4) 2 3, [4,6) 4 5, [6,8) 6 7, [8,10] 8 9 10
        Histogram h = decimals(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).summary(5).histogram();
        assertEquals(Histogram.Scale.LINEAR, h.scale());
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, h.edges());
        assertArrayEquals(new long[] {2, 2, 2, 2, 3}, h.counts());
        assertTrue(h.exact());
    }

    @Test
    void anIntegerColumnWithFewIntegersGetsOneBinPerInteger() {
        // rf 3 3 5 7: integers 3..7, edges 2.5 .. 7.5
        Histogram h = integers(3, 3, 5, 7).summary(30).histogram();
        assertArrayEquals(new double[] {2.5, 3.5, 4.5, 5.5, 6.5, 7.5}, h.edges());
        assertArrayEquals(new long[] {2, 0, 1, 0, 1}, h.counts());
    }

    @Test
    void positiveValuesSpanningTwoDecadesOrMoreGetLogBins() {
        // 4 log bins of 1..10^4: edges 1, 10, 100, 1000, 10^4 (within rounding)
        Histogram h = decimals(1, 5, 50, 500, 5000, 10000).summary(4).histogram();
        assertEquals(Histogram.Scale.LOG, h.scale());
        assertEquals(10, h.edges()[1], 1e-9);
        assertEquals(1000, h.edges()[3], 1e-9);
        assertArrayEquals(new long[] {2, 1, 1, 2}, h.counts());
        // one decade only: linear
        assertEquals(Histogram.Scale.LINEAR, decimals(1, 5, 9.9).summary(4).histogram().scale());
        // a zero: linear
        assertEquals(Histogram.Scale.LINEAR, decimals(0, 5, 5000).summary(4).histogram().scale());
    }

    @Test
    void oneRepeatedValueIsOneBinAndNoValuesNoBins() {
        Histogram one = decimals(0.7, 0.7).summary(10).histogram();
        assertArrayEquals(new long[] {2}, one.counts());
        assertEquals(0, decimals().summary(10).histogram().bins());
    }

    @Test
    void binsAreHalfOpenButTheLastHoldsTheMaximum() {
        double[] edges = {0, 1, 2};
        assertEquals(0, Histogram.binOf(edges, 0));
        assertEquals(0, Histogram.binOf(edges, 0.999));
        assertEquals(1, Histogram.binOf(edges, 1));
        assertEquals(1, Histogram.binOf(edges, 2));
    }

    @Test
    void countMinMaxMeanAndQuantilesOfSmallIntegers() {
        ColumnStats c = integers(3, 1, 4, 1, 5);
        c.add(Keys.MISSING);
        ColumnSummary s = c.summary(10);
        assertEquals(5, s.count());
        assertEquals(1, s.missing());
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(2.8, s.mean(), 1e-15);                       // 14 / 5
        // sorted 1 1 3 4 5: p1 rank 1, p10 rank 1, median rank 3, p90 rank 5, p99 rank 5
        assertArrayEquals(new long[] {1, 1, 3, 5, 5}, s.quantiles());
        assertTrue(s.exactQuantiles());
    }

    @Test
    void decimalColumnsKeepTheirValuesThroughKeys() {
        ColumnSummary s = decimals(0.7312, 0.5, 0.8).summary(10);
        assertEquals(0.5, s.value(s.min()));
        assertEquals(0.8, s.value(s.max()));
        assertEquals(0.7312, s.value(s.median()));
        assertEquals((0.7312 + 0.5 + 0.8) / 3, s.mean(), 1e-15);
    }

    @Test
    void integerSumsAreExactBeyondTheRangeOfALong() {
        ColumnStats c = integers(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, -5);
        BigInteger expected = BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)).subtract(BigInteger.valueOf(5));
        assertEquals(expected, c.integerSum());
        assertEquals(expected.doubleValue() / 4, c.mean(), 1e4);
        // integers beyond 2^53 are not exact doubles: quantiles say so
        assertFalse(c.summary(10).exactQuantiles());
        assertEquals(BigInteger.valueOf(-2), integers(-5, 3).integerSum());
    }

    @Test
    void integerQuantilesInBucketModeAreWithinAlphaPlusAHalf() {
        SplittableRandom r = new SplittableRandom(5);
        ColumnStats c = new ColumnStats("macs", ValueKind.INTEGER, new QuantileSketch(0.001, 0));
        long[] values = new long[50_001];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.pow(10, 9 * r.nextDouble());
            c.add(values[i]);
        }
        java.util.Arrays.sort(values);
        ColumnSummary s = c.summary(10);
        assertFalse(s.exactQuantiles());
        for (int i = 0; i < 5; i++) {
            long exact = values[(int) QuantileSketch.rank(ColumnSummary.QUANTILE_LEVELS.get(i), values.length) - 1];
            assertTrue(Math.abs(s.quantiles()[i] - exact) <= 0.001 * exact + 0.5, s.quantiles()[i] + " vs " + exact);
        }
        assertEquals(values[0], s.min());
        assertEquals(values[values.length - 1], s.max());
    }

    @Test
    void mergedColumnsEqualOnePass() {
        SplittableRandom r = new SplittableRandom(9);
        ColumnStats whole = new ColumnStats("acc", ValueKind.DECIMAL);
        ColumnStats a = new ColumnStats("acc", ValueKind.DECIMAL);
        ColumnStats b = new ColumnStats("acc", ValueKind.DECIMAL);
        for (int i = 0; i < 1000; i++) {
            long k = i % 17 == 0 ? Keys.MISSING : Keys.ofDouble((5000 + r.nextInt(3001)) / 10000.0);
            whole.add(k);
            (r.nextBoolean() ? a : b).add(k);
        }
        a.merge(b);
        ColumnSummary x = whole.summary(20);
        ColumnSummary y = a.summary(20);
        assertEquals(x.count(), y.count());
        assertEquals(x.missing(), y.missing());
        assertEquals(x.min(), y.min());
        assertEquals(x.max(), y.max());
        assertArrayEquals(x.quantiles(), y.quantiles());
        assertArrayEquals(x.histogram().counts(), y.histogram().counts());
        assertEquals(x.mean(), y.mean(), 1e-12);
    }
}
