package io.archmeter.report;

import io.archmeter.stats.BudgetTable;
import io.archmeter.stats.ColumnSummary;
import io.archmeter.stats.Keys;
import io.archmeter.stats.RowSample;
import io.archmeter.stats.StatsCollector;
import io.archmeter.stats.StatsResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scatter of two columns: the uniform sample's rows as dots, the Pareto front of
 * <em>all</em> rows (not only the sampled ones) as red points joined by its staircase, and the
 * budgets of either column as dashed lines. The axes span the columns' exact minimum and maximum
 * over all rows, log where a column spans two decades.
 *
 * <p>The staircase is the boundary of the region the front dominates: from each front point to
 * the next (by x), horizontally then vertically when x is minimised, vertically then
 * horizontally when it is maximised.
 */
public final class ScatterChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    static final int LEFT = 78;
    static final int RIGHT = 24;
    static final int TOP = 40;
    static final int BOTTOM = 58;
    static final String POINT = "#4477aa";
    static final String FRONT = "#d62728";
    static final String BUDGET = "#2a9d3a";

    private final StatsResult r;
    private final int xi;
    private final int yi;
    final Axis x;
    final Axis y;

    /** The scatter of columns {@code xi} and {@code yi} of {@code r} (the front is r's, if it has one). */
    public ScatterChart(StatsResult r, int xi, int yi) {
        this.r = r;
        this.xi = xi;
        this.yi = yi;
        ColumnSummary sx = r.summaries().get(xi);
        ColumnSummary sy = r.summaries().get(yi);
        if (sx.count() == 0 || sy.count() == 0) {
            throw new IllegalArgumentException("nothing to plot: " + (sx.count() == 0 ? sx.name() : sy.name()) + " has no values");
        }
        StatsCollector.Column cx = r.columns().get(xi);
        StatsCollector.Column cy = r.columns().get(yi);
        x = Axis.of(cx.name(), sx.value(sx.min()), sx.value(sx.max()), cx.bytes(), LEFT, WIDTH - RIGHT);
        y = Axis.of(cy.name(), sy.value(sy.min()), sy.value(sy.max()), cy.bytes(), HEIGHT - BOTTOM, TOP);
    }

    /** The sampled points in pixels, {x, y} each, in input order (rows missing a value, or not drawable, left out). */
    double[][] points() {
        RowSample sample = r.sample();
        List<double[]> out = new ArrayList<>();
        for (int slot : sample.inInputOrder()) {
            long kx = sample.value(slot, xi);
            long ky = sample.value(slot, yi);
            if (kx == Keys.MISSING || ky == Keys.MISSING) {
                continue;
            }
            double vx = Keys.toDouble(kx, r.columns().get(xi).kind());
            double vy = Keys.toDouble(ky, r.columns().get(yi).kind());
            if (x.drawable(vx) && y.drawable(vy)) {
                out.add(new double[] {x.position(vx), y.position(vy)});
            }
        }
        return out.toArray(new double[0][]);
    }

    /** The front's values {x, y}, sorted by x (then y), or empty without a front on these columns. */
    double[][] frontValues() {
        if (!r.hasFront() || r.options().frontX() != xi || r.options().frontY() != yi) {
            return new double[0][];
        }
        double[][] v = new double[r.front().length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[] {Keys.toDouble(r.front()[i][0], r.columns().get(xi).kind()),
                Keys.toDouble(r.front()[i][1], r.columns().get(yi).kind())};
        }
        Arrays.sort(v, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        return v;
    }

    /** The staircase through the front's values, in pixels: the corner points of the path. */
    double[][] staircase(double[][] front) {
        List<double[]> corners = new ArrayList<>();
        boolean xFirst = !r.options().maximizeX();
        for (int i = 0; i < front.length; i++) {
            double px = x.position(front[i][0]);
            double py = y.position(front[i][1]);
            if (i > 0) {
                double[] prev = corners.get(corners.size() - 1);
                corners.add(xFirst ? new double[] {px, prev[1]} : new double[] {prev[0], py});
            }
            corners.add(new double[] {px, py});
        }
        return corners.toArray(new double[0][]);
    }

    /** The chart as a standalone SVG. */
    public String svg() {
        StatsCollector.Column cx = r.columns().get(xi);
        StatsCollector.Column cy = r.columns().get(yi);
        Svg s = new Svg(WIDTH, HEIGHT, cy.name() + " against " + cx.name());
        grid(s);
        double[][] pts = points();
        StringBuilder d = new StringBuilder(pts.length * 16);
        for (double[] p : pts) {
            // a zero-length segment with a round cap is a dot: 15 bytes a point instead of a <circle>
            d.append('M').append(round(p[0])).append(' ').append(round(p[1])).append("h0");
        }
        s.path(d, " stroke=\"" + POINT + "\" stroke-opacity=\"0.45\" stroke-width=\"3.2\" stroke-linecap=\"round\" fill=\"none\"");
        budgets(s);
        double[][] front = frontValues();
        if (front.length > 0) {
            StringBuilder fd = new StringBuilder();
            for (double[] c : staircase(front)) {
                fd.append(fd.length() == 0 ? 'M' : 'L').append(round(c[0])).append(' ').append(round(c[1]));
            }
            s.path(fd, " stroke=\"" + FRONT + "\" stroke-width=\"1.6\" fill=\"none\"");
            for (double[] f : front) {
                s.circle(x.position(f[0]), y.position(f[1]), 3.6, FRONT, " stroke=\"#fff\" stroke-width=\"0.8\"",
                        cx.name() + " " + Units.compact(f[0], cx.bytes()) + ", " + cy.name() + " " + Units.compact(f[1], cy.bytes()));
            }
        }
        legend(s, pts.length, front.length);
        return s.end();
    }

    private void grid(Svg s) {
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT;
        double y0 = HEIGHT - BOTTOM;
        double y1 = TOP;
        for (Axis.Tick t : x.ticks()) {
            double px = x.position(t.value());
            s.line(px, y1, px, y0, "#e8e8e8", 1, "");
            s.text(px, y0 + 16, "middle", t.label(), " fill=\"#333\" font-size=\"11\"");
        }
        for (Axis.Tick t : y.ticks()) {
            double py = y.position(t.value());
            s.line(x0, py, x1, py, "#e8e8e8", 1, "");
            s.text(x0 - 6, py + 4, "end", t.label(), " fill=\"#333\" font-size=\"11\"");
        }
        s.rect(x0, y1, x1 - x0, y0 - y1, "none", " stroke=\"#999\" stroke-width=\"1\"");
        s.text((x0 + x1) / 2, HEIGHT - 14, "middle", x.title(), " fill=\"#222\" font-size=\"13\"");
        double cy = (y0 + y1) / 2;
        s.text(18, cy, "middle", y.title(), " fill=\"#222\" font-size=\"13\" transform=\"rotate(-90 18 " + Math.round(cy) + ")\"");
    }

    private void budgets(Svg s) {
        BudgetTable t = r.budgets();
        if (t == null) {
            return;
        }
        for (BudgetTable.Dimension d : t.dimensions()) {
            boolean onX = d.column() == xi;
            if (!onX && d.column() != yi) {
                continue;
            }
            StatsCollector.Column c = r.columns().get(d.column());
            for (long key : d.limits()) {
                double v = Keys.toDouble(key, c.kind());
                Axis a = onX ? x : y;
                if (!a.drawable(v) || v < a.lo() || v > a.hi()) {
                    continue;
                }
                double p = a.position(v);
                String label = (d.atMost() ? "≤ " : "≥ ") + Units.compact(v, c.bytes());
                if (onX) {
                    s.line(p, TOP, p, HEIGHT - BOTTOM, BUDGET, 1.3, " stroke-dasharray=\"6 4\"");
                    s.text(p + 3, TOP + 12, "start", label, " fill=\"" + BUDGET + "\" font-size=\"11\"");
                } else {
                    s.line(LEFT, p, WIDTH - RIGHT, p, BUDGET, 1.3, " stroke-dasharray=\"6 4\"");
                    s.text(WIDTH - RIGHT - 3, p - 4, "end", label, " fill=\"" + BUDGET + "\" font-size=\"11\"");
                }
            }
        }
    }

    private void legend(Svg s, int points, int front) {
        String sampled = r.correlationsExact() ? String.format(Locale.ROOT, "all %,d rows", points)
                : String.format(Locale.ROOT, "uniform sample: %,d of %,d rows", points, r.rows());
        s.circle(LEFT + 8, 20, 3.5, POINT, " fill-opacity=\"0.6\"", null);
        s.text(LEFT + 16, 24, "start", sampled, " fill=\"#333\"");
        if (front > 0) {
            double at = LEFT + 26 + sampled.length() * 6.4;
            s.circle(at, 20, 3.6, FRONT, "", null);
            s.text(at + 8, 24, "start", String.format(Locale.ROOT, "Pareto front of all rows (%s %s, %s %s): %,d rows",
                    r.columns().get(xi).name(), r.options().maximizeX() ? "max" : "min", r.columns().get(yi).name(),
                    r.options().maximizeY() ? "max" : "min", front), " fill=\"#333\"");
        }
    }

    private static String round(double v) {
        if (v < 0) {
            return "-" + round(-v);
        }
        long t = Math.round(v * 10);
        return t % 10 == 0 ? Long.toString(t / 10) : (t / 10) + "." + Math.abs(t % 10);
    }
}
