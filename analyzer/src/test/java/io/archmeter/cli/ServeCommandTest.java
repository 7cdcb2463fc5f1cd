package io.archmeter.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("archmeter serve")
class ServeCommandTest {

    /** Exit code, stdout lines and stderr of one in-process run with {@code stdin} as input and {@code stdout} as output. */
    record Run(int exit, List<String> out, String err) {
        static Run of(String stdin, OutputStream stdout, String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            InputStream oldIn = System.in;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
                int exit = Main.run(args);
                System.out.flush();
                String out = stdout instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
                return new Run(exit, out.lines().toList(), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
                System.setIn(oldIn);
            }
        }
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
    void stopsWithExitCodeTwoWhenStdoutIsClosed() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Run r = Run.of("{\"arch\": \"conv_k1\"}\n".repeat(3), closed, "serve");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("archmeter: serve: cannot write to stdout (closed or failed) after 0 responses"), r.err());
    }

    @Test
    void refusesABadDefaultInputBeforeReadingAnything() {
        Run r = Run.of("{\"arch\": \"conv_k1\"}\n", new ByteArrayOutputStream(), "serve", "--input", "32x32");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("input shape '32x32' is not of the form HxWxC"), r.err());
        assertTrue(r.out().isEmpty());
    }
}
