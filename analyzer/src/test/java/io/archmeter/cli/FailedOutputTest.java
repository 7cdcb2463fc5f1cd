package io.archmeter.cli;

import io.archmeter.io.StdStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 9, item 1, for the commands that print through picocli: summary, zoo and help to a full or
 * closed stdout exit 4 with one line naming the cause, never 0; into a pipe whose reader went away
 * they stop quietly with 141, as filter does.
 */
@DisplayName("summary, zoo and help with a failing stdout")
class FailedOutputTest {
    @TempDir
    Path tmp;

    /** The commands that print to stdout through picocli, as a user would run them. */
    static final String[][] COMMANDS = {
        {"summary", "resnet18"}, {"summary", "resnet18", "--format", "csv"}, {"summary", "resnet18", "--format", "json"},
        {"zoo"}, {"zoo", "--format", "csv"}, {"zoo", "--arch", "resnet18"}, {"help"}};

    /** Runs through {@link Main#run(String...)} with stdout redirected to {@code stdout}; returns the exit code and stderr. */
    private static String[] runWithStdout(OutputStream stdout, String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StdStreams.Redirect redirect = StdStreams.redirect(new ByteArrayInputStream(new byte[0]), stdout);
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new String[] {Integer.toString(exit), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(oldErr);
            redirect.close();
        }
    }

    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void aClosedStdoutExits4NamingTheCause(int command) {
        String[] r = runWithStdout(failing("Bad file descriptor"), COMMANDS[command]);
        assertEquals("4", r[0], String.join(" ", COMMANDS[command]) + ": " + r[1]);
        assertEquals("archmeter: cannot write stdout: Bad file descriptor\n", r[1]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6})
    void aReaderThatWentAwayEndsQuietlyWith141(int command) {
        String[] r = runWithStdout(failing("Broken pipe"), COMMANDS[command]);
        assertEquals("141", r[0]);
        assertEquals("", r[1]);
    }

    @Test
    void aWriterWithoutItsStreamStillFailsWithExitCode4() {
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(failing("Bad file descriptor"));
        assertEquals(ExitCode.IO, Main.run(out, new PrintWriter(err, true), "zoo"));
        assertTrue(err.toString().startsWith("archmeter: cannot write stdout: "), err.toString());
    }

    @Test
    void aCommandThatFailedKeepsItsOwnExitCode() {
        String[] r = runWithStdout(failing("Bad file descriptor"), "summary", "no-such-model");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("archmeter: unknown model 'no-such-model'"), r[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary resnet18", "zoo --format csv", "zoo --arch mobilenet_v2", "help summary"})
    void inItsOwnJvmToDevFullItExits4SayingTheDiskIsFull(String command) {
        assumeTrue(Subprocess.unixDevices(), "needs /dev/full");
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" " + command + " > /dev/full", tmp, 120);
        assertEquals(4, r.exit(), r.err());
        assertEquals("archmeter: cannot write stdout: No space left on device\n", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary resnet18", "zoo"})
    void inItsOwnJvmToAClosedStdoutItExits4(String command) {
        assumeTrue(Subprocess.unixDevices(), "needs /dev/full");
        Subprocess.Result r = Subprocess.shell("\"$ARCHMETER\" " + command + " >&-", tmp, 120);
        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().startsWith("archmeter: cannot write stdout: "), r.err());
    }

    @Test
    void inItsOwnJvmIntoHeadItEndsQuietly() {
        assumeTrue(Subprocess.unixDevices(), "needs /dev/full");
        Subprocess.Result r = Subprocess.shell("set -o pipefail; \"$ARCHMETER\" summary densenet121 | head -1; echo \"exit ${PIPESTATUS[0]}\"",
                tmp, 120);
        assertTrue(r.out().endsWith("exit 141\n") || r.out().endsWith("exit 0\n"), "141, or 0 if it all fit in the pipe: " + r.out());
        assertEquals("", r.err());
    }
}
