package io.archmeter.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart in plain SVG, written by hand (no library): one panel per benchmark
 * class (the CSV floor and the filter pipeline share one), one bar per result, bar lengths on a
 * linear scale shared within a panel and drawn as an axis with ticks and its unit (units differ
 * between panels: candidates/s, rows/s). Each bar has a whisker for the error, with end caps,
 * and its value printed to the right of the bar and of the whisker, whichever ends later, so that
 * the two never cross; the scale ends at a round tick at or above the largest whisker, so no
 * whisker is cut at the edge. {@linkplain Noise Noisy} results are drawn pale and labelled
 * "noisy". Viewable in any browser and on GitHub.
 *
 * <p>Structure, for tests and styling: each bar is a {@code <g class="bar">} holding its
 * {@code rect}, its whisker {@code <g class="whisker">} (three lines) and its {@code <text class="value">};
 * each panel's axis is a {@code <g class="axis">} holding its line, tick marks, tick labels and
 * a {@code <text class="unit">}.
 */
public final class SvgBarChart {
    static final int WIDTH = 980;
    static final int LABEL_WIDTH = 400;
    static final int BAR_AREA = 400;
    static final int ROW = 20;
    static final int FONT_SIZE = 12;
    private static final int PANEL_TITLE = 24;
    private static final int AXIS_HEIGHT = 30;
    private static final int PANEL_GAP = 16;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"};

    /** One bar: a label, a value and its error, in {@code unit}. */
    public record Bar(String label, double value, double error, String unit) {
        /** True if this bar's result is too noisy to compare ({@link Noise}). */
        boolean noisy() {
            return Noise.isNoisy(new Score(value, error, unit));
        }
    }

    private SvgBarChart() {
    }

