package io.archmeter.spaces.mobile;

/**
 * A search-space notation that archmeter refuses: malformed, invalid for its space (a wrong list
 * length, an unknown kernel or expansion choice), or a part that archmeter cannot reproduce
 * exactly. The message names the part and what was expected or what differs; it never means the
 * input was read some other way.
 */
public class NotationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NotationException(String message) {
        super(message);
    }
}
