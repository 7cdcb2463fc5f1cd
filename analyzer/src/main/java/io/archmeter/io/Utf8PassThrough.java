package io.archmeter.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that keeps invalid bytes as they are, so that data passes through {@code filter}
 * unchanged, byte for byte, even where it is not valid UTF-8 (a Latin-1 name column, a truncated
 * sequence). Java's own readers replace such bytes with U+FFFD, silently and for good.
 *
 * <p>The scheme is Python's {@code surrogateescape} (PEP 383): the {@link #reader reader} decodes
 * each byte that is not part of valid UTF-8 to the lone surrogate U+DC00 + byte (U+DC80..U+DCFF,
 * since only bytes 0x80..0xFF can be invalid); valid UTF-8 never decodes to a lone surrogate, so
 * the two cannot be confused. The {@link #writer writer} encodes such a lone surrogate back to its
 * byte and everything else as UTF-8. A cell with an invalid byte is therefore written back exactly
 * as it was read; an architecture cell with one does not parse and its row is rejected (the
 * reason shows the byte as {@code \xff}, see {@link Text}).
 *
 * <pre>{@code
 * bytes in:   69 64 0a  c3 a9 2c  ff 0a          "id\n", "é,", 0xff, "\n"
 * chars:      i  d  \n  é     ,   \udcff \n
 * bytes out:  69 64 0a  c3 a9 2c  ff 0a          identical
 * }</pre>
 *
 * <p>The reader never blocks once it has some characters to return (so that a coprocess writing
 * one row at a time gets its answer), and it does not strip a byte-order mark: that is
 * {@link CsvChunkReader}'s business, for any reader.
 */
public final class Utf8PassThrough {
    private static final int BYTES = 1 << 13;
    private static final char ESCAPE_BASE = '\uDC00';

    private Utf8PassThrough() {
    }

    /** True if {@code c} is the escape of an invalid byte (U+DC80..U+DCFF); meaningful for a lone surrogate only. */
    public static boolean isEscapedByte(char c) {
        return c >= '\uDC80' && c <= '\uDCFF';
    }

    /** The byte that escape {@code c} stands for. */
    public static int escapedByte(char c) {
        return c - ESCAPE_BASE;
    }

    /** A reader decoding {@code in} as UTF-8, each invalid byte to its escape. Closing it closes {@code in}. */
    public static Reader reader(InputStream in) {
        return new DecodingReader(in);
    }

    /** A writer encoding to {@code out} as UTF-8, each escape back to its byte. Closing it closes {@code out}. */
    public static Writer writer(OutputStream out) {
        return new EncodingWriter(out);
    }

    /**
     * As {@link #writer}, buffered (8 Ki characters, as a {@code BufferedWriter}), and an
     * {@link AsciiSink}: ASCII bytes go to {@code out} as they are, with no character in between
     * (the lines {@code filter}'s byte-range workers format). Closing it closes {@code out}.
     */
    public static Writer bufferedWriter(OutputStream out) {
        return new BufferedEncodingWriter(new EncodingWriter(out));
    }

    /** A writer that also takes ASCII bytes (0..127) as they are: what it writes for them is those bytes. */
    interface AsciiSink {
        void writeAscii(byte[] b, int off, int len) throws IOException;
    }

    private static final class DecodingReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(BYTES).flip();
        /** Decoded characters not yet returned (room for a pair at least, whatever the caller's buffer). */
        private final CharBuffer decoded = CharBuffer.allocate(BYTES).flip();
        private boolean eof;
        private boolean flushed;

        DecodingReader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
            if (len == 0) {
                return 0;
            }
            if (!decoded.hasRemaining() && !decodeMore()) {
                return -1;
            }
            int n = Math.min(len, decoded.remaining());
            decoded.get(cbuf, off, n);
            return n;
        }

        /** Decodes at least one character into {@link #decoded}, more if they are ready; false at the end. */
        private boolean decodeMore() throws IOException {
            decoded.clear();
            try {
                while (true) {
                    CoderResult r = flushed ? CoderResult.UNDERFLOW : decoder.decode(bytes, decoded, eof);
                    if (r.isError()) {
                        // invalid bytes: one escape each, as many as there is room for
                        for (int i = 0; i < r.length() && decoded.hasRemaining(); i++) {
                            decoded.put((char) (ESCAPE_BASE + (bytes.get() & 0xff)));
                        }
                        if (!decoded.hasRemaining()) {
                            return true;
                        }
                        continue;
                    }
                    if (r.isOverflow()) {
                        return true;
                    }
                    // underflow: the bytes are used up (but for an incomplete sequence)
                    if (eof) {
                        if (!flushed) {
                            decoder.flush(decoded);
                            flushed = true;
                        }
                        return decoded.position() > 0;
                    }
                    if (decoded.position() > 0 && in.available() <= 0) {
                        return true;    // return what we have rather than block for more
                    }
                    fill();
                }
            } finally {
                decoded.flip();
            }
        }

        private void fill() throws IOException {
            bytes.compact();
            try {
                int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            } finally {
                bytes.flip();
            }
        }

        @Override
        public boolean ready() throws IOException {
            return decoded.hasRemaining() || bytes.hasRemaining() || in.available() > 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class EncodingWriter extends Writer {
        private final OutputStream out;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(BYTES);
        /** A high surrogate at the end of the last write, waiting for its low half. */
        private char pendingHigh;
        private boolean closed;

        EncodingWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            write(CharBuffer.wrap(cbuf, off, len));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(CharBuffer.wrap(str, off, off + len));
        }

        private void write(CharBuffer chars) throws IOException {
            CharBuffer in = chars;
            if (pendingHigh != 0 && chars.hasRemaining()) {
                // a pair cut by the caller's buffer (rare): encode it whole, with what follows
                in = CharBuffer.allocate(chars.remaining() + 1).put(pendingHigh).put(chars).flip();
                pendingHigh = 0;
            }
            encode(in, false);
            if (in.hasRemaining()) {
                pendingHigh = in.get();      // a high surrogate at the very end
            }
        }

        /**
         * Encodes {@code chars}; unless {@code all}, a final high surrogate is left in it for the next
         * write. {@code all} ends the encoder's input: only on close.
         */
        private void encode(CharBuffer chars, boolean all) throws IOException {
            while (true) {
                CoderResult r = encoder.encode(chars, bytes, all);
                if (r.isOverflow()) {
                    drain();
                } else if (r.isError()) {
                    for (int i = 0; i < r.length(); i++) {
                        char c = chars.get();
                        if (bytes.remaining() == 0) {
                            drain();
                        }
                        // an escape is its byte again; any other lone surrogate cannot come from our reader: '?'
                        bytes.put(Character.isLowSurrogate(c) && isEscapedByte(c) ? (byte) escapedByte(c) : (byte) '?');
                    }
                } else {
                    return;
                }
            }
        }

        /** ASCII bytes, after the characters written before them. */
        void writeAscii(byte[] b, int off, int len) throws IOException {
            if (pendingHigh != 0) {
                // a pair cut by the caller (never between lines): the characters' own path settles it
                char[] chars = new char[len];
                for (int i = 0; i < len; i++) {
                    chars[i] = (char) b[off + i];
                }
                write(chars, 0, len);
                return;
            }
            if (len > bytes.remaining()) {
                drain();
                if (len > bytes.capacity()) {
                    out.write(b, off, len);
                    return;
                }
            }
            bytes.put(b, off, len);
        }

        private void drain() throws IOException {
            if (bytes.position() > 0) {
                out.write(bytes.array(), 0, bytes.position());
                bytes.clear();
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (pendingHigh != 0) {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    encode(CharBuffer.wrap(new char[] {high}), true);
                }
                flush();
            } finally {
                out.close();
            }
        }
    }

    /**
     * A {@code BufferedWriter} over an {@link EncodingWriter} that passes ASCII bytes through: the
     * same bytes in the same order, and, as a {@code BufferedWriter}, an {@link IOException} for a
     * write or flush after close (nothing is lost silently). Not thread-safe: one writer thread.
     */
    private static final class BufferedEncodingWriter extends Writer implements AsciiSink {
        private final EncodingWriter out;
        private final char[] buf = new char[BYTES];
        private int n;
        private boolean closed;

        BufferedEncodingWriter(EncodingWriter out) {
            this.out = out;
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("Stream closed");
            }
        }

        @Override
        public void write(int c) throws IOException {
            ensureOpen();
            if (n == buf.length) {
                flushChars();
            }
            buf[n++] = (char) c;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            ensureOpen();
            if (len >= buf.length) {
                flushChars();
                out.write(cbuf, off, len);
                return;
            }
            if (n + len > buf.length) {
                flushChars();
            }
            System.arraycopy(cbuf, off, buf, n, len);
            n += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            ensureOpen();
            if (len >= buf.length) {
                flushChars();
                out.write(str, off, len);
                return;
            }
            if (n + len > buf.length) {
                flushChars();
            }
            str.getChars(off, off + len, buf, n);
            n += len;
        }

        @Override
        public void writeAscii(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            flushChars();
            out.writeAscii(b, off, len);
        }

        private void flushChars() throws IOException {
            if (n > 0) {
                out.write(buf, 0, n);
                n = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            flushChars();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flushChars();
            } finally {
                out.close();
            }
        }
    }
}
