package io.archmeter.io;

import java.io.IOException;

/**
 * The input's compressed data is damaged: a gzip stream cut short, a bad checksum, bytes that are
 * not gzip after the gzip data. The message names the input, the compressed byte where the damage
 * was found and what is wrong, e.g.
 * {@code big.csv.gz: corrupt gzip data at byte 1,048,576: unexpected end of the data}.
 */
public final class CorruptInputException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptInputException(String source, long offset, String problem) {
        super(Text.escape(source, Text.ECHO_LIMIT) + ": corrupt gzip data at byte " + String.format(java.util.Locale.ROOT, "%,d", offset)
                + ": " + problem);
    }
}
