package io.archmeter.report;

/**
 * A minimal SVG writer: the few elements the report's charts use, with text escaped and
 * coordinates rounded to a tenth of a pixel. Styles are presentation attributes, so that a chart
 * looks the same inline in the HTML report and as a standalone {@code .svg} file.
 */
final class Svg {
    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
    private final StringBuilder sb = new StringBuilder(4096);

    /** Opens an SVG of {@code width} × {@code height} pixels described by {@code title}. */
    Svg(int width, int height, String title) {
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\" font-family=\"").append(FONT).append("\" font-size=\"12\">\n<title>")
                .append(escape(title)).append("</title>\n");
    }

    /** Appends a number with at most one decimal. */
    Svg num(double v) {
        long t = Math.round(v * 10);
        if (t < 0) {
            sb.append('-');
            t = -t;
        }
        sb.append(t / 10);
        if (t % 10 != 0) {
            sb.append('.').append(t % 10);
        }
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        sb.append("<rect x=\"");
        num(x).sb.append("\" y=\"");
        num(y).sb.append("\" width=\"");
        num(w).sb.append("\" height=\"");
        num(h).sb.append("\" fill=\"").append(fill).append('"').append(extra).append("/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
        sb.append("<line x1=\"");
        num(x1).sb.append("\" y1=\"");
        num(y1).sb.append("\" x2=\"");
        num(x2).sb.append("\" y2=\"");
        num(y2).sb.append("\" stroke=\"").append(stroke).append("\" stroke-width=\"");
        num(width).sb.append('"').append(extra).append("/>\n");
        return this;
    }

    /** Text at (x, y); {@code anchor} start, middle or end; {@code extra} more attributes (leading space). */
    Svg text(double x, double y, String anchor, String text, String extra) {
        sb.append("<text x=\"");
        num(x).sb.append("\" y=\"");
        num(y).sb.append("\" text-anchor=\"").append(anchor).append('"').append(extra).append('>').append(escape(text))
                .append("</text>\n");
        return this;
    }

    /** A path of data {@code d} with more attributes {@code attrs} (leading space). */
    Svg path(CharSequence d, String attrs) {
        sb.append("<path d=\"").append(d).append('"').append(attrs).append("/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String extra, String tooltip) {
        sb.append("<circle cx=\"");
        num(cx).sb.append("\" cy=\"");
        num(cy).sb.append("\" r=\"");
        num(r).sb.append("\" fill=\"").append(fill).append('"').append(extra);
        if (tooltip == null) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(escape(tooltip)).append("</title></circle>\n");
        }
        return this;
    }

    /** Raw markup (already escaped). */
    Svg raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Closes the SVG and returns it. */
    String end() {
        return sb.append("</svg>\n").toString();
    }

    /** Text made safe for XML content and attributes. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
