package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./archmeter} launcher, run by bash in a copy of the repository's layout with stand-ins
 * for {@code mvn} and {@code java} on the PATH: the stand-in Maven prints what Maven 3.8 prints in
 * batch mode (colour codes included), so the launcher's handling of it is what is tested.
 */
@DisplayName("the ./archmeter launcher")
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private void script(Path p, String body) throws IOException {
        Files.writeString(p, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result launch(boolean buildFails, String... args) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(RepoRoot.path().resolve("archmeter"), repo.resolve("archmeter"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("analyzer/src/main"));
        Files.writeString(repo.resolve("analyzer/pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), "printf '\\033[0m\\033[0m'\n"
                + (buildFails ? "printf '\\033[1;31m[ERROR]\\033[m COMPILATION ERROR: Main.java:[3,1] class expected\\n'\nexit 1\n"
                        : "mkdir -p analyzer/target && touch analyzer/target/archmeter.jar\n"));
        script(bin.resolve("java"), "echo \"java $*\"\n");
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(java.util.List.of("bash", repo.resolve("archmeter").toString())));
        pb.command().addAll(java.util.List.of(args));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("ARCHMETER_JAVA_OPTS");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aSuccessfulBuildPrintsNothingAndRunsTheJar() throws Exception {
        Result r = launch(false, "summary", "resnet18");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "nothing on stderr when it is not a terminal and the build works");
        assertEquals("java -jar " + dir.resolve("repo/analyzer/target/archmeter.jar") + " summary resnet18\n", r.out());
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutColourCodesAndExits1() throws Exception {
        Result r = launch(true, "zoo");
        assertEquals(1, r.exit());
        assertFalse(r.err().contains("\u001b"), "no ANSI escape: " + r.err());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR: Main.java:[3,1] class expected"), r.err());
        assertTrue(r.err().strip().endsWith("failed (Maven's output above)"), r.err());
        assertEquals("", r.out(), "the jar is not run");
    }
}
