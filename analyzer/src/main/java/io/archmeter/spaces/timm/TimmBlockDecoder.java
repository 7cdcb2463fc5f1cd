package io.archmeter.spaces.timm;

import io.archmeter.model.Op;
import io.archmeter.spaces.NotationException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * timm's {@code _decode_block_str}, with timm's meaning or a refusal. A block string is a type
 * and {@code _}-separated parts: {@code noskip}, {@code skip}, an activation {@code nre},
 * {@code nr6}, {@code nhs}, {@code nsw}, or a key followed by its value from the first digit on
 * ({@code se0.25}: key {@code se}, value {@code 0.25}).
 *
 * <p>timm silently ignores several things: a part without digits, an unknown {@code n…}
 * activation, a key the block type does not read ({@code e} on ds and cn, {@code se} on cn,
 * {@code i32}), a repeated key (the last wins). archmeter refuses each of them, naming the part,
 * so that no string is read with a meaning its writer may not have meant; a {@code e1} on ds, dsa
 * and cn (timm's own arch_defs write it) is the one ignored key accepted, as its value cannot
 * mislead. Kernel lists ({@code k3.5.7}, {@code a1.1}, {@code p1.1}: MixNet's mixed convolutions,
 * the channels split among the kernels as {@code _split_channels} splits them) are read on ir, ds
 * and dsa, as timm's MixNets write them; on er and cn, and with a group size {@code gs}, they are
 * refused. Also refused, as archmeter cannot reproduce them yet: CondConv experts ({@code cc}),
 * space-to-depth ({@code d1}), MobileNetV4's uir/mqa/mha blocks and Mish ({@code nmi}).
 */
public final class TimmBlockDecoder {
    private static final Set<String> COMMON = Set.of("r", "c", "s", "gs");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "ir", Set.of("k", "a", "p", "e", "se", "d", "cc"),
            "ds", Set.of("k", "p", "se", "d"),
            "dsa", Set.of("k", "p", "se", "d"),
            "er", Set.of("k", "p", "e", "fc", "se"),
            "cn", Set.of("k"));

    private TimmBlockDecoder() {
    }

    /** Decodes one block string; the message of a refusal starts with the string. */
    public static TimmBlock decode(String blockStr) {
        try {
            return decodeChecked(blockStr);
        } catch (NotationException e) {
            throw new NotationException("timm block '" + blockStr + "': " + e.getMessage());
        }
    }

    private static TimmBlock decodeChecked(String blockStr) {
        final String[] ops = blockStr.split("_", -1);
        final String type = ops[0];
        if (type.equals("uir") || type.equals("mqa") || type.equals("mha")) {
            throw new NotationException("block type '" + type + "' (MobileNetV4's universal inverted residual or attention) is not"
                    + " supported by archmeter");
        }
        final Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw new NotationException("unknown block type '" + type + "': timm's are ir, ds, dsa, er, cn (and uir, mqa, mha)");
        }
        Map<String, String> options = new HashMap<>();
        Boolean skip = null;
        Op act = null;
        for (int i = 1; i < ops.length; i++) {
            final String op = ops[i];
            if (op.equals("noskip") || op.equals("skip")) {
                skip = op.equals("skip");
            } else if (op.startsWith("n")) {
                act = activation(op);
            } else {
                int digit = 0;
                while (digit < op.length() && !Character.isDigit(op.charAt(digit))) {
                    digit++;
                }
                if (digit == op.length()) {
                    throw new NotationException("part '" + op + "' has no value: timm ignores it (a key is followed by digits,"
                            + " e.g. k3)");
                }
                final String key = op.substring(0, digit);
                if (!COMMON.contains(key) && !keys.contains(key) && !(key.equals("e") && isOne(op.substring(digit)))) {
                    throw new NotationException("key '" + key + "' does not apply to " + type + " blocks: timm ignores it"
                            + " (" + type + " reads " + String.join(", ", sorted(keys)) + " and r, c, s, gs)");
                }
                if (options.put(key, op.substring(digit)) != null) {
                    throw new NotationException("key '" + key + "' is given twice (timm keeps the last)");
                }
            }
        }
        return build(type, options, skip, act);
    }

    private static TimmBlock build(String type, Map<String, String> o, Boolean skip, Op act) {
        final boolean isCn = type.equals("cn");
        if (skip != null && skip != isCn) {
            throw new NotationException("'" + (skip ? "skip" : "noskip") + "' does not apply to " + type + " blocks: timm ignores it"
                    + (isCn ? " (cn has no skip unless 'skip' is given)" : " (the skip is automatic; 'noskip' removes it)"));
        }
        final boolean mixable = type.equals("ir") || type.equals("ds") || type.equals("dsa");
        for (String key : new String[] {"k", "a", "p"}) {
            if (o.containsKey(key) && o.get(key).indexOf('.') >= 0 && (!mixable || o.containsKey("gs"))) {
                throw new NotationException("kernel list " + key + o.get(key) + " (a mixed convolution) on " + type + " blocks"
                        + (mixable ? " with a group size" : "") + ": no timm model builds it, and archmeter does not");
            }
        }
        if (o.containsKey("cc")) {
            throw new NotationException("cc" + o.get("cc") + " asks for CondConv experts: not supported by archmeter");
        }
        if (o.containsKey("d") && integer(o, "d", 0) > 0) {
            throw new NotationException("d" + o.get("d") + " asks for space-to-depth: not supported by archmeter");
        }
        final int repeats = required(o, "r", type);
        final int outChs = required(o, "c", type);
        final int stride = required(o, "s", type);
        if (!o.containsKey("k")) {
            required(o, "k", type);
        }
        final int[] kernels = kernels(o, "k", 0);
        final boolean expands = type.equals("ir") || type.equals("er");
        final double expansion = expands ? decimal(o, "e", type, true) : 1.0;
        final double se = o.containsKey("se") ? decimal(o, "se", type, false) : 0.0;
        final int[] expKernels = kernels(o, "a", 1);
        final int[] pwKernels = kernels(o, "p", 1);
        final int forceIn = integer(o, "fc", 0);
        final int groupSize = o.containsKey("gs") ? integer(o, "gs", 0) : -1;
        final boolean noskip = type.equals("dsa") || Boolean.FALSE.equals(skip);
        return new TimmBlock(type, repeats, kernels, expKernels, pwKernels, stride, expansion, outChs, se, act, noskip,
                Boolean.TRUE.equals(skip), forceIn, groupSize);
    }

    private static Op activation(String op) {
        switch (op.substring(1)) {
            case "re":
                return Op.RELU;
            case "r6":
                return Op.RELU6;
            case "hs":
                return Op.HSWISH;
            case "sw":
                return Op.SWISH;
            case "mi":
                throw new NotationException("activation 'nmi' (Mish) is not supported by archmeter");
            default:
                throw new NotationException("'" + op + "' is no activation timm knows (nre, nr6, nhs, nsw, nmi): timm ignores it"
                        + " and uses the model's default");
        }
    }

    /** timm's {@code _parse_ksize}: {@code 3} or a list {@code 3.5.7}, each at least 1; {@code dflt} when absent. */
    private static int[] kernels(Map<String, String> o, String key, int dflt) {
        final String v = o.get(key);
        if (v == null) {
            return new int[] {dflt};
        }
        final String[] parts = v.split("\\.", -1);
        final int[] ks = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ks[i] = integer(Map.of(key, parts[i]), key, 0);
            if (ks[i] < 1 || parts[i].isEmpty()) {
                throw new NotationException(key + v + ": every kernel must be an integer of at least 1");
            }
        }
        return ks;
    }

    private static int required(Map<String, String> o, String key, String type) {
        if (!o.containsKey(key)) {
            throw new NotationException("missing key '" + key + "' (timm requires r, c, s" + (type.equals("dsa") || type.equals("ds")
                    || type.equals("cn") ? ", k" : ", k, e") + " for " + type + ")");
        }
        int v = integer(o, key, 0);
        if (v < 1) {
            throw new NotationException(key + o.get(key) + ": expected at least 1");
        }
        return v;
    }

    private static int integer(Map<String, String> o, String key, int dflt) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Character.isDigit(v.charAt(i))) {
                throw new NotationException(key + v + ": '" + v + "' is not an integer (timm reads int('" + v + "'))");
            }
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new NotationException(key + v + ": too large");
        }
    }

    private static double decimal(Map<String, String> o, String key, String type, boolean required) {
        String v = o.get(key);
        if (v == null) {
            if (required) {
                throw new NotationException("missing key '" + key + "' (timm requires the expansion ratio e for " + type + ")");
            }
            return 0.0;
        }
        if (!v.matches("[0-9]+(\\.[0-9]*)?")) {
            throw new NotationException(key + v + ": '" + v + "' is not a decimal number");
        }
        return Double.parseDouble(v);
    }

    private static boolean isOne(String v) {
        return v.matches("1(\\.0*)?");
    }

    private static String[] sorted(Set<String> keys) {
        return keys.stream().sorted().toArray(String[]::new);
    }
}
