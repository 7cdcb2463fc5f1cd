package io.archmeter.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes of one file read at any position: what {@link ByteRangeSplitter} needs of a file, so that
 * the same split logic runs on a local file ({@link #of(FileChannel)}) or on any other store that
 * can read at a position (a Hadoop {@code FSDataInputStream} in the Spark module).
 *
 * <p>Implementations must allow concurrent positional reads if several threads share one
 * (a {@link FileChannel} does); the splitter itself reads from one thread.
 */
public interface ByteSource {
    /** The length of the file in bytes. */
    long size() throws IOException;

    /**
     * Reads up to {@code len} bytes at {@code position} into {@code buf[off..]}.
     *
     * @return the bytes read, at least 1 unless {@code position >= size()} (then -1)
     */
    int read(long position, byte[] buf, int off, int len) throws IOException;

    /** The bytes {@code [start, end)} as a stream (for a parser of one range). */
    default InputStream open(long start, long end) {
        return new RangeInputStream(this, start, end);
    }

    /** A source over an open channel; closing the channel is the caller's business. */
    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public int read(long position, byte[] buf, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(buf, off, len), position);
            }
        };
    }

    /** A source over bytes in memory (a whole file already read, a generated one). */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] buf, int off, int len) {
                if (position >= bytes.length) {
                    return -1;
                }
                final int n = (int) Math.min(len, bytes.length - position);
                System.arraycopy(bytes, (int) position, buf, off, n);
                return n;
            }
        };
    }

    /** Opens {@code file} for reading; close the channel when done. */
    static FileChannel openChannel(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The bytes of a range of a {@link ByteSource}, read ahead in blocks. */
    final class RangeInputStream extends InputStream {
        private static final int BUFFER = 1 << 16;
        private final ByteSource source;
        private final long end;
        private final byte[] buf = new byte[BUFFER];
        private long position;
        private int pos;
        private int limit;

        RangeInputStream(ByteSource source, long start, long end) {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
            }
            this.source = source;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            int want = (int) Math.min(BUFFER, end - position);
            if (want <= 0) {
                return false;
            }
            int n = source.read(position, buf, 0, want);
            if (n <= 0) {
                throw new java.io.EOFException("the file ended at byte " + position + ", before the end of its range at " + end
                        + " (did it shrink while being read?)");
            }
            position += n;
            pos = 0;
            limit = n;
            return true;
        }
    }
}
