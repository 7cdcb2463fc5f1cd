package io.archmeter.bridge;

import io.archmeter.model.Conventions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the JSON-lines protocol of archmeter serve")
class JsonLinesTest {
    final JsonLines protocol = new JsonLines(Conventions.DEFAULT, 10, null);

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void answersOneArchitectureWithItsMetricsAndTheInputUsed() {
        String r = protocol.answer("{\"id\": 7, \"arch\": \"conv_k3_s2_c16 bn relu gap fc_c10\", \"input\": \"32x32x3\"}", 1);
        assertTrue(r.startsWith("{\"id\":7,\"ok\":true,\"input\":\"32x32x3\",\"metrics\":{\"macs\":110752,"), r);
        assertEquals(650, number(r, "params"));                         // worked by hand in ScoringSessionTest
        assertEquals(114_858, number(r, "flops"));
        assertTrue(r.contains("\"rf_unaligned\":false"), r);
        // conventions per request: strict FLOPs are 2 MACs + biases; fp16 weights 2 bytes each
        String strict = protocol.answer("{\"arch\": \"conv_k3_s2_c16 bn relu gap fc_c10\", \"input\": \"32x32x3\","
                + " \"flops\": \"strict\", \"weight_dtype\": \"fp16\"}", 2);
        assertEquals(2 * 110_752 + 4096 + 10, number(strict, "flops"));
        assertEquals(650 * 2, number(strict, "weight_bytes"));
        String cell = protocol.answer("{\"arch\": \"" + ScoringSessionTest.NB201_ALL_CONV + "\"}", 3);
        assertTrue(cell.contains("\"input\":\"32x32x3\""), cell);
        assertEquals(220_119_690L, number(cell, "flops"));
        String hundred = protocol.answer("{\"arch\": \"" + ScoringSessionTest.NB201_ALL_CONV + "\", \"classes\": 100}", 4);
        assertEquals(1_531_546L + 90 * 65, number(hundred, "params"));  // 64 -> 100 instead of 10: 90 more outputs of 65
    }

    @Test
    void answersABatchRowByRowWithInvalidRowsAsErrors() {
        String r = protocol.answer("{\"id\": \"b\", \"batch\": [\"conv_k3_c4 relu\", {\"arch\": \"conv_k5_p0\", \"input\": \"4x4x3\"},"
                + " \"conv_k3_z2\", {\"arch\": \"conv_k1_c2\", \"input\": \"2x2x1\"}], \"input\": \"8x8x3\"}", 1);
        assertTrue(r.startsWith("{\"id\":\"b\",\"ok\":true,\"count\":4,\"invalid\":2,\"results\":[{\"ok\":true,\"metrics\":{\"macs\":6912,"), r);
        assertTrue(r.contains("{\"ok\":false,\"kind\":\"shapes\",\"error\":\"invalid shapes: layer 1 (conv): output size 0x0"), r);
        assertTrue(r.contains("{\"ok\":false,\"kind\":\"syntax\",\"error\":\"syntax: token 1 'conv_k3_z2'"), r);
        assertTrue(r.endsWith("{\"ok\":true,\"metrics\":{\"macs\":8,\"flops\":16,\"params\":4,\"weight_bytes\":16,\"act_peak_bytes\":48,"
                + "\"act_total_bytes\":32,\"rf\":1,\"rf_h\":1,\"rf_w\":1,\"rf_stride\":1,\"rf_stride_h\":1,\"rf_stride_w\":1,\"rf_pad_h\":0,"
                + "\"rf_pad_w\":0,\"out_h\":2,\"out_w\":2,\"out_c\":2,\"rf_unaligned\":false,\"rf_global_branch\":false}}]}"), r);
    }

    @Test
    void answersTheLayerTableWhenAsked() {
        String r = protocol.answer("{\"arch\": \"conv_k3_c4 ( conv_k3_c4 | )add\", \"input\": \"8x8x3\", \"layers\": true}", 1);
        assertTrue(r.contains("\"layers\":[{\"index\":1,\"layer\":\"conv_k3_c4\",\"inputs\":[0],\"out_h\":8,"), r);
        assertTrue(r.contains("{\"index\":3,\"layer\":\")add\",\"inputs\":[2,1],"), r);
        assertTrue(r.contains("\"global\":false,\"rf_unaligned\":false"), r);
    }

