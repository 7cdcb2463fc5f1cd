package io.archmeter.io;

import io.archmeter.engine.Metric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bound of {@code archmeter filter}: {@code --max NAME=VALUE} or {@code --min NAME=VALUE}, over
 * a metric column (see {@link Metric}) or a numeric column of the input CSV.
 *
 * <pre>{@code
 * Constraint.max("macs=600M")            // metric: macs <= 600000000, compared as long
 * Constraint.max("act_peak_bytes=320KiB")// metric in bytes: <= 327680
 * Constraint.min("acc=0.7")              // input column 'acc' >= 0.7, compared exactly (BigDecimal)
 * Constraint.max("macs=1.5")             // IllegalArgumentException: macs are whole numbers
 * }</pre>
 *
 * A name that is not a metric is taken as an input column; whether the input has it is known only
 * once its header is read ({@link FilterPipeline#run} fails then, listing the valid names). Metric
 * names win over input columns of the same name.
 *
 * @param column the column name as given (metric names are matched case-insensitively)
 * @param bound  {@link Bound#MAX} (value ≤ limit) or {@link Bound#MIN} (value ≥ limit)
 * @param limit  the limit, exact, suffixes applied
 * @param metric the metric, or {@code null} for an input column
 */
public record Constraint(String column, Bound bound, BigDecimal limit, Metric metric) {

    /** Which side of the limit a row must be on; both are inclusive. */
    public enum Bound {
        /** value ≤ limit */
        MAX("--max"),
        /** value ≥ limit */
        MIN("--min");

        private final String option;

        Bound(String option) {
            this.option = option;
        }

        /** The command-line option, {@code --max} or {@code --min}. */
        public String option() {
            return option;
        }
    }

    public Constraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(limit, "limit");
        if (metric != null) {
            requireWholeLong(column, limit);
        }
    }

    /** {@code NAME=VALUE} as an upper bound. */
    public static Constraint max(String nameEqualsValue) {
        return parse(Bound.MAX, nameEqualsValue);
    }

    /** {@code NAME=VALUE} as a lower bound. */
    public static Constraint min(String nameEqualsValue) {
        return parse(Bound.MIN, nameEqualsValue);
    }

    /**
     * Parses {@code NAME=VALUE}; VALUE takes the suffixes of {@link Quantity}.
     *
     * @throws IllegalArgumentException on a missing '=', a bad number, a byte suffix on a count,
     *                                  a fractional metric limit, or the non-numeric {@code out_shape}
     */
    public static Constraint parse(Bound bound, String nameEqualsValue) {
        int eq = nameEqualsValue.indexOf('=');
        String shown = Text.escape(nameEqualsValue, Text.ECHO_LIMIT);
        if (eq <= 0 || eq == nameEqualsValue.length() - 1) {
            throw new IllegalArgumentException(bound.option() + " '" + shown
                    + "' is not NAME=VALUE (e.g. " + bound.option() + " macs=600M)");
        }
        String name = nameEqualsValue.substring(0, eq).trim();
        String value = nameEqualsValue.substring(eq + 1);
        Metric metric = Metric.ofColumn(name);
        if (metric != null && !metric.isNumeric()) {
            throw new IllegalArgumentException(bound.option() + " " + shown + ": " + metric.column()
                    + " is not a number; constrain out_h, out_w or out_c instead");
        }
        try {
            BigDecimal limit = Quantity.parse(value, metric == null || metric.isBytes());
            return new Constraint(metric != null ? metric.column() : name, bound, limit, metric);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(bound.option() + " " + shown + ": " + e.getMessage(), e);
        }
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private static void requireWholeLong(String column, BigDecimal limit) {
        // compared before anything prints or strips the number: 1e999999999 must stay cheap
        if (limit.compareTo(LONG_MAX) > 0 || limit.compareTo(LONG_MIN) < 0) {
            throw new IllegalArgumentException("the limit of " + column + " is out of range: " + column
                    + " is an integer count, at most 9,223,372,036,854,775,807");
        }
        if (limit.signum() != 0 && limit.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("the limit of " + column + " must be a whole number (it is "
                    + plainIfShort(limit.stripTrailingZeros()) + "); " + column
                    + " is an integer count");
        }
    }

    /**
     * {@code v} in plain digits, or in scientific notation when plain would be long: a library
     * caller's limit may be beyond {@link Quantity}'s bounds, and 1e-99999999 in plain digits is 100 MB.
     */
    private static String plainIfShort(BigDecimal v) {
        long digitsLeft = (long) v.precision() - v.scale();
        return v.scale() > 40 || digitsLeft > 40 ? v.toString() : v.toPlainString();
    }

    /** True if the constraint reads a metric; false if it reads an input column. */
    public boolean isMetric() {
        return metric != null;
    }

    /** The limit of a metric constraint as a long. */
    public long longLimit() {
        return limit.stripTrailingZeros().longValueExact();
    }

    /** True if a metric value satisfies the constraint. */
    public boolean accepts(long value) {
        long l = longLimit();
        return bound == Bound.MAX ? value <= l : value >= l;
    }

    /** True if an input-column value satisfies the constraint, compared exactly. */
    public boolean accepts(BigDecimal value) {
        int c = value.compareTo(limit);
        return bound == Bound.MAX ? c <= 0 : c >= 0;
    }

    /**
     * As it could be written on the command line, whole limits with the largest exact suffix:
     * {@code --max macs=600M}, {@code --max act_peak_bytes=320KiB}, {@code --min acc=0.7}.
     */
    @Override
    public String toString() {
        return bound.option() + " " + Text.escape(column, Text.ECHO_LIMIT) + "=" + limitText();
    }

    private String limitText() {
        BigDecimal l = limit.stripTrailingZeros();
        if (l.scale() > 0 || l.signum() == 0 || (long) l.precision() - l.scale() > 40) {
            return plainIfShort(l);
        }
        String unit = metric != null && metric.isBytes() ? "B" : "";
        String[] decimal = {"K", "M", "G"};
        String[] binary = {"Ki", "Mi", "Gi"};
        for (int k = 3; k >= 1; k--) {
            if (l.remainder(BigDecimal.valueOf(1000).pow(k)).signum() == 0) {
                return l.divide(BigDecimal.valueOf(1000).pow(k)).toPlainString() + decimal[k - 1] + unit;
            }
            if (l.remainder(BigDecimal.valueOf(1024).pow(k)).signum() == 0) {
                return l.divide(BigDecimal.valueOf(1024).pow(k)).toPlainString() + binary[k - 1] + unit;
            }
        }
        return l.toPlainString();
    }
}
