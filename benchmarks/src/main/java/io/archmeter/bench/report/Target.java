package io.archmeter.bench.report;

import java.util.List;

/**
 * A figure the project set itself a bar for, as measured in one run: what it is and under which
 * conditions, its value, the results it was computed from, and the bar. The verdict is
 * {@code met} or {@code not met} only when none of those results is {@linkplain Noise noisy}.
 *
 * @param figure    what is measured, with its conditions (depth, batch size, threads)
 * @param measured  the measured value, formatted (e.g. {@code 9.49 M candidates/s})
 * @param value     the measured value
 * @param bar       the target's threshold, in the unit of {@code value} (a minimum)
 * @param barText   the target as text (e.g. {@code ≥ 5 M candidates/s on 2 cores})
 * @param inputs    the results the value is computed from
 */
public record Target(String figure, String measured, double value, double bar, String barText, List<Score> inputs) {

    /** The verdict: {@code met}, {@code not met}, or why it is not compared. */
    public String verdict() {
        if (inputs.isEmpty() || Noise.anyNoisy(inputs.toArray(new Score[0]))) {
            return "noisy (error > " + Math.round(100 * Noise.NOISY_SHARE) + "% of a score): not compared";
        }
        return value >= bar ? "met" : "not met";
    }

    /** The errors of the inputs, e.g. {@code ± 12.2%}, or {@code ± 33.1%, ± 89.1%}. */
    public String errors() {
        StringBuilder sb = new StringBuilder();
        for (Score s : inputs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Formats.error(s));
        }
        return sb.toString();
    }
}