    @Test
    void answersEveryBadRequestWithItsLineAndWhatIsWrong() {
        String[][] cases = {
            {"not json", "malformed JSON: Unrecognized token 'not'"},
            {"", "empty request"},
            {"[1]", "a request is a JSON object"},
            {"{\"arch\": \"a\", \"arch\": \"b\"}", "malformed JSON: Duplicate field 'arch'"},
            {"{\"archh\": \"a\"}", "unknown field 'archh' (fields: id, arch, batch,"},
            {"{\"arch\": 5}", "arch must be a string, not the number 5"},
            {"{\"id\": 3}", "no 'arch' or 'batch'"},
            {"{\"arch\": \"a\", \"batch\": []}", "both 'arch' and 'batch'"},
            {"{\"batch\": [null]}", "batch item 0 must be a string or {\"arch\": ..., \"input\": ...}, not null"},
            {"{\"batch\": \"conv_k3\"}", "'batch' must be an array"},
            {"{\"arch\": \"conv_k3\", \"classes\": 1.5}", "classes must be an integer, not the number 1.5"},
            {"{\"arch\": \"conv_k3\", \"classes\": 0}", "classes must be at least 1, not 0"},
            {"{\"arch\": \"conv_k3\", \"flops\": \"fast\"}", "unknown FLOPs convention 'fast'"},
            {"{\"arch\": \"conv_k3\"} {}", "text after the request object"},
        };
        for (String[] c : cases) {
            String r = protocol.answer(c[0], 12).replaceFirst("^\\{\"id\":3,", "{");
            assertTrue(r.startsWith("{\"ok\":false,\"kind\":\"request\",\"line\":12,\"error\":\"" + c[1].replace("\"", "\\\"")), c[0] + " -> " + r);
        }
        assertTrue(protocol.answer("{\"id\": [1], \"arch\": 5}", 1).startsWith("{\"id\":[1],\"ok\":false"), "the id is echoed");
        assertEquals("{\"ok\":false,\"kind\":\"input\",\"error\":\"input: '3x3' is not HxWxC with every dimension at least 1 (e.g. 224x224x3)\"}",
                protocol.answer("{\"arch\": \"conv_k3\", \"input\": \"3x3\"}", 1));
    }

    @Test
    void answersEachLineBeforeTheNextArrives() throws Exception {
        Pipe requests = Pipe.open();
        Pipe answers = Pipe.open();
        OutputStream client = Channels.newOutputStream(requests.sink());
        BufferedReader responses = new BufferedReader(new InputStreamReader(Channels.newInputStream(answers.source()), StandardCharsets.UTF_8));
        OutputStream serverOut = Channels.newOutputStream(answers.sink());
        CompletableFuture<JsonLines.Outcome> server = new CompletableFuture<>();
        Thread t = new Thread(() -> server.complete(protocol.serve(
                new InputStreamReader(Channels.newInputStream(requests.source()), StandardCharsets.UTF_8), serverOut, 1000)));
        t.start();
        for (int i = 1; i <= 3; i++) {
            client.write(("{\"id\": " + i + ", \"arch\": \"conv_k1_c2\", \"input\": \"2x2x1\"}\n").getBytes(StandardCharsets.UTF_8));
            client.flush();
            // the answer arrives while the input is still open
            String line = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> responses.readLine());
            assertTrue(line.startsWith("{\"id\":" + i + ",\"ok\":true"), line);
            assertEquals(8, number(line, "macs"));
        }
        client.write(("x".repeat(2000) + "\r\n{\"arch\": \"conv_k1_c2\", \"input\": \"2x2x1\"}").getBytes(StandardCharsets.UTF_8));
        client.close();
        assertTrue(responses.readLine().startsWith("{\"ok\":false,\"kind\":\"request\",\"line\":4,\"error\":\"request line longer than 1000"));
        assertTrue(responses.readLine().startsWith("{\"ok\":true"), "a last line without a newline is answered");
        JsonLines.Outcome outcome = server.get(20, TimeUnit.SECONDS);
        assertEquals(5, outcome.answered());
        assertNull(outcome.writeFailure());
    }

    @Test
    void stopsAtTheFirstWriteThatFailsAndReadsNoFurther() {
        ByteArrayOutputStream accepted = new ByteArrayOutputStream();
        OutputStream closedAfterOneLine = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (accepted.toString(StandardCharsets.UTF_8).contains("\n")) {
                    throw new IOException("Broken pipe");
                }
                accepted.write(b);
            }
        };
        String requests = "{\"arch\": \"conv_k1\"}\n".repeat(5);
        CountingReader in = new CountingReader(requests);
        JsonLines.Outcome o = protocol.serve(in, closedAfterOneLine, 1000);
        assertEquals("Broken pipe", o.writeFailure().getMessage());
        assertEquals(1, o.answered());
        assertEquals(1, accepted.toString(StandardCharsets.UTF_8).lines().count());
    }

    /** A reader handing over one line per read, as a pipe does. */
    static final class CountingReader extends java.io.Reader {
        private final StringReader lines;

        CountingReader(String text) {
            lines = new StringReader(text);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = 0;
            int c;
            while (n < len && (c = lines.read()) >= 0) {
                cbuf[off + n++] = (char) c;
                if (c == '\n') {
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
