package io.archmeter.bridge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One request line of {@code archmeter serve}, read strictly: a JSON object with exactly one of
 * {@code arch} (one candidate) or {@code batch} (an array whose items are architecture strings or
 * {@code {"arch": …, "input": …}} objects), and optionally {@code id} (any JSON value, echoed),
 * {@code input}, {@code classes}, {@code flops}, {@code count_elementwise}, {@code weight_dtype},
 * {@code act_dtype} and {@code layers}. An unknown or repeated field, a value of the wrong type,
 * or anything after the object is an error naming it: nothing is ignored.
 */
final class ServeRequest {
    /** Duplicate keys are errors (two "arch" fields must not silently mean the last). */
    static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final String FIELDS = "id, arch, batch, input, classes, flops, count_elementwise, weight_dtype, act_dtype, layers";

    /** The id as JSON text, or null if the request has none (or it could not be read). */
    String id;
    String arch;
    List<String> batch;
    /** Per batch item, its own input or null. */
    List<String> batchInputs;
    String input;
    Integer classes;
    String flops;
    Boolean countElementwise;
    String weightDtype;
    String actDtype;
    boolean layers;

    /** A request that cannot be served as written; the message says what is wrong. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads {@code line} into {@code r} (which keeps what was read before an error, such as the id).
     *
     * @throws BadRequest naming what is wrong
     */
    static void parse(String line, ServeRequest r) throws BadRequest {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequest(line.isBlank() ? "empty request: one JSON object per line, e.g. {\"arch\": \"conv_k3_c16 relu gap fc_c10\"}"
                        : "a request is a JSON object, e.g. {\"arch\": \"conv_k3_c16 relu gap fc_c10\"}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                field(p, name, r);
            }
            if (p.nextToken() != null) {
                throw new BadRequest("text after the request object: one JSON object per line");
            }
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BadRequest("malformed JSON: " + e.getMessage());
        }
        if ((r.arch == null) == (r.batch == null)) {
            throw new BadRequest(r.arch == null ? "no 'arch' or 'batch': give one architecture string as \"arch\", or a list as \"batch\""
                    : "both 'arch' and 'batch': give one of them");
        }
        if (r.layers && r.batch != null) {
            throw new BadRequest("'layers' is for one architecture ('arch'), not a batch");
        }
    }

    private static void field(JsonParser p, String name, ServeRequest r) throws IOException, BadRequest {
        switch (name) {
            case "id" -> r.id = copy(p);
            case "arch" -> r.arch = string(p, name);
            case "batch" -> batch(p, r);
            case "input" -> r.input = string(p, name);
            case "classes" -> r.classes = integer(p, name);
            case "flops" -> r.flops = string(p, name);
            case "count_elementwise" -> r.countElementwise = bool(p, name);
            case "weight_dtype" -> r.weightDtype = string(p, name);
            case "act_dtype" -> r.actDtype = string(p, name);
            case "layers" -> r.layers = bool(p, name);
            default -> throw new BadRequest("unknown field '" + name + "' (fields: " + FIELDS + ")");
        }
    }

    private static void batch(JsonParser p, ServeRequest r) throws IOException, BadRequest {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadRequest("'batch' must be an array of architecture strings or {\"arch\": ..., \"input\": ...} objects, not "
                    + describe(p));
        }
        List<String> archs = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
                archs.add(p.getText());
                inputs.add(null);
            } else if (t == JsonToken.START_OBJECT) {
                item(p, archs.size(), archs, inputs);
            } else {
                throw new BadRequest("batch item " + archs.size() + " must be a string or {\"arch\": ..., \"input\": ...}, not " + describe(p));
            }
        }
        r.batch = archs;
        r.batchInputs = inputs;
    }

    private static void item(JsonParser p, int index, List<String> archs, List<String> inputs) throws IOException, BadRequest {
        String arch = null;
        String input = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "arch" -> arch = string(p, "batch item " + index + " 'arch'");
                case "input" -> input = string(p, "batch item " + index + " 'input'");
                default -> throw new BadRequest("batch item " + index + ": unknown field '" + name + "' (fields: arch, input)");
            }
        }
        if (arch == null) {
            throw new BadRequest("batch item " + index + " has no 'arch'");
        }
        archs.add(arch);
        inputs.add(input);
    }

    private static String string(JsonParser p, String name) throws IOException, BadRequest {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BadRequest(name + " must be a string, not " + describe(p));
        }
        return p.getText();
    }

    private static int integer(JsonParser p, String name) throws IOException, BadRequest {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new BadRequest(name + " must be an integer, not " + describe(p));
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonParser p, String name) throws IOException, BadRequest {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new BadRequest(name + " must be true or false, not " + describe(p));
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** The current value as JSON text, to echo. */
    private static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
