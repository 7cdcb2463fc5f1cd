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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./archmeter} launcher, run by bash in a copy of the repository's layout with stand-ins
 * for {@code mvn} and {@code java} on the PATH: the stand-in Maven prints what Maven 3.8 prints in
 * batch mode (colour codes included), so the launcher's handling of it is what is tested. The
 * class-data archive is tested with a stand-in JVM (when it is made, used, not retried) and with
 * this test's own JVM on a one-class jar (a missing, stale or corrupt archive changes nothing a
 * run prints).
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
        return launch(buildFails, "echo \"java $*\"\n", Map.of(), args);
    }

    /** The launcher in a copy of the repository's layout (made on the first call), with {@code java} a stand-in script. */
    private Result launch(boolean buildFails, String javaScript, Map<String, String> env, String... args) throws Exception {
        Path repo = repo();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), "printf '\\033[0m\\033[0m'\n"
                + (buildFails ? "printf '\\033[1;31m[ERROR]\\033[m COMPILATION ERROR: Main.java:[3,1] class expected\\n'\nexit 1\n"
                        : "mkdir -p analyzer/target && touch analyzer/target/archmeter.jar\n"));
        script(bin.resolve("java"), javaScript);
        // 8 CPUs unless a test says otherwise: the launcher adds no compiler thread then
        script(bin.resolve("getconf"), "echo " + env.getOrDefault("TEST_CPUS", "8") + "\n");
        return run(repo, bin + ":" + System.getenv("PATH"), env, args);
    }

    private Path repo() throws IOException {
        Path repo = dir.resolve("repo");
        if (Files.isDirectory(repo)) {
            return repo;
        }
        Files.createDirectories(repo);
        Files.copy(RepoRoot.path().resolve("archmeter"), repo.resolve("archmeter"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("analyzer/src/main"));
        Files.writeString(repo.resolve("analyzer/pom.xml"), "<project/>");
        return repo;
    }

    private Result run(Path repo, String path, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(java.util.List.of("bash", repo.resolve("archmeter").toString())));
        pb.command().addAll(java.util.List.of(args));
        pb.environment().put("PATH", path);
        pb.environment().remove("ARCHMETER_JAVA_OPTS");
        pb.environment().remove("ARCHMETER_CDS");
        pb.environment().putAll(env);
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

    /**
     * A stand-in JVM that logs its arguments to {@code calls.txt}, one line per run, and makes the
     * archive that {@code -XX:ArchiveClassesAtExit} names (or fails to, with {@code dumpFails}).
     */
    private String loggingJava(boolean dumpFails) {
        return "echo \"$*\" >> '" + dir.resolve("calls.txt") + "'\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) "
                + (dumpFails ? "echo 'Error: Could not create the Java Virtual Machine.' >&2; exit 1;; " : "echo cds > \"${a#*=}\";; ")
                + "esac; done\necho \"java $*\"\n";
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls.txt"));
    }

    private Path withCandidates() throws IOException {
        Path repo = repo();
        Files.createDirectories(repo.resolve("datasets"));
        Files.writeString(repo.resolve("datasets/candidates.csv"), "id,arch\n0,gap\n");
        return repo;
    }

    @Test
    void theFirstRunAfterABuildMakesTheClassDataArchiveAndEveryRunUsesIt() throws Exception {
        Path repo = withCandidates();
        Result first = launch(false, loggingJava(false), Map.of(), "zoo");
        Result second = launch(false, loggingJava(false), Map.of(), "zoo");
        Path target = repo.resolve("analyzer/target");
        List<Path> archives;
        try (var list = Files.list(target)) {
            archives = list.filter(p -> p.getFileName().toString().matches("archmeter-cds-[0-9]+\\.jsa")).toList();
        }
        assertEquals(1, archives.size(), "one archive: " + archives);
        String jar = target.resolve("archmeter.jar").toString();
        String use = "-XX:SharedArchiveFile=" + archives.get(0) + " -Xlog:cds*=off -jar " + jar + " zoo";
        assertEquals(List.of("-Xint", "-XX:ArchiveClassesAtExit=" + archives.get(0) + ".tmp-", "-Xlog:cds*=off -jar " + jar + " filter "
                + repo.resolve("datasets/candidates.csv") + " -o /dev/null --quiet --threads 2", use, use),
                calls().stream().map(c -> c.replaceFirst("\\.tmp-[0-9]+ ", ".tmp- ")).flatMap(c -> c.startsWith("-Xint ")
                        ? java.util.stream.Stream.of(c.split(" ", 3)) : java.util.stream.Stream.of(c)).toList());
        assertEquals("java " + use + "\n", first.out());
        assertEquals(first.out(), second.out());
        assertEquals("", first.err() + second.err(), "no message when stderr is not a terminal");
    }

    @Test
    void anArchiveThatCannotBeMadeIsNotTriedAgainUntilTheNextBuildAndTheRunGoesOnWithoutIt() throws Exception {
        Path repo = withCandidates();
        Result first = launch(false, loggingJava(true), Map.of(), "zoo");
        Result second = launch(false, loggingJava(true), Map.of(), "zoo");
        String plain = "java -jar " + repo.resolve("analyzer/target/archmeter.jar") + " zoo\n";
        assertEquals(0, first.exit());
        assertEquals(plain, first.out());
        assertEquals(plain, second.out());
        assertEquals("", first.err() + second.err(), "the failed attempt says nothing");
        assertEquals(3, calls().size(), "one attempt, then two runs: " + calls());
        // a new build: one more attempt
        Files.setLastModifiedTime(repo.resolve("analyzer/target/archmeter.jar"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        launch(false, loggingJava(true), Map.of(), "zoo");
        assertEquals(5, calls().size(), calls().toString());
        assertTrue(calls().get(3).contains("-XX:ArchiveClassesAtExit="), calls().get(3));
    }

    @Test
    void optionsThatChooseTheirOwnClassDataOrCdsOffLeaveTheArchiveOut() throws Exception {
        withCandidates();
        for (Map<String, String> env : List.of(Map.of("ARCHMETER_CDS", "0"), Map.of("ARCHMETER_JAVA_OPTS", "-Xshare:off"),
                Map.of("ARCHMETER_JAVA_OPTS", "-XX:SharedArchiveFile=/tmp/mine.jsa"))) {
            Result r = launch(false, loggingJava(false), env, "zoo");
            assertFalse(r.out().contains("archmeter-cds-") || r.out().contains("Xlog:cds"), env + ": " + r.out());
        }
        assertTrue(calls().stream().noneMatch(c -> c.contains("ArchiveClassesAtExit")), calls().toString());
    }

    /** Prints its arguments: the program of the one-class jar the real JVM runs. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe " + String.join(" ", args));
        }
    }

    private static void probeJar(Path jar, String extraEntry) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String name = Probe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
             var in = Probe.class.getClassLoader().getResourceAsStream(name)) {
            out.putNextEntry(new JarEntry(name));
            in.transferTo(out);
            out.closeEntry();
            if (extraEntry != null) {
                out.putNextEntry(new JarEntry(extraEntry));
                out.write(1);
                out.closeEntry();
            }
        }
    }

    private int javaExit(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("direct.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    @DisplayName("with a real JVM, a run prints the same whether the archive is new, stale (another jar) or corrupt")
    void aRealJvmRunsTheSameWithAGoodAStaleOrACorruptArchive() throws Exception {
        Path repo = withCandidates();
        Path target = Files.createDirectories(repo.resolve("analyzer/target"));
        Path jar = target.resolve("archmeter.jar");
        probeJar(jar, null);
        long past = System.currentTimeMillis() - 60_000;
        for (String p : new String[] {"pom.xml", "analyzer/pom.xml", "analyzer/src/main"}) {
            Files.setLastModifiedTime(repo.resolve(p), FileTime.fromMillis(past));
        }
        // a JVM that cannot dump a dynamic archive (no default CDS archive of its own) has nothing to test here
        assumeTrue(javaExit("-XX:ArchiveClassesAtExit=" + dir.resolve("probe.jsa"), "-jar", jar.toString()) == 0
                && Files.isRegularFile(dir.resolve("probe.jsa")) && Files.size(dir.resolve("probe.jsa")) > 0,
                "this JVM dumps class-data archives");
        String path = Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH");
        Result made = run(repo, path, Map.of(), "a", "b c");
        assertEquals(new Result(0, "probe a b c\n", ""), made);
        Path jsa;
        try (var list = Files.list(target)) {
            jsa = list.filter(p -> p.getFileName().toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
        // the archive is one this JVM maps: -Xshare:on refuses to start otherwise
        assertEquals(0, javaExit("-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", jar.toString()), Files.readString(dir.resolve("direct.txt")));
        assertEquals(made, run(repo, path, Map.of(), "a", "b c"));

        // stale: the jar changed, but looks older than the archive (copied with its time, say): the JVM refuses it
        FileTime jsaTime = Files.getLastModifiedTime(jsa);
        probeJar(jar, "extra.txt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(jsaTime.toMillis() - 10_000));
        assertEquals(made, run(repo, path, Map.of(), "a", "b c"));
        assertTrue(javaExit("-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", jar.toString()) != 0, "the stale archive is refused");

        // corrupt
        Files.setPosixFilePermissions(jsa, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(jsa, new byte[4096]);
        Files.setLastModifiedTime(jsa, jsaTime);
        assertEquals(made, run(repo, path, Map.of(), "a", "b c"));
    }

    @Test
    void onAMachineOfUpTo3CpusTheJvmGetsASecondC2CompilerThreadUnlessTheOptionsChooseTheirOwn() throws Exception {
        String jar = dir.resolve("repo/analyzer/target/archmeter.jar").toString();
        assertEquals("java -XX:CICompilerCount=3 -jar " + jar + " zoo\n", launch(false, "echo \"java $*\"\n", Map.of("TEST_CPUS", "2"), "zoo").out());
        assertEquals("java -XX:CICompilerCount=3 -jar " + jar + " zoo\n", launch(false, "echo \"java $*\"\n", Map.of("TEST_CPUS", "3"), "zoo").out());
        assertEquals("java -jar " + jar + " zoo\n", launch(false, "echo \"java $*\"\n", Map.of("TEST_CPUS", "4"), "zoo").out());
        assertEquals("java -XX:CICompilerCount=2 -jar " + jar + " zoo\n", launch(false, "echo \"java $*\"\n",
                Map.of("TEST_CPUS", "2", "ARCHMETER_JAVA_OPTS", "-XX:CICompilerCount=2"), "zoo").out());
    }
}
