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
