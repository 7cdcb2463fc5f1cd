package io.archmeter.bench.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code benchmarks/report.sh} refuses what it cannot do before it builds or runs anything: a
 * missing argument is its usage line, a missing file one line naming it; both exit 2.
 */
@DisplayName("benchmarks/report.sh")
@EnabledOnOs({OS.LINUX, OS.MAC})
class ReportScriptTest {

    @ParameterizedTest(name = "report.sh {0}")
    @CsvSource(delimiterString = " => ", value = {
        "compare => usage: benchmarks/report.sh compare A.json B.json",
        "compare a.json => usage: benchmarks/report.sh compare A.json B.json",
        "compare no-such-a.json no-such-b.json => report.sh: no such file: no-such-a.json",
        "render => usage: benchmarks/report.sh render RESULTS.json",
        "render no-such.json => report.sh: no such file: no-such.json",
        "quick extra => usage: benchmarks/report.sh quick",
        "bogus => usage: benchmarks/report.sh [quick|full] | render RESULTS.json | compare A.json B.json | stats10m [ROWS] (--help for more)"})
    void refusesWithOneLineAndExitCode2(String args, String message) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", CommittedReportTest.repo().resolve("benchmarks/report.sh").toString()));
        command.addAll(List.of(args.split(" ")));
        Process p = new ProcessBuilder(command).directory(CommittedReportTest.repo().toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertEquals(message + "\n", err);
        assertEquals("", out);
    }
}
