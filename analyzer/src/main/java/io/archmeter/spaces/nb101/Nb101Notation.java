package io.archmeter.spaces.nb101;

import java.util.ArrayList;
import java.util.List;

import static io.archmeter.spaces.nb101.Nb101Spec.error;

/** Reading and writing the two notations of {@link Nb101Spec}. */
final class Nb101Notation {
    private Nb101Notation() {
    }

    /** {@code nb101:ROWS:OPS} (see {@link Nb101Spec}). */
    static Nb101Spec parseCompact(String s) {
        String body = s.substring(Nb101Spec.PREFIX.length());
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw error("'" + Nb101Spec.abbreviate(s) + "' has no ':' before the ops (nb101:ROWS:OPS,"
                    + " e.g. nb101:111010.00001.0001.100.01.1:c1.c3.c3.c3.mp)");
        }
        String[] rows = body.substring(0, colon).split("\\.", -1);
        String opsPart = body.substring(colon + 1);
        String[] ops = opsPart.isEmpty() ? new String[0] : opsPart.split("\\.", -1);
        final int v = rows.length + 1;
        if (v > Nb101Spec.MAX_VERTICES) {
            throw error(rows.length + " matrix rows make " + v + " vertices: NAS-Bench-101 cells have at most "
                    + Nb101Spec.MAX_VERTICES);
        }
        int[][] matrix = new int[v][v];
        for (int r = 0; r < rows.length; r++) {
            String row = rows[r];
            if (row.length() != v - 1 - r) {
                throw error("row " + r + " '" + row + "' has " + row.length() + " bits; in a " + v + "-vertex cell row " + r
                        + " has " + (v - 1 - r) + " (its edges to vertices " + (r + 1) + " to " + (v - 1) + ")");
            }
            for (int k = 0; k < row.length(); k++) {
                char ch = row.charAt(k);
                if (ch != '0' && ch != '1') {
                    throw error("row " + r + " '" + row + "': '" + ch + "' is not 0 or 1");
                }
                matrix[r][r + 1 + k] = ch - '0';
            }
        }
        if (ops.length != v - 2) {
            throw error(ops.length + " ops for " + (v - 2) + " interior vertices (" + v + " vertices from " + rows.length
                    + " rows)");
        }
        String[] names = new String[v];
        names[0] = "input";
        names[v - 1] = "output";
        System.arraycopy(ops, 0, names, 1, ops.length);
        return Nb101Spec.fromParts(matrix, names);
    }

    /** The compact form of a spec. */
    static String compact(int v, int bits, int[] ops) {
        StringBuilder sb = new StringBuilder(Nb101Spec.PREFIX.length() + 48);
        appendCompact(sb, v, bits, ops);
        return sb.toString();
    }

    /** Appends the compact form to {@code sb} (no allocation beyond the builder's growth). */
    static void appendCompact(StringBuilder sb, int v, int bits, int[] ops) {
        sb.append(Nb101Spec.PREFIX);
        for (int r = 0; r < v - 1; r++) {
            if (r > 0) {
                sb.append('.');
            }
            for (int c = r + 1; c < v; c++) {
                sb.append((bits >>> Nb101Spec.edgeBit(r, c) & 1) != 0 ? '1' : '0');
            }
        }
        sb.append(':');
        for (int i = 0; i < v - 2; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(Nb101Op.ofLabel(ops[i]).shortName());
        }
    }

    /** {@code {"matrix": [[…]], "ops": […]}}, lenient about quotes and commas (see {@link Nb101Spec}). */
    static Nb101Spec parseJson(String s) {
        Json json = new Json(s);
        int[][] matrix = null;
        String[] ops = null;
        json.expect('{');
        boolean first = true;
        while (!json.peek('}')) {
            if (!first) {
                json.expect(',');
            }
            first = false;
            String key = json.string();
            json.expect(':');
            switch (key) {
                case "matrix", "module_adjacency" -> {
                    if (matrix != null) {
                        throw error("the matrix is given twice");
                    }
                    matrix = json.matrix();
                }
                case "ops", "module_operations" -> {
                    if (ops != null) {
                        throw error("the ops are given twice");
                    }
                    ops = json.strings();
                }
                default -> throw error("unknown key '" + key + "' (expected \"matrix\" and \"ops\", or \"module_adjacency\" and"
                        + " \"module_operations\")");
            }
        }
        json.expect('}');
        json.end();
        if (matrix == null || ops == null) {
            throw error("a spec needs both \"matrix\" and \"ops\"");
        }
        return Nb101Spec.fromParts(matrix, ops);
    }

    /** A small reader of the JSON subset a spec uses. */
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean peek(char c) {
            skip();
            return i < s.length() && s.charAt(i) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "' at character " + (i + 1) + (i < s.length() ? ", found '" + s.charAt(i) + "'"
                        : ", found the end"));
            }
            i++;
        }

        void end() {
            skip();
            if (i != s.length()) {
                throw error("unexpected text after the spec at character " + (i + 1));
            }
        }

        String string() {
            skip();
            char q = i < s.length() ? s.charAt(i) : 0;
            if (q != '"' && q != '\'') {
                throw error("expected a quoted name at character " + (i + 1));
            }
            int close = s.indexOf(q, i + 1);
            if (close < 0) {
                throw error("unterminated string at character " + (i + 1));
            }
            String v = s.substring(i + 1, close);
            i = close + 1;
            return v;
        }

        /** A list whose items are separated by commas or, as NumPy prints them, by spaces. */
        private boolean nextItem(boolean first, char close) {
            skip();
            if (peek(close)) {
                i++;
                return false;
            }
            if (!first && peek(',')) {
                i++;
            }
            return true;
        }

        int[][] matrix() {
            expect('[');
            List<int[]> rows = new ArrayList<>();
            while (nextItem(rows.isEmpty(), ']')) {
                rows.add(ints());
            }
            return rows.toArray(new int[0][]);
        }

        private int[] ints() {
            expect('[');
            int[] v = new int[8];
            int n = 0;
            while (nextItem(n == 0, ']')) {
                skip();
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
                    i++;
                }
                String word = s.substring(start, i);
                int value;
                if (word.equals("true") || word.equals("True")) {
                    value = 1;
                } else if (word.equals("false") || word.equals("False")) {
                    value = 0;
                } else {
                    try {
                        value = Integer.parseInt(word);
                    } catch (NumberFormatException e) {
                        throw error("matrix entry '" + word + "' at character " + (start + 1) + " is not 0 or 1");
                    }
                }
                if (n == v.length) {
                    v = java.util.Arrays.copyOf(v, 2 * n);
                }
                v[n++] = value;
            }
            return java.util.Arrays.copyOf(v, n);
        }

        String[] strings() {
            expect('[');
            List<String> out = new ArrayList<>();
            while (nextItem(out.isEmpty(), ']')) {
                out.add(string());
            }
            return out.toArray(new String[0]);
        }
    }
}
