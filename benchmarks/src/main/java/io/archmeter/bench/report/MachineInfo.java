package io.archmeter.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The machine a report describes: CPU model (from {@code /proc/cpuinfo}), logical cores, JDK, OS
 * and date. The JDK is the one recorded in the results (the benchmark forks' JVM), not the one
 * rendering the report.
 */
public record MachineInfo(String cpuModel, int cores, String jdk, String os, LocalDate date) {

    /**
     * This machine, with the JDK of {@code results} if they name one, the number of cores the run
     * used when it tells (the largest {@code threads} of {@code ScalingBenchmark}: report.sh sweeps
     * up to {@code nproc}), and the run's date when the results file is named after it
     * ({@code 2026-11-29-full.json}), else today.
     */
    public static MachineInfo detect(List<BenchmarkResult> results, String resultsFileName) {
        MachineInfo here = detect(results);
        int scaled = 0;
        for (BenchmarkResult r : results) {
            String threads = r.param("threads");
            if (r.className().equals("ScalingBenchmark") && threads != null && threads.matches("\\d{1,4}")) {
                scaled = Math.max(scaled, Integer.parseInt(threads));
            }
        }
        int cores = scaled > 0 ? scaled : here.cores();
        LocalDate date = here.date();
        if (resultsFileName.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            try {
                date = LocalDate.parse(resultsFileName.substring(0, 10));
            } catch (java.time.format.DateTimeParseException e) {
                // not a date after all: today
            }
        }
        return new MachineInfo(here.cpuModel(), cores, here.jdk(), here.os(), date);
    }

    /** This machine, with the JDK of {@code results} if they name one. */
    public static MachineInfo detect(List<BenchmarkResult> results) {
        String jdk = results.isEmpty() ? System.getProperty("java.version") + " " + System.getProperty("java.vm.name")
                : results.get(0).jdkVersion() + " " + results.get(0).vmName();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        return new MachineInfo(cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(), jdk, os,
                LocalDate.now());
    }

    /** The first {@code model name} line of a cpuinfo file, or "unknown". */
    static String cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: say so
        }
        return "unknown";
    }
}
