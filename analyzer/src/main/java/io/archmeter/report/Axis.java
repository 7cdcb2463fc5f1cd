package io.archmeter.report;

import io.archmeter.stats.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a chart: maps values to pixels, linear or logarithmic, and chooses the ticks and
 * the label's unit.
 *
 * <ul>
 *   <li><b>Scale</b>: logarithmic when the values are positive and span two decades or more (the
 *       rule of {@link Histogram#isLog}), else linear.</li>
 *   <li><b>Linear ticks</b>: about five, at 1, 2 or 5 × 10<sup>k</sup> in the axis unit, which is
 *       the SI prefix (K, M, G) or, for bytes, the binary one (KiB, MiB) of the largest value:
 *       MACs 0 … 4.9 G get ticks 0, 1, 2, 3, 4 and the label {@code macs (G)}.</li>
 *   <li><b>Log ticks</b>: powers of ten (with 2× and 5× when fewer than three decades show)
 *       labelled with their own unit ({@code 10M}, {@code 100M}, {@code 1G}); for bytes powers of
 *       two, every second or more ({@code 256KiB}, {@code 1MiB}, {@code 4MiB}); label
 *       {@code macs (log scale)}.</li>
 * </ul>
 *
 * <pre>{@code
 * Axis x = Axis.of("macs", 7.5e6, 4.865e9, false, 60, 860);    // log: spans 2.8 decades
 * x.position(1e8);    // pixel of 100 M
 * x.ticks();          // 10M, 20M, 50M, 100M, … 2G
 * x.title();          // "macs (log scale)"
 * }</pre>
 */
public final class Axis {
    /** A tick: its value and its label. */
    public record Tick(double value, String label) {
    }

    private final String name;
    private final boolean bytes;
    private final boolean log;
    private final double lo;
    private final double hi;
    private final double from;
    private final double to;

    private Axis(String name, boolean bytes, boolean log, double lo, double hi, double from, double to) {
        this.name = name;
        this.bytes = bytes;
        this.log = log;
        this.lo = lo;
        this.hi = hi;
        this.from = from;
        this.to = to;
    }

    /**
     * An axis for values in [min, max], drawn from pixel {@code from} (min) to {@code to} (max),
     * padded by 3% of the span on each side (not below 0 for non-negative values).
     */
    public static Axis of(String name, double min, double max, boolean bytes, double from, double to) {
        return of(name, min, max, bytes, Histogram.isLog(min, max), 0.03, from, to);
    }

    /** An axis of exactly [min, max] (no padding) on the given scale: for histogram bins. */
    public static Axis exact(String name, double min, double max, boolean bytes, boolean log, double from, double to) {
        return of(name, min, max, bytes, log, 0, from, to);
    }

    private static Axis of(String name, double min, double max, boolean bytes, boolean log, double pad, double from, double to) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("axis " + name + ": min " + min + " > max " + max);
        }
        double lo;
        double hi;
        if (log) {
            double f = Math.pow(max / min, pad);
            lo = min / f;
            hi = max * f;
        } else if (min == max) {
            double d = min == 0 ? 1 : Math.abs(min) * 0.1;
            lo = min - d;
            hi = max + d;
        } else {
            double d = (max - min) * pad;
            lo = min >= 0 && min - d < 0 ? 0 : min - d;
            hi = max + d;
        }
        if (log && lo == hi) {
            lo = lo / 2;
            hi = hi * 2;
        }
        return new Axis(name, bytes, log, lo, hi, from, to);
    }

    public boolean isLog() {
        return log;
    }

    /** The lowest value shown. */
    public double lo() {
        return lo;
    }

    /** The highest value shown. */
    public double hi() {
        return hi;
    }

    /** The pixel of {@code v} (values outside the axis map outside [from, to]). */
    public double position(double v) {
        double t = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        return from + t * (to - from);
    }

    /** True if {@code v} can be drawn (a log axis cannot show 0 or negative values). */
    public boolean drawable(double v) {
        return !log || v > 0;
    }

    /** The axis title: {@code macs (M)}, {@code act_peak_bytes (MiB)}, {@code params (log scale)}. */
    public String title() {
        if (log) {
            return name + " (log scale)";
        }
        String unit = Units.unit(unitPrefix(), bytes);
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /** The prefix of the linear axis unit: that of the largest magnitude shown. */
    int unitPrefix() {
        return Units.prefix(Math.max(Math.abs(lo), Math.abs(hi)), bytes);
    }

    /** The ticks inside the axis, ascending. */
    public List<Tick> ticks() {
        return log ? logTicks() : linearTicks();
    }

    private List<Tick> linearTicks() {
        int p = unitPrefix();
        double f = Units.factor(p, bytes);
        double step = niceStep((hi - lo) / f / 5);
        List<Tick> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / f / step - 1e-9); k * step <= hi / f + 1e-9 * step; k++) {
            // k·step rounded to 12 digits: 3 × 0.1 is 0.3, not 0.30000000000000004
            double scaled = Double.parseDouble(Units.significant(k * step, 12));
            ticks.add(new Tick(scaled * f, Units.significant(scaled, 6)));
        }
        return ticks;
    }

    /** The smallest of 1, 2, 5 × 10^k at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private List<Tick> logTicks() {
        List<Tick> ticks = new ArrayList<>();
        if (bytes) {
            int a = (int) Math.floor(Math.log(lo) / Math.log(2));
            int b = (int) Math.ceil(Math.log(hi) / Math.log(2));
            int step = Math.max(1, (int) Math.ceil((b - a) / 8.0));
            // keep the ticks on powers of 2 whose exponent is a multiple of the step, so that 1KiB, 1MiB show when possible
            for (int k = Math.floorDiv(a, step) * step; k <= b; k += step) {
                addIfInside(ticks, Math.pow(2, k));
            }
            return ticks;
        }
        int a = (int) Math.floor(Math.log10(lo));
        int b = (int) Math.ceil(Math.log10(hi));
        double[] mantissas = b - a < 3 ? new double[] {1, 2, 5} : new double[] {1};
        for (int e = a; e <= b; e++) {
            for (double m : mantissas) {
                addIfInside(ticks, m * Math.pow(10, e));
            }
        }
        return ticks;
    }

    private void addIfInside(List<Tick> ticks, double v) {
        if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
            ticks.add(new Tick(v, Units.compact(v, bytes)));
        }
    }
}
