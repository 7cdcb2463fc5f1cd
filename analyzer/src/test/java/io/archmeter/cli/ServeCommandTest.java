package io.archmeter.cli;

import io.archmeter.io.StdStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("archmeter serve")
class ServeCommandTest {

    /** Exit code, stdout lines and stderr of one in-process run with {@code stdin} as input and {@code stdout} as output. */
    record Run(int exit, List<String> out, String err) {
        @SuppressWarnings("try")   // the redirect is held only for its close, which restores the streams
        static Run of(String stdin, OutputStream stdout, String... args) {
            StringWriter err = new StringWriter();
            try (StdStreams.Redirect r = StdStreams.redirect(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout)) {
                var cl = Main.commandLine();
                cl.setErr(new PrintWriter(err, true));
                int exit = cl.execute(args);
                String out = stdout instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
                return new Run(exit, out.lines().toList(), err.toString());
            }
        }
    }

    /** An output that fails every write with {@code reason}. */
    static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    @Test
    void answersEveryRequestLineUntilStdinEndsUnderTheServersConventions() {
        Run r = Run.of("{\"arch\": \"conv_k3_s2_c16 bn relu gap fc_c10\"}\nnot json\n{\"arch\": \"conv_k1_c2\"}\n",
                new ByteArrayOutputStream(), "serve", "--input", "32x32x3", "--flops", "strict");
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().size(), r.out().toString());
        // strict FLOPs, worked by hand: 2 * 110,752 MACs + 4,096 conv biases + 10 fc biases
        assertTrue(r.out().get(0).startsWith("{\"ok\":true,\"input\":\"32x32x3\",\"metrics\":{\"macs\":110752,\"flops\":225610,"),
                r.out().get(0));
        assertTrue(r.out().get(1).startsWith("{\"ok\":false,\"kind\":\"request\",\"line\":2,"), r.out().get(1));
        // 1x1 conv from 3 to 2 channels on 32x32: 3*2*1024 MACs
        assertTrue(r.out().get(2).contains("\"macs\":6144,"), r.out().get(2));
    }

    @Test
    void stopsQuietlyWithTheBrokenPipeCodeWhenTheReaderGoesAway() {
        Run r = Run.of("{\"arch\": \"conv_k1\"}\n".repeat(3), failing("Broken pipe"), "serve");
        assertEquals(ExitCode.BROKEN_PIPE, r.exit());
        assertEquals("", r.err());
    }

    @Test
    void stopsWithTheIoCodeAndTheReasonWhenStdoutCannotBeWritten() {
        Run r = Run.of("{\"arch\": \"conv_k1\"}\n".repeat(3), failing("No space left on device"), "serve");
        assertEquals(ExitCode.IO, r.exit());
        assertTrue(r.err().contains("archmeter: cannot write stdout: No space left on device"), r.err());
    }

    @Test
    void refusesABadDefaultInputBeforeReadingAnything() {
        Run r = Run.of("{\"arch\": \"conv_k1\"}\n", new ByteArrayOutputStream(), "serve", "--input", "32x32");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("input shape '32x32' is not of the form HxWxC"), r.err());
        assertTrue(r.out().isEmpty());
    }
}
