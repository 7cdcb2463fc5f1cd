package io.archmeter.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command line of the README's {@code sh} blocks runs as written, by bash, against the
 * bundled data, and exits 0. They run in a scratch directory that holds {@code datasets/} (a link
 * to the repository's) and an {@code ./archmeter} that starts this build's classes (the real
 * launcher would call Maven from inside Maven), so a command that writes {@code kept.csv} writes
 * it there. {@code mvn} lines (what runs this test) and the other lines {@link #runElsewhere} names are not run.
 *
 * <p>A fenced block after a {@code <!-- output of: COMMAND -->} comment is that command's stdout
 * followed by its stderr, exactly, except timings ({@code 0.30 s}, {@code 9,855 rows/s},
 * {@code 2.1 MB/s}), which vary from run to run.
 */
@DisplayName("the README's commands")
@EnabledOnOs({OS.LINUX, OS.MAC})
class ReadmeCommandsTest {
    private static final Pattern OUTPUT_OF = Pattern.compile("<!-- output of: (.+?) -->");
    private static final Pattern TIMING = Pattern.compile("\\d[\\d,.]* (s|rows/s|MB/s)\\b");

    @TempDir
    static Path sandbox;

    static String readme;

    /** A command line of a sh block, and the output block the README shows for it (or null). */
    record Command(String line, String shownOutput) {
    }

    /** What one command printed. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        readme = Files.readString(RepoRoot.path().resolve("README.md"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(sandbox.resolve("datasets"), RepoRoot.path().resolve("datasets"));
        Path launcher = sandbox.resolve("archmeter");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + javaBin() + "' -cp '" + System.getProperty("java.class.path")
                + "' io.archmeter.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command lines of every ```sh block, continuation lines joined, comments and blank lines left out. */
    static List<String> commandLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        StringBuilder pending = new StringBuilder();
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            if (!in) {
                in = line.equals("```sh");
                continue;
            }
            if (line.equals("```")) {
                in = false;
                continue;
            }
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            lines.add(pending.append(line).toString());
            pending.setLength(0);
        }
        return lines;
    }

    /** The blocks the README shows as a command's output, by command. */
    static List<Command> shownOutputs(String markdown) {
        List<Command> shown = new ArrayList<>();
        Matcher m = OUTPUT_OF.matcher(markdown);
        while (m.find()) {
            int open = markdown.indexOf("```", m.end());
            int body = markdown.indexOf('\n', open) + 1;
            int close = markdown.indexOf("\n```", body);
            shown.add(new Command(m.group(1).strip(), markdown.substring(body, close + 1)));
        }
        return shown;
    }

    static Run run(String line) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(sandbox.toFile());
        pb.environment().put("PATH", sandbox + File.pathSeparator + System.getenv("PATH"));
        Path out = Files.createTempFile(sandbox.getParent(), "out", ".txt");
        Path err = Files.createTempFile(sandbox.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 120 s: " + line);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Lines of the README's sh blocks that this test does not run, and why: Maven runs this test;
     * apt-get sets up a machine; the Python package's lines need its own tests' setup (JPype, a
     * built jar), and {@code python/tests} run in {@code .ci/run}.
     */
    static boolean runElsewhere(String line) {
        return line.startsWith("mvn ") || line.startsWith("apt-get ") || line.startsWith("PYTHONPATH=python ");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandLineRunsAsWrittenAndExits0() {
        List<String> lines = commandLines(readme);
        assertTrue(lines.size() >= 8, "the README's sh blocks: " + lines);
        return lines.stream().filter(l -> !runElsewhere(l)).map(line -> DynamicTest.dynamicTest(line, () -> {
            assertTrue(line.startsWith("./archmeter "), "a README command this test cannot run: " + line);
            Run r = run(line);
            assertEquals(0, r.exit(), line + "\nstdout: " + r.out() + "\nstderr: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOutputTheReadmeShowsIsWhatTheCommandPrints() {
        List<Command> shown = shownOutputs(readme);
        assertFalse(shown.isEmpty(), "the README shows the output of its main job");
        return shown.stream().map(c -> DynamicTest.dynamicTest(c.line(), () -> {
            assertTrue(commandLines(readme).stream().map(ReadmeCommandsTest::withoutComment).anyMatch(c.line()::equals),
                    "the command whose output is shown is in a sh block: " + c.line());
            Run r = run(c.line());
            assertEquals(0, r.exit(), r.err());
            assertEquals(untimed(c.shownOutput()), untimed(r.out() + r.err()), c.line());
        }));
    }

    @Test
    void theMavenSnippetNamesThisBuildsArtifactAndVersion() throws IOException {
        String pom = Files.readString(RepoRoot.path().resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher v = Pattern.compile("<artifactId>archmeter-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(v.find(), "the parent pom's version");
        assertTrue(readme.contains("<groupId>io.archmeter</groupId>\n  <artifactId>archmeter-analyzer</artifactId>\n  <version>"
                + v.group(1) + "</version>"), "README's dependency snippet, version " + v.group(1));
    }

    /** A command line without its trailing comment (a '#' after a space, outside quotes). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).strip();
            }
        }
        return line.strip();
    }

    private static String untimed(String s) {
        return TIMING.matcher(s).replaceAll("N $1");
    }
}
