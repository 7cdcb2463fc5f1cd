package io.archmeter.spaces;

import io.archmeter.model.Suggest;

/**
 * Small helpers the search spaces share: cheap, allocation-free checks for
 * {@link SearchSpace#recognizes} (they run for every row of a CSV), and the form of their errors.
 */
public final class Notations {
    private Notations() {
    }

    /** Index of the first character of {@code text} that is not a space, tab or line break ({@code text.length()} if none). */
    public static int firstNonSpace(CharSequence text) {
        int i = 0;
        final int n = text.length();
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True if {@code text}, past leading white space, starts with {@code prefix}. */
    public static boolean startsWith(CharSequence text, String prefix) {
        final int from = firstNonSpace(text);
        if (text.length() - from < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(from + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code word} occurs in {@code text} (a plain scan: texts are short). */
    public static boolean contains(CharSequence text, String word) {
        final int last = text.length() - word.length();
        outer:
        for (int i = 0; i <= last; i++) {
            for (int k = 0; k < word.length(); k++) {
                if (text.charAt(i + k) != word.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code " (did you mean 'x'?)"} for the nearest of {@code names} to {@code word}, or the empty string. */
    public static String didYouMean(String word, String... names) {
        final String near = Suggest.nearest(word, names);
        return near == null ? "" : " (did you mean '" + near + "'?)";
    }

    /**
     * The error of a notation: {@code "NAS-Bench-101 spec: the matrix is 8x8: …"}. The offending text
     * is filled in by {@link #withText} where the space reads it.
     */
    public static NotationException error(String notation, String problem) {
        return new NotationException(0, "", notation + ": " + problem);
    }

    /** {@code e} naming {@code text} as the offending text, if it names none yet (see {@link NotationException#token()}). */
    public static NotationException withText(NotationException e, CharSequence text) {
        return e.token().isEmpty() && e.position() == 0 ? new NotationException(0, text.toString(), e.getMessage()) : e;
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }
}
