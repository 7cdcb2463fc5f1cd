package io.archmeter.stats;

import io.archmeter.engine.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where one value of a row comes from, as a {@link Keys key}: a metric of the row's scored
 * record, or a cell of its CSV row read as a number.
 *
 * <ul>
 *   <li>{@link #metric}: the engine's value, {@link ValueKind#INTEGER}, exact.</li>
 *   <li>{@link #cell} of kind INTEGER: a whole number written in a cell, e.g. the {@code macs}
 *       column of a file {@code archmeter filter} wrote; a cell that is not a whole number is
 *       missing.</li>
 *   <li>{@link #cell} of kind DECIMAL: a pass-through column such as {@code acc}: a decimal number
 *       ({@code 0.7312}, {@code -1.5e-3}; no {@code NaN}, {@code Infinity} or hex), read as the
 *       nearest double; anything else, an empty cell included, is missing.</li>
 * </ul>
 *
 * <pre>{@code
 * ValueColumn acc = ValueColumn.resolve("acc", header, true);     // a cell of the input
 * ValueColumn macs = ValueColumn.resolve("macs", header, true);   // the engine's metric
 * long k = acc.key(cells, metrics, offset);                        // Keys.MISSING if not a number
 * }</pre>
 *
 * @param name   the column name (a metric's canonical name)
 * @param metric the metric read from the record, or null
 * @param cell   the index of the cell read, or -1
 * @param kind   how the value is read and compared
 */
public record ValueColumn(String name, Metric metric, int cell, ValueKind kind) {

    public ValueColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if ((metric == null) == (cell < 0)) {
            throw new IllegalArgumentException("a column reads either a metric or a cell");
        }
    }

    /** The metric {@code m} of the scored record. */
    public static ValueColumn metric(Metric m) {
        if (!m.isNumeric()) {
            throw new IllegalArgumentException(m.column() + " is not a number");
        }
        return new ValueColumn(m.column(), m, -1, ValueKind.INTEGER);
    }

    /** Cell {@code index}, named {@code name}, read as {@code kind}. */
    public static ValueColumn cell(String name, int index, ValueKind kind) {
        return new ValueColumn(name, null, index, kind);
    }

    /**
     * The column {@code name} of rows with {@code header}: with {@code scored} rows, a numeric
     * metric name is the engine's metric; otherwise a header column (INTEGER if it is named like
     * a metric, as in a file {@code filter} wrote; else DECIMAL).
     *
     * @throws IllegalArgumentException naming the valid columns, for an unknown name or {@code out_shape}
     */
    public static ValueColumn resolve(String name, String[] header, boolean scored) {
        String n = name.trim();
        Metric m = Metric.ofColumn(n);
        if (m != null && !m.isNumeric()) {
            throw new IllegalArgumentException(m.column() + " is not a number; use out_h, out_w or out_c");
        }
        if (scored && m != null) {
            return metric(m);
        }
        int index = Arrays.asList(header).indexOf(n);
        if (index < 0 && m != null) {
            index = Arrays.asList(header).indexOf(m.column());
        }
        if (index < 0) {
            throw new IllegalArgumentException("unknown column '" + n + "'; valid names: " + validNames(header, scored));
        }
        return cell(header[index], index, m != null ? ValueKind.INTEGER : ValueKind.DECIMAL);
    }

    private static String validNames(String[] header, boolean scored) {
        List<String> names = new ArrayList<>();
        if (scored) {
            for (Metric m : Metric.values()) {
                if (m.isNumeric()) {
                    names.add(m.column());
                }
            }
            names.add("or an input column: " + String.join(", ", header));
            return String.join(", ", names);
        }
        return "columns " + String.join(", ", header);
    }

    /** True if the value comes from the scored record. */
    public boolean isMetric() {
        return metric != null;
    }

    /** True if metric values are bytes (for units in reports): a byte metric or a column named like one. */
    public boolean isBytes() {
        Metric m = metric != null ? metric : Metric.ofColumn(name);
        return m != null && m.isBytes();
    }

    /**
     * The value's key in a row: the metric at {@code offset} of {@code metrics}, or the cell parsed;
     * {@link Keys#MISSING} if the cell is not a number of the column's kind.
     */
    public long key(String[] cells, long[] metrics, int offset) {
        if (metric != null) {
            return metric.get(metrics, offset);
        }
        String text = cells[cell];
        return kind == ValueKind.INTEGER ? parseInteger(text) : parseDecimal(text);
    }

    /** A whole number's key, or MISSING. */
    static long parseInteger(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.length() > 20) {
            return Keys.MISSING;
        }
        try {
            long v = Long.parseLong(s);
            return v == Keys.MISSING ? Keys.MISSING : v;
        } catch (NumberFormatException e) {
            return Keys.MISSING;
        }
    }

    /** Powers of ten exact as doubles (up to 10^22). */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /** A decimal number's key (the nearest double's), or MISSING for anything that is not one. */
    static long parseDecimal(String text) {
        // fast path for [-]digits[.digits] of at most 15 digits (0.7312): m / 10^k with m < 2^53 and
        // 10^k exact is one correctly rounded division, the same double as Double.parseDouble (Clinger)
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                fraction += fraction >= 0 ? 1 : 0;
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (i == n && digits > 0 && digits <= 15) {
            double v = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
            return Keys.ofDouble(text.charAt(0) == '-' ? -v : v);
        }
        return parseDecimalSlowly(text);
    }

    private static long parseDecimalSlowly(String text) {
        String s = text.trim();
        if (!isDecimal(s)) {
            return Keys.MISSING;
        }
        double v = Double.parseDouble(s);
        return Double.isInfinite(v) ? Keys.MISSING : Keys.ofDouble(v);
    }

    /**
     * True for {@code [+-]digits[.digits][e[+-]digits]} (at least one digit before or after the
     * point): what {@link Double#parseDouble} would also accept in other forms ({@code NaN},
     * {@code 0x1p3}, {@code 1.5d}) is refused, so only numbers as people write them count.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i)) && exponent < 6) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
