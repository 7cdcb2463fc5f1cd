package io.archmeter.grammar;

import io.archmeter.spaces.NotationException;

/**
 * An architecture string of the archmeter grammar that does not parse. The message names the
 * token, its 1-based position and what was expected, with the nearest valid name where one is
 * close, e.g.
 * {@code token 3 'conv_k3_z2': unknown key 'z' for conv (expected one of k, s, p, d, g, c, b)}.
 * A string in a search space's notation that does not read throws the {@link NotationException}
 * this extends.
 */
public final class ArchSyntaxException extends NotationException {
    private static final long serialVersionUID = 1L;

    ArchSyntaxException(int position, String token, String problem) {
        super(position, token, problem);
    }
}
