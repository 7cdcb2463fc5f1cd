package io.archmeter.spaces.mobile;

import io.archmeter.spaces.NotationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration literals that MobileNet-family NAS code prints: JSON (OFA's and
 * ProxylessNAS's {@code net_config} files) and Python literals (a dict printed by
 * {@code print(ofa_net.sample_active_subnet())}, a timm {@code arch_def} list pasted from source).
 * One reader for both, since users paste either:
 *
 * <pre>
 *   {"ks": [3, 5, 7], "e": [3, 4, 6], "d": [2, 3, 4], "r": [224]}         JSON
 *   {'ks': [3, 5, 7], 'e': [3, 4, 6], 'd': [2, 3, 4], 'r': [224]}         Python dict repr
 *   [['ds_r1_k3_s1_e1_c16_nre'], ['ir_r1_k3_s2_e4_c24_nre', ...], ...]   timm arch_def
 * </pre>
 *
 * <p>Values become {@link Map} (insertion order kept), {@link List}, {@link String},
 * {@link BigDecimal} (numbers stay exact: {@code 0.25} is 0.25, not a binary fraction),
 * {@link Boolean} and {@link #NULL}. Both quote styles, {@code true}/{@code True},
 * {@code null}/{@code None}, tuples {@code (…)} read as lists, trailing commas and {@code #}
 * comments to the end of a line are accepted. Anything else is a {@link NotationException} naming
 * the character position and what was expected. Not a hot path: one literal per candidate row at
 * most, and the generators never read literals.
 */
public final class Literal {
    /** The value of {@code null} / {@code None}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int pos;

    private Literal(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one literal. */
    public static Object parse(String text) {
        Literal r = new Literal(text);
        r.skipSpace();
        Object v = r.value();
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected '" + text.charAt(r.pos) + "' after the end of the literal");
        }
        return v;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end: expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return list(']');
            case '(':
                return list(')');
            case '"':
            case '\'':
                return string(c);
            default:
                if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return word();
        }
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (!at('}')) {
            if (pos >= text.length() || (text.charAt(pos) != '"' && text.charAt(pos) != '\'')) {
                throw error("expected a quoted key or '}'");
            }
            String key = string(text.charAt(pos));
            skipSpace();
            expect(':');
            skipSpace();
            if (map.put(key, value()) != null) {
                throw error("key '" + key + "' is given twice");
            }
            skipSpace();
            if (!at('}')) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return Collections.unmodifiableMap(map);
    }

    private List<Object> list(char close) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        while (!at(close)) {
            list.add(value());
            skipSpace();
            if (!at(close)) {
                expect(',');
                skipSpace();
            }
        }
        pos++;
        return Collections.unmodifiableList(list);
    }

    private String string(char quote) {
        int start = ++pos;
        StringBuilder sb = null;
        while (pos < text.length() && text.charAt(pos) != quote) {
            if (text.charAt(pos) == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, start, pos);
                pos++;
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos);
                sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                start = pos + 1;
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw error("string not closed: expected " + quote);
        }
        String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
        pos++;
        return s;
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text.substring(start, Math.min(text.length(), start + 20)) + "'");
        }
    }

    private Object word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        switch (w) {
            case "true":
            case "True":
                return Boolean.TRUE;
            case "false":
            case "False":
                return Boolean.FALSE;
            case "null":
            case "None":
                return NULL;
            default:
                pos = start;
                throw error(w.isEmpty() ? "unexpected '" + text.charAt(pos) + "': expected a value"
                        : "unknown word '" + w + "': expected a quoted string, a number, a list, a dict, true, false or null");
        }
    }

    private boolean at(char c) {
        if (pos >= text.length()) {
            throw error("unexpected end: expected '" + c + "'");
        }
        return text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!at(c)) {
            throw error("expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private NotationException error(String what) {
        return new NotationException("at character " + (pos + 1) + ": " + what);
    }
}
