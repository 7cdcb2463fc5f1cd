package io.archmeter.report;

import io.archmeter.stats.Histogram;

import java.util.List;

/**
 * The SVG of one column's {@link Histogram}: a bar per bin, the x axis on the histogram's own
 * scale (log bins on a log axis, so that they have equal widths), counts on a linear y axis.
 *
 * <pre>{@code
 * String svg = HistogramChart.svg("macs", summary.histogram(), false);
 * }</pre>
 */
public final class HistogramChart {
    static final int WIDTH = 340;
    static final int HEIGHT = 190;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 22;
    static final int BOTTOM = 40;
    static final String BAR = "#4477aa";

    private HistogramChart() {
    }

    /**
     * One bar: its bin's pixels (x from the lower edge to the upper, y from the top of the bar)
     * and its count.
     */
    record Bar(double x, double width, double y, double height, long count) {
    }

    /** The x axis of the histogram's bins. */
    static Axis xAxis(String name, Histogram h, boolean bytes) {
        double lo = h.edges()[0];
        double hi = h.edges()[h.bins()];
        return Axis.exact(name, lo, hi, bytes, h.scale() == Histogram.Scale.LOG, LEFT, WIDTH - RIGHT);
    }

    /** The y axis: 0 to the largest count. */
    static Axis yAxis(Histogram h) {
        long max = 1;
        for (long c : h.counts()) {
            max = Math.max(max, c);
        }
        return Axis.exact("rows", 0, max, false, false, HEIGHT - BOTTOM, TOP);
    }

    /** The bars of {@code h} (the numbers the chart draws). */
    static Bar[] bars(Histogram h, Axis x, Axis y) {
        Bar[] bars = new Bar[h.bins()];
        double base = y.position(0);
        for (int j = 0; j < h.bins(); j++) {
            double x0 = x.position(h.edges()[j]);
            double x1 = x.position(h.edges()[j + 1]);
            double top = y.position(h.counts()[j]);
            bars[j] = new Bar(x0, x1 - x0, top, base - top, h.counts()[j]);
        }
        return bars;
    }

    /** The histogram as a standalone SVG. */
    public static String svg(String name, Histogram h, boolean bytes) {
        Svg s = new Svg(WIDTH, HEIGHT, "histogram of " + name);
        s.text(LEFT, 14, "start", name + (h.exact() ? "" : " (bins within 0.1%)"), " font-weight=\"600\"");
        if (h.bins() == 0) {
            s.text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no values", " fill=\"#888\"");
            return s.end();
        }
        Axis x = xAxis(name, h, bytes);
        Axis y = yAxis(h);
        for (Axis.Tick t : y.ticks()) {
            double py = y.position(t.value());
            s.line(LEFT, py, WIDTH - RIGHT, py, "#e4e4e4", 1, "");
            s.text(LEFT - 4, py + 4, "end", t.label(), " fill=\"#555\" font-size=\"10\"");
        }
        for (Bar b : bars(h, x, y)) {
            if (b.count() > 0) {
                // a hairline gap between bars; at least one pixel high so that a count of 1 shows
                s.rect(b.x() + 0.3, Math.min(b.y(), HEIGHT - BOTTOM - 1), Math.max(0.4, b.width() - 0.6), Math.max(1, b.height()), BAR,
                        "");
            }
        }
        s.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#333", 1, "");
        List<Axis.Tick> ticks = x.ticks();
        for (Axis.Tick t : ticks) {
            double px = x.position(t.value());
            s.line(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 4, "#333", 1, "");
            s.text(px, HEIGHT - BOTTOM + 15, "middle", t.label(), " fill=\"#333\" font-size=\"10\"");
        }
        s.text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6, "middle", x.title(), " fill=\"#333\" font-size=\"11\"");
        s.text(12, (TOP + HEIGHT - BOTTOM) / 2.0, "middle", y.title(), " fill=\"#333\" font-size=\"11\" transform=\"rotate(-90 12 "
                + Math.round((TOP + HEIGHT - BOTTOM) / 2.0) + ")\"");
        return s.end();
    }
}
