package io.archmeter.bench.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The straightforward parser of the object baseline: {@link String#split}, a {@link HashMap} of
 * key to value per token, {@link Integer#parseInt}. It knows the grammar of
 * {@link io.archmeter.grammar.ArchParser} for the ops the benchmarks use (conv, dw, maxpool,
 * avgpool, gap, fc, bn, the activations, lrn, dropout, flatten, id) with the same defaults, but
 * none of its error reporting: it is a second, independent reading of the grammar against which
 * the engine's numbers are checked, not a product.
 */
public final class ObjectArchParser {
    private static final List<String> ACTIVATIONS =
            List.of("relu", "relu6", "sigmoid", "swish", "hswish", "hsigmoid", "tanh", "gelu");

    private ObjectArchParser() {
    }

    /** The layers of {@code arch}, in order. */
    public static List<Layer> parse(String arch) {
        List<Layer> layers = new ArrayList<>();
        for (String token : arch.trim().split("\\s+")) {
            layers.add(parseLayer(token));
        }
        return layers;
    }

    /** One token, e.g. {@code conv_k3_s2_c32} or {@code maxpool_k3_s2}. */
    public static Layer parseLayer(String token) {
        String[] parts = token.split("_");
        String op = parts[0];
        Map<String, int[]> values = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int keyEnd = 0;
            while (keyEnd < part.length() && Character.isLowerCase(part.charAt(keyEnd))) {
                keyEnd++;
            }
            String key = part.substring(0, keyEnd);
            String value = part.substring(keyEnd);
            int x = value.indexOf('x');
            int[] pair = x < 0
                    ? new int[] {Integer.parseInt(value), Integer.parseInt(value)}
                    : new int[] {Integer.parseInt(value.substring(0, x)), Integer.parseInt(value.substring(x + 1))};
            values.put(key, pair);
        }
        switch (op) {
            case "conv":
            case "dw": {
                int[] k = required(values, "k", token);
                int[] s = values.getOrDefault("s", new int[] {1, 1});
                int[] d = values.getOrDefault("d", new int[] {1, 1});
                int[] p = values.getOrDefault("p", new int[] {d[0] * (k[0] - 1) / 2, d[1] * (k[1] - 1) / 2});
                boolean bias = values.getOrDefault("b", new int[] {1})[0] != 0;
                if (op.equals("conv")) {
                    return new Layer(Layer.Kind.CONV, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                            values.getOrDefault("g", new int[] {1})[0], values.getOrDefault("c", new int[] {0})[0], 1, bias, false);
                }
                return new Layer(Layer.Kind.DEPTHWISE, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                        0, 0, values.getOrDefault("m", new int[] {1})[0], bias, false);
            }
            case "maxpool":
            case "avgpool": {
                int[] k = required(values, "k", token);
                int[] s = values.getOrDefault("s", k);
                int[] p = values.getOrDefault("p", new int[] {0, 0});
                int[] d = values.getOrDefault("d", new int[] {1, 1});
                boolean ceil = values.getOrDefault("ceil", new int[] {0})[0] != 0;
                Layer.Kind kind = op.equals("maxpool") ? Layer.Kind.MAX_POOL : Layer.Kind.AVG_POOL;
                return new Layer(kind, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], 1, 0, 1, false, ceil);
            }
            case "fc":
                return new Layer(Layer.Kind.FC, 1, 1, 1, 1, 0, 0, 1, 1, 1, required(values, "c", token)[0], 1,
                        values.getOrDefault("b", new int[] {1})[0] != 0, false);
            case "gap":
                return Layer.simple(Layer.Kind.GLOBAL_AVG_POOL);
            case "bn":
                return Layer.simple(Layer.Kind.BATCH_NORM);
            case "lrn":
                return Layer.simple(Layer.Kind.LRN);
            case "dropout":
                return Layer.simple(Layer.Kind.DROPOUT);
            case "flatten":
                return Layer.simple(Layer.Kind.FLATTEN);
            case "id":
                return Layer.simple(Layer.Kind.IDENTITY);
            default:
                if (ACTIVATIONS.contains(op)) {
                    return Layer.simple(Layer.Kind.ACTIVATION);
                }
                throw new IllegalArgumentException("unknown op '" + op + "' in '" + token + "'");
        }
    }

    private static int[] required(Map<String, int[]> values, String key, String token) {
        int[] v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + token + "' needs key " + key);
        }
        return v;
    }
}
