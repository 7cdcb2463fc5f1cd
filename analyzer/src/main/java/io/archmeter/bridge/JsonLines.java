package io.archmeter.bridge;

import com.fasterxml.jackson.core.JsonGenerator;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import io.archmeter.model.InputShape;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol of {@code archmeter serve}: one JSON request per line in, one JSON response per line
 * out, in order, each written and flushed as soon as its request is read, until the input ends.
 *
 * <pre>
 * → {"id": 1, "arch": "conv_k3_s2_c16 bn relu gap fc_c10", "input": "32x32x3"}
 * ← {"id":1,"ok":true,"input":"32x32x3","metrics":{"macs":110752,"flops":114858,"params":650,…}}
 * → {"id": 2, "arch": "conv_k3_z2"}
 * ← {"id":2,"ok":false,"kind":"syntax","error":"syntax: token 1 'conv_k3_z2': unknown key 'z' for conv …"}
 * → {"batch": ["conv_k3_c16 relu gap fc_c10", {"arch": "|nor_conv_3x3~0|+|…|", "input": "16x16x3"}], "flops": "strict"}
 * ← {"ok":true,"count":2,"invalid":0,"results":[{"ok":true,"input":"224x224x3","metrics":{…}},{…}]}
 * → {"arch": "conv_k3_c16 relu", "layers": true}
 * ← {"ok":true,"input":"224x224x3","metrics":{…},"layers":[{"index":1,"layer":"conv_k3_c16","inputs":[0],"out_h":224,…},…]}
 * → not json
 * ← {"ok":false,"kind":"request","line":5,"error":"malformed JSON: Unrecognized token 'not': …"}
 * </pre>
 *
 * The metrics are {@link Columns} (the columns of {@code archmeter filter}), exact integers; the
 * errors of a candidate are the words of {@code filter}'s rejects, with their {@link RowStatus}
 * kind; a request that cannot be read is answered with kind {@code request} and its line number.
 * A request may set the conventions ({@code flops}, {@code count_elementwise}, {@code weight_dtype},
 * {@code act_dtype}) and {@code classes}; otherwise the server's apply. Without an {@code input}
 * (request, item or server default) a candidate gets its notation's default ({@link InputDefaults}).
 * Nothing a client sends stops the server: only the end of its input or a failed write does.
 */
public final class JsonLines {
    /** Longest request line read, in characters: a longer one is answered with an error and skipped. */
    public static final int DEFAULT_MAX_LINE = 64 << 20;
    private static final int MAX_SESSIONS = 16;

    private final Conventions conventions;
    private final int classes;
    private final String input;
    private final Map<String, ScoringSession> sessions = new LinkedHashMap<>();

    /**
     * A protocol whose requests default to {@code conventions}, {@code classes} and {@code input}
     * ({@code HxWxC}, or null for each notation's default).
     *
     * @throws IllegalArgumentException if {@code input} is not a shape or {@code classes} &lt; 0 (0: each space's own)
     */
    public JsonLines(Conventions conventions, int classes, String input) {
        this.conventions = conventions;
        this.classes = classes;
        this.input = input == null ? null : InputShape.parseHxWxC(input).toString();
        session(conventions, classes);
    }

    /**
     * What {@link #serve} did: requests answered, and the write that failed (a closed stdout, a full
     * disk), if one did; then nothing more was read.
     */
    public record Outcome(long answered, IOException writeFailure) {
    }

    /**
     * Answers every line of {@code in} on {@code out}, each response written in one call and flushed,
     * until {@code in} ends or a write to {@code out} fails.
     *
     * @throws UncheckedIOException if reading {@code in} fails
     */
    public Outcome serve(Reader in, OutputStream out, int maxLine) {
        LineReader lines = new LineReader(in, maxLine);
        long answered = 0;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return new Outcome(answered, null);
            }
            String response = lines.tooLong()
                    ? requestError(null, lines.number(), "request line longer than " + maxLine + " characters: skipped")
                    : answer(line, lines.number());
            try {
                out.write((response + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                return new Outcome(answered, e);
            }
            answered++;
        }
    }

    /** The response to request {@code line} (number {@code lineNumber}, 1-based), one line of JSON without its newline. */
    public String answer(String line, long lineNumber) {
        ServeRequest r = new ServeRequest();
        try {
            ServeRequest.parse(line, r);
            ScoringSession s = session(r);
            return r.batch != null ? batch(r, s) : single(r, s);
        } catch (ServeRequest.BadRequest e) {
            return requestError(r.id, lineNumber, e.getMessage());
        } catch (IllegalArgumentException e) {
            // a convention, class count or input the request sets that archmeter does not take
            return requestError(r.id, lineNumber, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return error(r.id, "internal", lineNumber, "archmeter failed on this request: " + e);
        }
    }

    private ScoringSession session(ServeRequest r) {
        Conventions c = conventions;
        if (r.flops != null) {
            c = c.withFlops(FlopsConvention.parse(r.flops));
        }
        if (r.countElementwise != null) {
            c = c.withCountElementwise(r.countElementwise);
        }
        if (r.weightDtype != null) {
            c = c.withWeightType(DType.parse(r.weightDtype));
        }
        if (r.actDtype != null) {
            c = c.withActivationType(DType.parse(r.actDtype));
        }
        if (r.classes != null && r.classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, not " + r.classes);
        }
        return session(c, r.classes != null ? r.classes : classes);
    }

    private ScoringSession session(Conventions c, int cellClasses) {
        String key = c.label() + " classes=" + cellClasses;
        ScoringSession s = sessions.get(key);
        if (s == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.remove(sessions.keySet().iterator().next());
            }
            s = new ScoringSession(c, cellClasses);
            sessions.put(key, s);
        }
        return s;
    }

