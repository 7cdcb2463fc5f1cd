package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9, item 1: summary and zoo to a full or closed stdout fail with a message, never exit 0. */
@DisplayName("a failed write to stdout")
class FailedOutputTest {

    /** The commands that print to stdout through picocli, as a user would run them. */
    static final String[][] COMMANDS = {
        {"summary", "resnet18"}, {"summary", "resnet18", "--format", "csv"}, {"summary", "resnet18", "--format", "json"},
        {"zoo"}, {"zoo", "--format", "csv"}, {"zoo", "--arch", "resnet18"}, {"help"}};

    private static void assertFailsWithAMessage(OutputStream stdout, String[] args) throws IOException {
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter out = new PrintWriter(stdout, false, StandardCharsets.UTF_8)) {
            exit = Main.run(out, new PrintWriter(err, true), args);
        }
        assertEquals(Main.EXIT_IO, exit, String.join(" ", args) + ": " + err);
        assertTrue(err.toString().startsWith("archmeter: could not write the output to standard output"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    @EnabledOnOs(OS.LINUX)
    void toDevFullExitsNonZeroWithAMessage(int command) throws IOException {
        assertFailsWithAMessage(new FileOutputStream("/dev/full"), COMMANDS[command]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void toAClosedStreamExitsNonZeroWithAMessage(int command) throws IOException {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Bad file descriptor");
            }
        };
        assertFailsWithAMessage(closed, COMMANDS[command]);
    }
}
