package io.archmeter.report;

import io.archmeter.stats.ColumnStats;
import io.archmeter.stats.Histogram;
import io.archmeter.stats.Keys;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;
import io.archmeter.stats.ValueKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbers behind the charts: axes, ticks, bars and the front's staircase, computed by hand. */
class ChartNumbersTest {

    private static List<String> labels(Axis a) {
        return a.ticks().stream().map(Axis.Tick::label).toList();
    }

    @Test
    void aLinearAxisOfMacsUpToFiveGigaTicksEveryTwoGigaInGigaUnits() {
        // padded to 4.865e9 * 1.03 = 5.01095e9 (the low end stays at 0); a fifth of that in G is 1.002: step 2
        Axis a = Axis.of("macs", 0, 4.865e9, false, 0, 100);
        assertEquals(List.of("0", "2", "4"), labels(a));
        assertEquals(2e9, a.ticks().get(1).value());
        assertEquals("macs (G)", a.title());
        assertEquals(2e9 / 5.01095e9 * 100, a.position(2e9), 1e-9);
        assertEquals(0, a.position(0));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.5, Axis.niceStep(0.3), 1e-15);
        assertEquals(1, Axis.niceStep(1), 1e-15);
        assertEquals(2, Axis.niceStep(1.2), 1e-15);
        assertEquals(10, Axis.niceStep(7), 1e-15);
        assertEquals(0.1, Axis.niceStep(0.07), 1e-15);
    }

    @Test
    void aByteAxisCountsInBinaryUnits() {
        // 0 .. 3 MiB: step niceStep(0.6) = 1 MiB
        Axis a = Axis.exact("act_peak_bytes", 0, 3 * 1048576.0, true, false, 0, 300);
        assertEquals(List.of("0", "1", "2", "3"), labels(a));
        assertEquals("act_peak_bytes (MiB)", a.title());
        assertEquals(100, a.position(1048576), 1e-9);
    }

    @Test
    void logAxesTickAtPowersOfTenWithTwoAndFiveWhenFewDecadesShow() {
        Axis wide = Axis.exact("macs", 1e7, 1e10, false, true, 0, 300);
        assertEquals(List.of("10M", "100M", "1G", "10G"), labels(wide));
        assertEquals(100, wide.position(1e8), 1e-9);
        assertEquals(200, wide.position(1e9), 1e-9);
        assertEquals("macs (log scale)", wide.title());
        Axis narrow = Axis.exact("macs", 1e7, 5e8, false, true, 0, 300);
        assertEquals(List.of("10M", "20M", "50M", "100M", "200M", "500M"), labels(narrow));
    }

    @Test
    void logByteAxesTickAtPowersOfTwo() {
        // 64 KiB .. 16 MiB is 2^16 .. 2^24: nine ticks, 1 MiB half way
        Axis a = Axis.exact("weight_bytes", 65536, 16777216, true, true, 0, 100);
        assertEquals(List.of("64KiB", "128KiB", "256KiB", "512KiB", "1MiB", "2MiB", "4MiB", "8MiB", "16MiB"), labels(a));
        assertEquals(50, a.position(1 << 20), 1e-9);
    }

    @Test
    void paddingIsSymmetricOnALogAxis() {
        // 1 .. 10^4 padded by (10^4)^0.03 on each side: 2.83% of the width each
        Axis a = Axis.of("x", 1, 1e4, false, 0, 100);
        assertTrue(a.isLog());
        assertEquals(0.12 / 4.24 * 100, a.position(1), 1e-9);
        assertEquals(100 - 0.12 / 4.24 * 100, a.position(1e4), 1e-9);
    }

    @Test
    void histogramBarsSpanTheirBinsAndScaleToTheLargestCount() {
        ColumnStats c = new ColumnStats("x", ValueKind.DECIMAL);
        for (int v = 0; v <= 10; v++) {
            c.add(Keys.ofDouble(v));
        }
        Histogram h = c.summary(5).histogram();          // counts 2 2 2 2 3
        Axis x = HistogramChart.xAxis("x", h, false);    // 0..10 on pixels 48..328: 56 px a bin
        Axis y = HistogramChart.yAxis(h);                // 0..3 on pixels 150..22: 128 px
        HistogramChart.Bar[] bars = HistogramChart.bars(h, x, y);
        assertEquals(5, bars.length);
        for (int j = 0; j < 5; j++) {
            assertEquals(48 + 56 * j, bars[j].x(), 1e-9);
            assertEquals(56, bars[j].width(), 1e-9);
        }
        assertEquals(128 * 2 / 3.0, bars[0].height(), 1e-9);
        assertEquals(128, bars[4].height(), 1e-9);
        assertEquals(22, bars[4].y(), 1e-9);
        String svg = HistogramChart.svg("x", h, false);
        assertEquals(5, svg.split("<rect ", -1).length - 1);
    }

    private static StatsResult macsAndAcc(boolean maximizeX, long[] macs, double[] acc) {
        StatsCollector c = new StatsCollector(List.of(new StatsCollector.Column("macs", ValueKind.INTEGER, false),
                new StatsCollector.Column("acc", ValueKind.DECIMAL, false)), StatsCollector.Options.defaults().withFront(0, maximizeX, 1, true));
        for (int i = 0; i < macs.length; i++) {
            c.add(i, new long[] {macs[i], Keys.ofDouble(acc[i])});
        }
        return c.result();
    }

    @Test
    void theFrontIsDrawnAsTheStaircaseOfTheRegionItDominates() {
        // (1, .5) (2, .7) (3, .6) (4, .9), macs:min acc:max: the front is (1, .5) (2, .7) (4, .9)
        StatsResult r = macsAndAcc(false, new long[] {1, 2, 3, 4}, new double[] {0.5, 0.7, 0.6, 0.9});
        ScatterChart chart = new ScatterChart(r, 0, 1);
        double[][] front = chart.frontValues();
        assertArrayEquals(new double[][] {{1, 0.5}, {2, 0.7}, {4, 0.9}}, front);
        // x minimised: across, then up: (1,.5) (2,.5) (2,.7) (4,.7) (4,.9)
        double[][] expected = {{1, 0.5}, {2, 0.5}, {2, 0.7}, {4, 0.7}, {4, 0.9}};
        double[][] corners = chart.staircase(front);
        assertEquals(expected.length, corners.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(chart.x.position(expected[i][0]), corners[i][0], 1e-9, "corner " + i);
            assertEquals(chart.y.position(expected[i][1]), corners[i][1], 1e-9, "corner " + i);
        }
        assertEquals(4, chart.points().length);
        String svg = chart.svg();
        assertTrue(svg.contains("Pareto front of all rows (macs min, acc max): 3 rows"), svg);
        assertEquals(3, svg.split("<circle ", -1).length - 1 - 2);   // 3 front points and 2 legend dots
    }

    @Test
    void aMaximisedXGoesUpOrDownFirst() {
        // macs:max acc:max over (1, .9) (2, .7) (4, .5): all on the front; down, then across
        StatsResult r = macsAndAcc(true, new long[] {1, 2, 4}, new double[] {0.9, 0.7, 0.5});
        ScatterChart chart = new ScatterChart(r, 0, 1);
        double[][] corners = chart.staircase(chart.frontValues());
        double[][] expected = {{1, 0.9}, {1, 0.7}, {2, 0.7}, {2, 0.5}, {4, 0.5}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(chart.x.position(expected[i][0]), corners[i][0], 1e-9, "corner " + i);
            assertEquals(chart.y.position(expected[i][1]), corners[i][1], 1e-9, "corner " + i);
        }
    }

    @Test
    void compactNumbersUseSiForCountsAndBinaryForBytes() {
        assertEquals("272.1M", Units.compact(272_123_456, false));
        assertEquals("1.758MiB", Units.compact(1_843_200, true));   // 1843200 / 1048576 = 1.7578
        assertEquals("0.7312", Units.compact(0.7312, false));
        assertEquals("195", Units.compact(195, false));
        assertEquals("512B", Units.compact(512, true));
        assertEquals("41.2%", Units.percent(412, 1000));
    }

    @Test
    void correlationColoursAreWhiteAtZeroBlueForPositiveRedForNegative() {
        assertEquals("#ffffff", HtmlReport.heat(0));
        assertEquals("#6ea0ff", HtmlReport.heat(1));
        assertEquals("#ffa096", HtmlReport.heat(-1));
    }
}
