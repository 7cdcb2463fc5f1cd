package io.archmeter.bench.report;

import java.nio.file.Path;

/**
 * Where the report of a results file goes. Only a full run ({@code <date>-full.json}) replaces the
 * committed {@code REPORT.md} and {@code report.svg}; any other run (quick, a single benchmark, a
 * merge) gets files named after its results file, beside them: {@code 2026-12-01-quick.json}
 * renders to {@code 2026-12-01-quick.md} and {@code 2026-12-01-quick.svg}.
 *
 * @param markdown the Markdown report
 * @param svg      the chart it shows
 */
public record ReportFiles(Path markdown, Path svg) {
    /** The suffix of a full run's results file. */
    public static final String FULL = "-full.json";

    /** The report files of {@code json} in {@code dir}. */
    public static ReportFiles of(Path json, Path dir) {
        String name = json.getFileName().toString();
        if (name.endsWith(FULL)) {
            return new ReportFiles(dir.resolve("REPORT.md"), dir.resolve("report.svg"));
        }
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return new ReportFiles(dir.resolve(stem + ".md"), dir.resolve(stem + ".svg"));
    }
}
