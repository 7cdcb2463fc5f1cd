package io.archmeter.model;

/** "Did you mean" by edit distance, for the error messages of every notation. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate nearest to {@code word} within an edit distance of 2 (1 for words of 2 letters or fewer), or null. */
    public static String nearest(String word, String[] candidates) {
        String best = null;
        int bestDistance = word.length() <= 2 ? 2 : 3;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
