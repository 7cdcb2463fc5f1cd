package io.archmeter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The command line in a JVM of its own, for what an in-process run cannot show: a real stdout that
 * is full, closed or a pipe whose reader goes away, a kill, a small heap. The JVM is this test
 * JVM's {@code java} with its class path, so no jar has to be built.
 *
 * <pre>{@code
 * Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" generate --rows 10 > /dev/full", tmp, 60);   // bash
 * Process p = Subprocess.archmeter(List.of(), "filter", "-", "-o", "-").start();                    // direct
 * }</pre>
 */
final class Subprocess {
    /** Exit code, stdout and stderr of a finished process. */
    record Result(int exit, String out, String err) {
    }

    private Subprocess() {
    }

    /** The java launcher and class path of this JVM, then the main class: a command line to which arguments are appended. */
    static List<String> javaCommand(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }

    /** A process builder for {@code archmeter args...} in its own JVM. */
    static ProcessBuilder archmeter(List<String> jvmOptions, String... args) {
        List<String> cmd = javaCommand(jvmOptions);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /**
     * Runs {@code script} with bash in {@code dir}, where {@code "$ARCHMETER"} is a launcher script
     * for the command line (so that shell redirections apply to the JVM itself).
     */
    static Result shell(String script, Path dir, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
            pb.environment().put("ARCHMETER", launcher(dir, "archmeter.sh", List.of()).toString());
            pb.environment().put("ARCHMETER_256M", launcher(dir, "archmeter-256m.sh", List.of("-Xmx256m")).toString());
            return run(pb.start(), timeoutSeconds, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bash script in {@code dir} that execs the command line's JVM with {@code jvmOptions} and its arguments. */
    private static Path launcher(Path dir, String name, List<String> jvmOptions) throws IOException {
        Path launcher = dir.resolve(name);
        if (!Files.exists(launcher)) {
            StringBuilder sh = new StringBuilder("#!/bin/bash\nexec");
            for (String part : javaCommand(jvmOptions)) {
                sh.append(" '").append(part.replace("'", "'\\''")).append('\'');
            }
            sh.append(" \"$@\"\n");
            Files.writeString(launcher, sh.toString());
            if (!launcher.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + launcher + " executable");
            }
        }
        return launcher;
    }

    /** Waits for {@code p} (reading its stdout and stderr), failing the test if it outlives the timeout. */
    static Result run(Process p, long timeoutSeconds, String what) {
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("still running after " + timeoutSeconds + " s: " + what + "\nstderr so far: " + err.getNow(""));
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code in} to its end on a thread of its own (not the common pool, which the pipeline under test uses). */
    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }, task -> {
            Thread t = new Thread(task, "subprocess-drain");
            t.setDaemon(true);
            t.start();
        });
    }

    /** True on a system with the devices these tests use (Linux). */
    static boolean unixDevices() {
        return Files.exists(Path.of("/dev/full")) && Files.exists(Path.of("/proc/self/fd/1"));
    }
}
