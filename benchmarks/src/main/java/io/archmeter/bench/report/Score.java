package io.archmeter.bench.report;

/**
 * One figure JMH measured: the mean, its error (half the 99.9% confidence interval; NaN when
 * there were too few iterations to compute one) and JMH's unit.
 */
public record Score(double value, double error, String unit) {

    /** The error as a share of the value, or NaN. */
    public double relativeError() {
        return value == 0 ? Double.NaN : error / value;
    }
}
