package io.archmeter.spaces.mobile;

/**
 * What the MobileNet-family notations share in a CSV cell: a prefix that names the space
 * ({@code timm:}, {@code ofa-mbv3:}, {@code mcunet:}, {@code proxyless:}), found without
 * allocating, since the registry asks every row.
 */
public final class Notations {
    private Notations() {
    }

    /** Index of the first character of {@code text} that is not a space (ASCII ≤ ' '), or its length. */
    public static int firstNonSpace(CharSequence text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** True if {@code text}, after leading spaces, starts with {@code prefix}. Allocates nothing. */
    public static boolean hasPrefix(CharSequence text, String prefix) {
        final int from = firstNonSpace(text);
        if (text.length() - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} without leading and trailing spaces and without {@code prefix}, if it starts with it. */
    public static String withoutPrefix(CharSequence text, String prefix) {
        final String t = text.toString().strip();
        return t.startsWith(prefix) ? t.substring(prefix.length()) : t;
    }
}
