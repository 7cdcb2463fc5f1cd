package io.archmeter.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart in plain SVG, written by hand (no library): one panel per benchmark
 * class (the CSV floor and the filter pipeline share one), one bar per result, bar lengths on a linear scale shared within a panel (units differ
 * between panels: candidates/s, rows/s), a whisker for the error, and the value printed at the
 * end of each bar. Viewable in any browser and on GitHub.
 */
public final class SvgBarChart {
    private static final int WIDTH = 980;
    private static final int LABEL_WIDTH = 400;
    private static final int BAR_AREA = 400;
    private static final int ROW = 20;
    private static final int PANEL_GAP = 34;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"};

    /** One bar: a label, a value and its error, in {@code unit}. */
    public record Bar(String label, double value, double error, String unit) {
    }

    private SvgBarChart() {
    }

    /** The chart of every result, one panel per benchmark class, in file order. */
    public static String render(List<BenchmarkResult> results, String title) {
        Map<String, List<Bar>> panels = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
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
        int height = 50 + panels.size() * PANEL_GAP + rows * ROW + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(10, 24, escape(title), "font-size=\"16\" font-weight=\"bold\""));
        int y = 50;
        int colour = 0;
        for (Map.Entry<String, List<Bar>> panel : panels.entrySet()) {
            List<Bar> bars = panel.getValue();
            String unit = bars.isEmpty() ? "" : bars.get(0).unit();
            svg.append(text(10, y + 12, escape(panel.getKey() + " (" + unit + ")"), "font-weight=\"bold\""));
            y += PANEL_GAP - 10;
            double max = 0;
            for (Bar b : bars) {
                double top = b.value() + (Double.isNaN(b.error()) ? 0 : b.error());
                if (!Double.isNaN(top)) {
                    max = Math.max(max, top);
                }
            }
            String fill = COLOURS[colour++ % COLOURS.length];
            for (Bar b : bars) {
                svg.append(text(LABEL_WIDTH - 6, y + 14, escape(b.label()), "text-anchor=\"end\""));
                double len = max <= 0 || Double.isNaN(b.value()) ? 0 : BAR_AREA * b.value() / max;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                        LABEL_WIDTH, y + 3, len, ROW - 6, fill));
                if (!Double.isNaN(b.error()) && b.error() > 0 && max > 0) {
                    double lo = LABEL_WIDTH + BAR_AREA * Math.max(0, b.value() - b.error()) / max;
                    double hi = LABEL_WIDTH + BAR_AREA * (b.value() + b.error()) / max;
                    svg.append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-width=\"1\"/>%n",
                            lo, y + ROW / 2, hi, y + ROW / 2));
                }
                svg.append(text(LABEL_WIDTH + (int) Math.ceil(len) + 6, y + 14, Formats.compact(b.value()), ""));
                y += ROW;
            }
            y += 10;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String text(int x, int y, String content, String attributes) {
        return "<text x=\"" + x + "\" y=\"" + y + "\"" + (attributes.isEmpty() ? "" : " " + attributes) + ">" + content + "</text>\n";
    }

    /** Escapes the five XML special characters. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
