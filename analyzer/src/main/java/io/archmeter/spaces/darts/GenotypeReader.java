package io.archmeter.spaces.darts;

import java.util.Arrays;

import static io.archmeter.spaces.darts.Genotype.error;

/** A reader of the genotype notation (see {@link Genotype}). */
final class GenotypeReader {
    private static final String[] KEYS = {"normal", "normal_concat", "reduce", "reduce_concat"};

    private final String s;
    private int i;
    private final byte[][] ops = new byte[2][];
    private final byte[][] inputs = new byte[2][];
    private final int[][] concat = new int[2][];

    GenotypeReader(String s) {
        this.s = s;
    }

    Genotype read() {
        skip();
        if (!s.startsWith(Genotype.PREFIX, i)) {
            throw error("expected Genotype(normal=[…], normal_concat=…, reduce=[…], reduce_concat=…)");
        }
        i += Genotype.PREFIX.length();
        boolean first = true;
        while (!peek(')')) {
            if (!first) {
                expect(',');
                if (peek(')')) {
                    break;
                }
            }
            first = false;
            keyword();
        }
        expect(')');
        for (int k = 0; k < KEYS.length; k++) {
            boolean given = k % 2 == 0 ? ops[k / 2] != null : concat[k / 2] != null;
            if (!given) {
                throw error("missing " + KEYS[k] + "=…");
            }
        }
        int channels = 0;
        int layers = 0;
        while (true) {
            skip();
            if (i >= s.length()) {
                break;
            }
            String name = identifier();
            expect('=');
            int value = integer();
            if (name.equals("C") && channels == 0 && value >= 1) {
                channels = value;
            } else if (name.equals("L") && layers == 0 && value >= 1) {
                layers = value;
            } else {
                throw error("option '" + name + "=" + value + "': expected C=channels and L=cells (each once, at least 1)");
            }
        }
        return new Genotype(ops[0], inputs[0], concat[0], ops[1], inputs[1], concat[1], channels, layers);
    }

    private void keyword() {
        int at = i;
        String key = identifier();
        expect('=');
        int k = Arrays.asList(KEYS).indexOf(key);
        if (k < 0) {
            throw error("unknown field '" + key + "' at character " + (at + 1) + io.archmeter.spaces.Notations.didYouMean(
                    key, KEYS) + " (expected normal, normal_concat, reduce, reduce_concat)");
        }
        int kind = k / 2;
        if (k % 2 == 0) {
            if (ops[kind] != null) {
                throw error(key + " is given twice");
            }
            edges(kind, key);
        } else {
            if (concat[kind] != null) {
                throw error(key + " is given twice");
            }
            concat[kind] = concatList(key);
        }
    }

    private void edges(int kind, String cell) {
        expect('[');
        byte[] o = new byte[16];
        byte[] in = new byte[16];
        int n = 0;
        while (!peek(']')) {
            if (n > 0) {
                expect(',');
                if (peek(']')) {
                    break;
                }
            }
            expect('(');
            String name = string();
            DartsOp op = DartsOp.named(name);
            if (op == null) {
                throw error(cell + " edge " + (n + 1) + ": unknown op '" + name + "'" + Genotype.suggest(name) + " (expected one of "
                        + String.join(", ", DartsOp.tokens()) + ")");
            }
            expect(',');
            int input = integer();
            skip();
            if (peek(',')) {
                i++;
            }
            expect(')');
            if (n == o.length) {
                o = Arrays.copyOf(o, 2 * n);
                in = Arrays.copyOf(in, 2 * n);
            }
            if (input > 100) {
                throw error(cell + " edge " + (n + 1) + ": input " + input + " is out of range");
            }
            o[n] = (byte) op.ordinal();
            in[n] = (byte) input;
            n++;
        }
        expect(']');
        ops[kind] = Arrays.copyOf(o, n);
        inputs[kind] = Arrays.copyOf(in, n);
    }

    private int[] concatList(String key) {
        skip();
        if (s.startsWith("range", i)) {
            i += "range".length();
            expect('(');
            int a = integer();
            int b;
            if (peek(',')) {
                i++;
                b = integer();
            } else {
                b = a;
                a = 0;
            }
            expect(')');
            if (b <= a || b - a > 100) {
                throw error(key + "=range(" + a + ", " + b + ") is empty or too long");
            }
            int[] c = new int[b - a];
            for (int k = 0; k < c.length; k++) {
                c[k] = a + k;
            }
            return c;
        }
        expect('[');
        int[] c = new int[8];
        int n = 0;
        while (!peek(']')) {
            if (n > 0) {
                expect(',');
                if (peek(']')) {
                    break;
                }
            }
            if (n == c.length) {
                c = Arrays.copyOf(c, 2 * n);
            }
            c[n++] = integer();
        }
        expect(']');
        return Arrays.copyOf(c, n);
    }

    private void skip() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private boolean peek(char c) {
        skip();
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "' at character " + (i + 1) + (i < s.length() ? ", found '" + s.charAt(i) + "'"
                    : ", found the end"));
        }
        i++;
    }

    private String identifier() {
        skip();
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (start == i) {
            throw error("expected a name at character " + (i + 1));
        }
        return s.substring(start, i);
    }

    private String string() {
        skip();
        char q = i < s.length() ? s.charAt(i) : 0;
        if (q != '\'' && q != '"') {
            throw error("expected a quoted op name at character " + (i + 1));
        }
        int close = s.indexOf(q, i + 1);
        if (close < 0) {
            throw error("unterminated op name at character " + (i + 1));
        }
        String v = s.substring(i + 1, close);
        i = close + 1;
        return v;
    }

    private int integer() {
        skip();
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (start == i || i - start > 6) {
            throw error("expected a whole number at character " + (start + 1));
        }
        return Integer.parseInt(s.substring(start, i));
    }
}
