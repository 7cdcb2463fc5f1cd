package io.archmeter.bridge;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a {@link Reader}, each handed over as soon as its newline arrives (a coprocess waits for
 * the answer to the line it just wrote), bounded in length: a line longer than the limit is
 * skipped to its end and reported by {@link #tooLong()}, so one huge request cannot exhaust memory.
 * A line ends at {@code \n}; a {@code \r} before it is dropped; a last line without a newline counts.
 */
final class LineReader {
    private final Reader in;
    private final int max;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private long number;
    private boolean tooLong;

    LineReader(Reader in, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the longest request line must be at least 1 character, not " + max);
        }
        this.in = in;
        this.max = max;
    }

    /** The next line, without its end; null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                // read() returns what the pipe holds now, without waiting for a full buffer
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    return finish();
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            append(start, pos);
            if (pos < end) {
                pos++;      // the newline
                return finish();
            }
        }
    }

    private void append(int from, int to) {
        if (tooLong) {
            return;
        }
        if (line.length() + (to - from) > max + 1) {     // + 1: room for a '\r' that is dropped
            tooLong = true;
            line.setLength(0);
            return;
        }
        line.append(buffer, from, to - from);
    }

    private String finish() {
        number++;
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        if (line.length() > max) {
            tooLong = true;
        }
        return tooLong ? "" : line.toString();
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    long number() {
        return number;
    }

    /** True if the last line was longer than the limit (and {@link #next()} returned it empty). */
    boolean tooLong() {
        return tooLong;
    }
}
