package io.archmeter.io;

import java.util.Locale;

/**
 * Text for messages: what the user's input looks like when a message echoes it, and counts with
 * their nouns. Every message of {@code filter} and {@code generate} that quotes a cell, a header
 * name or an option value goes through {@link #quote}, so that
 * <ul>
 *   <li>nothing unbounded is echoed: an input longer than {@value #ECHO_LIMIT} characters is cut,
 *       and the cut is marked with {@code …};</li>
 *   <li>nothing reaches the terminal as a control: ESC (ANSI escapes), CR, LF, the other C0 and C1
 *       controls, DEL and the bidirectional overrides are written as {@code \x1b}, {@code \r},
 *       {@code \n}, {@code \u202e}…, and a byte that was not valid UTF-8 (kept by
 *       {@link Utf8PassThrough} as U+DC80 + byte) as {@code \xff}.</li>
 * </ul>
 *
 * <pre>{@code
 * Text.quote("conv\u001b[31m")          // 'conv\x1b[31m'
 * Text.quote("x".repeat(1_000_000))     // 'xxxx…' (200 characters, then …)
 * Text.count(1, "row")                  // "1 row"
 * Text.count(12_345, "row")             // "12,345 rows"
 * }</pre>
 */
public final class Text {
    /** The most characters of one input a message echoes. */
    public static final int ECHO_LIMIT = 200;
    /** The most characters of a reason (which may hold several echoed inputs) kept in a rejects file or message. */
    public static final int REASON_LIMIT = 1000;

    private Text() {
    }

    /** {@code s} escaped and cut to {@value #ECHO_LIMIT} characters, between single quotes. */
    public static String quote(CharSequence s) {
        return "'" + escape(s, ECHO_LIMIT) + "'";
    }

    /**
     * {@code s} with every control character escaped (see the class comment), cut after
     * {@code limit} characters of {@code s} with {@code …} appended when it is longer.
     */
    public static String escape(CharSequence s, int limit) {
        int n = s.length();
        int end = Math.min(n, limit);
        if (end > 0 && end < n && Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
            end--;      // do not cut a pair in two
        }
        StringBuilder sb = null;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            String esc = escapeOf(s, i, c);
            if (esc != null && sb == null) {
                sb = new StringBuilder(end + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        String body = sb != null ? sb.toString() : s.subSequence(0, end).toString();
        return end < n ? body + "…" : body;
    }

    /** The escape of the char at {@code i}, or null if it is printed as it is. */
    private static String escapeOf(CharSequence s, int i, char c) {
        if (c >= 0x20 && c < 0x7f) {
            return null;
        }
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default: break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(Locale.ROOT, "\\x%02x", (int) c);
        }
        if (c >= 0x80 && c < 0xa0 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f) {
            return String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
        if (Character.isLowSurrogate(c)) {
            if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                return null;
            }
            // a lone U+DC80..U+DCFF is a byte of invalid UTF-8 in the input (see Utf8PassThrough): shown as that byte
            return Utf8PassThrough.isEscapedByte(c) ? String.format(Locale.ROOT, "\\x%02x", Utf8PassThrough.escapedByte(c))
                    : String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }

    /** {@code n} with thousands separators and the noun, singular for exactly one: {@code 1 row}, {@code 0 rows}. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural(noun));
    }

    private static String plural(String noun) {
        return noun.endsWith("s") || noun.endsWith("x") ? noun + "es" : noun + "s";
    }

    /**
     * The names, each {@link #quote quoted}-style escaped, joined by ", ", at most {@code max} of
     * them and then "… (N in all)": for messages that list a header.
     */
    public static String list(String[] names, int max) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.length, max);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(escape(names[i], 60));
        }
        if (shown < names.length) {
            sb.append(", … (").append(names.length).append(" in all)");
        }
        return sb.toString();
    }
}