    /**
     * The chart of every throughput result (a unit per second), one panel per benchmark class, in
     * file order. Single-shot times ({@code s/op}, e.g. a whole search space scored once) are left to
     * the report's tables: a bar of seconds beside bars of rates would read as the wrong way round.
     */
    public static String render(List<BenchmarkResult> results, String title) {
        Map<String, List<Bar>> panels = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            if (!r.operationUnit().endsWith("/s")) {
                continue;
            }
            // the CSV floor and the pipeline share a panel (and a scale), so that their ratio shows
            boolean rows = r.operationUnit().equals("rows/s");
            String panel = rows ? "CSV floor and filter pipeline" : r.className();
            String label = (rows ? r.shortName() : r.method()) + (r.paramsLabel().isEmpty() ? "" : "  " + r.paramsLabel());
            panels.computeIfAbsent(panel, k -> new ArrayList<>())
                    .add(new Bar(label, r.primary().value(), r.primary().error(), r.operationUnit()));
        }
        return render(panels, title);
    }

    /** A chart of the given panels. */
    public static String render(Map<String, List<Bar>> panels, String title) {
        int rows = panels.values().stream().mapToInt(List::size).sum();
        int height = 60 + panels.size() * (PANEL_TITLE + AXIS_HEIGHT + PANEL_GAP) + rows * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"").append(FONT_SIZE).append("\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(10, 24, escape(title), "font-size=\"16\" font-weight=\"bold\""));
        svg.append(text(10, 42, escape("Whiskers: JMH's 99.9% error. Pale bars: noisy (error above "
                + Math.round(100 * Noise.NOISY_SHARE) + "% of the score, or none)."), "fill=\"#555\""));
        int y = 60;
        int colour = 0;
        for (Map.Entry<String, List<Bar>> panel : panels.entrySet()) {
            y = panel(svg, panel.getKey(), panel.getValue(), COLOURS[colour++ % COLOURS.length], y);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Draws one panel from {@code y}; returns the y below it. */
    private static int panel(StringBuilder svg, String name, List<Bar> bars, String fill, int y) {
        String unit = bars.isEmpty() ? "" : bars.get(0).unit();
        svg.append(text(10, y + 14, escape(name + " (" + unit + ")"), "font-weight=\"bold\""));
        y += PANEL_TITLE;
        double top = 0;
        for (Bar b : bars) {
            double end = b.value() + (Double.isNaN(b.error()) ? 0 : Math.abs(b.error()));
            if (!Double.isNaN(end)) {
                top = Math.max(top, end);
            }
        }
        double step = tickStep(top);
        double axisMax = step * Math.max(1, Math.ceil(top / step - 1e-9));
        for (Bar b : bars) {
            bar(svg, b, fill, axisMax, y);
            y += ROW;
        }
        axis(svg, unit, step, axisMax, y + 4);
        return y + AXIS_HEIGHT + PANEL_GAP;
    }

    private static void bar(StringBuilder svg, Bar b, String fill, double axisMax, int y) {
        svg.append("<g class=\"bar\">\n");
        svg.append(text(LABEL_WIDTH - 6, y + 14, escape(b.label()), "text-anchor=\"end\""));
        double len = Double.isNaN(b.value()) ? 0 : BAR_AREA * Math.max(0, b.value()) / axisMax;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s/>%n",
                LABEL_WIDTH, y + 3, len, ROW - 6, fill, b.noisy() ? " fill-opacity=\"0.35\"" : ""));
        double right = LABEL_WIDTH + len;
        if (!Double.isNaN(b.error()) && b.error() > 0) {
            double lo = LABEL_WIDTH + BAR_AREA * Math.max(0, b.value() - b.error()) / axisMax;
            double hi = LABEL_WIDTH + BAR_AREA * (b.value() + b.error()) / axisMax;
            int mid = y + ROW / 2;
            svg.append("<g class=\"whisker\" stroke=\"black\" stroke-width=\"1\">\n");
            svg.append(line(lo, mid, hi, mid)).append(line(lo, mid - 4, lo, mid + 4)).append(line(hi, mid - 4, hi, mid + 4));
            svg.append("</g>\n");
            right = Math.max(right, hi);
        }
        String value = Formats.compact(b.value()) + (b.noisy() ? " " + noisyNote(b) : "");
        svg.append(text((int) Math.ceil(right) + 6, y + 14, escape(value), "class=\"value\""));
        svg.append("</g>\n");
    }

    private static String noisyNote(Bar b) {
        return Double.isNaN(b.error()) || b.value() == 0 ? "(no error, noisy)"
                : String.format(Locale.ROOT, "± %.0f%% noisy", 100 * Math.abs(b.error() / b.value()));
    }

    private static void axis(StringBuilder svg, String unit, double step, double axisMax, int y) {
        svg.append("<g class=\"axis\" stroke-width=\"1\">\n");
        svg.append(line(LABEL_WIDTH, y, LABEL_WIDTH + BAR_AREA, y).replace("/>", " stroke=\"#555\"/>"));
        int ticks = (int) Math.round(axisMax / step);
        for (int i = 0; i <= ticks; i++) {
            double x = LABEL_WIDTH + BAR_AREA * (i * step) / axisMax;
            svg.append(line(x, y, x, y + 4).replace("/>", " stroke=\"#555\"/>"));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x, y + 16, escape(i == 0 ? "0" : Formats.compact(i * step))));
        }
        svg.append(text(LABEL_WIDTH + BAR_AREA + 34, y + 16, escape(unit), "class=\"unit\" fill=\"#555\""));
        svg.append("</g>\n");
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten), the smallest that cuts [0, top] into at most 5 steps. */
    static double tickStep(double top) {
        if (!(top > 0) || Double.isInfinite(top)) {
            return 1;
        }
        double raw = top / 5;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / pow;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", x1, y1, x2, y2);
    }

    private static String text(int x, int y, String content, String attributes) {
        return "<text x=\"" + x + "\" y=\"" + y + "\"" + (attributes.isEmpty() ? "" : " " + attributes) + ">" + content + "</text>\n";
    }

    /** Escapes the five XML special characters. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
