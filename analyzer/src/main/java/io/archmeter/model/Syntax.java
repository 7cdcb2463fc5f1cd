package io.archmeter.model;

import java.util.List;

/**
 * What a token of the architecture notation may carry: an {@link Op} (one layer) or a block of
 * the encoding package (several layers). The parser reads any token through this description
 * alone: its name, its keys with their defaults, and whether it takes the bare parts of blocks
 * (an activation name such as {@code relu6}, and {@code noskip}).
 */
public interface Syntax {
    /** The name as written, e.g. {@code "conv"}, {@code "ir"}. */
    String token();

    /** How the token uses each key, in canonical order (the order the formatter writes them). */
    List<KeyUse> keys();

    /** The keys the notation may give, as a mask of {@link Key#bit()}. */
    int keyMask();

    /** The keys the notation must give. */
    int requiredMask();

    /** True if the token takes an activation name and {@code noskip} as bare parts. */
    boolean takesBareParts();

    /** The use of {@code key}, or null if the token has none. */
    default KeyUse use(Key key) {
        List<KeyUse> uses = keys();
        for (int i = 0; i < uses.size(); i++) {
            if (uses.get(i).key() == key) {
                return uses.get(i);
            }
        }
        return null;
    }

    /** "keys of conv: k, s, p, d, g, c, b" or "relu takes no keys", for messages. */
    default String describeKeys() {
        return keyMask() == 0 ? token() + " takes no keys" : "keys of " + token() + ": " + Key.list(keyMask());
    }
}
