package io.archmeter.cli;

import io.archmeter.io.StdStreams;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Exit code, stdout and stderr of one in-process run of the command line. {@code out} holds what
 * the command printed through picocli followed by the bytes it wrote to stdout ({@code -o -}, which
 * goes through {@link StdStreams}), decoded as UTF-8.
 */
record InProcessRun(int exit, String out, String err) {

    static InProcessRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** Runs with {@code stdin} as standard input. */
    @SuppressWarnings("try")   // the redirect is held only for its close, which restores the streams
    static InProcessRun withStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        // as Main.run builds it: only the command args[0] names
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit;
        try (StdStreams.Redirect r = StdStreams.redirect(new ByteArrayInputStream(stdin), stdout)) {
            exit = cl.execute(args);
        }
        return new InProcessRun(exit, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
    }
}