    private String single(ServeRequest r, ScoringSession s) {
        final String spec = r.input != null ? r.input : input;
        int status;
        String reason;
        try {
            int[] hwc = spec == null ? new int[3] : ScoringSession.parseInput(spec);
            status = r.layers ? s.trace(r.arch, hwc[0], hwc[1], hwc[2]) : s.score(r.arch, hwc[0], hwc[1], hwc[2]);
            reason = s.reason();
        } catch (IllegalArgumentException e) {
            status = RowStatus.INPUT;
            reason = e.getMessage();
        }
        final int st = status;
        final String why = reason;
        return write(g -> {
            start(g, r.id);
            if (st != RowStatus.OK) {
                candidateError(g, st, why);
            } else {
                g.writeBooleanField("ok", true);
                g.writeStringField("input", s.lastInput());
                g.writeObjectFieldStart("metrics");
                for (int k = 0; k < Columns.COUNT; k++) {
                    metric(g, k, s.value(k));
                }
                g.writeEndObject();
                if (r.layers) {
                    layers(g, s);
                }
            }
            g.writeEndObject();
        });
    }

    private String batch(ServeRequest r, ScoringSession s) {
        final int n = r.batch.size();
        String fallback = r.input != null ? r.input : input;
        Map<String, Integer> table = new HashMap<>();
        ByteBuffer index = ByteBuffer.allocate(n * Integer.BYTES).order(ByteOrder.nativeOrder());
        List<String> inputs = r.batchInputs;
        for (int i = 0; i < n; i++) {
            String spec = inputs.get(i) != null ? inputs.get(i) : fallback;
            index.putInt(i * Integer.BYTES, table.computeIfAbsent(spec == null ? "" : spec, k -> table.size()));
        }
        String[] specs = new String[table.size()];
        table.forEach((spec, e) -> specs[e] = spec);
        ByteBuffer out = ByteBuffer.allocate(n * Columns.COUNT * Long.BYTES).order(ByteOrder.nativeOrder());
        ByteBuffer status = ByteBuffer.allocate(n);
        int invalid = s.scoreStrings(r.batch.toArray(new String[0]), specs, index, out, status, 0, n);
        String[] reasons = s.reasons();
        LongBuffer v = out.asLongBuffer();
        return write(g -> {
            start(g, r.id);
            g.writeBooleanField("ok", true);
            g.writeNumberField("count", n);
            g.writeNumberField("invalid", invalid);
            g.writeArrayFieldStart("results");
            for (int i = 0, bad = 0; i < n; i++) {
                g.writeStartObject();
                byte st = status.get(i);
                if (st != RowStatus.OK) {
                    candidateError(g, st, reasons[bad++]);
                } else {
                    g.writeBooleanField("ok", true);
                    g.writeObjectFieldStart("metrics");
                    for (int k = 0; k < Columns.COUNT; k++) {
                        metric(g, k, v.get(k * n + i));
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void layers(JsonGenerator g, ScoringSession s) throws IOException {
        String[] names = ScoringSession.layerColumnNames();
        long[] values = s.layerValues();
        String[] tokens = s.layerTokens();
        int[] inputs = s.layerInputs();
        g.writeArrayFieldStart("layers");
        for (int j = 0; j < tokens.length; j++) {
            g.writeStartObject();
            g.writeNumberField("index", j + 1);
            g.writeStringField("layer", tokens[j]);
            g.writeArrayFieldStart("inputs");
            g.writeNumber(inputs[2 * j]);
            if (inputs[2 * j + 1] >= 0) {
                g.writeNumber(inputs[2 * j + 1]);
            }
            g.writeEndArray();
            for (int k = 0; k < names.length; k++) {
                long x = values[j * names.length + k];
                if (LayerColumns.isFlag(k)) {
                    g.writeBooleanField(names[k], x != 0);
                } else {
                    g.writeNumberField(names[k], x);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void metric(JsonGenerator g, int k, long value) throws IOException {
        if (k == Columns.RF_UNALIGNED || k == Columns.RF_GLOBAL_BRANCH) {
            g.writeBooleanField(Columns.name(k), value != 0);
        } else {
            g.writeNumberField(Columns.name(k), value);
        }
    }

    private static void start(JsonGenerator g, String id) throws IOException {
        g.writeStartObject();
        if (id != null) {
            g.writeFieldName("id");
            g.writeRawValue(id);
        }
    }

    private static void candidateError(JsonGenerator g, int status, String reason) throws IOException {
        g.writeBooleanField("ok", false);
        g.writeStringField("kind", RowStatus.kind(status));
        g.writeStringField("error", reason);
    }

    private static String requestError(String id, long line, String message) {
        return error(id, "request", line, message);
    }

    private static String error(String id, String kind, long line, String message) {
        return write(g -> {
            start(g, id);
            g.writeBooleanField("ok", false);
            g.writeStringField("kind", kind);
            g.writeNumberField("line", line);
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ServeRequest.JSON.createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);     // a StringWriter does not fail
        }
        return w.toString();
    }
}
