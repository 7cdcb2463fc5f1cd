package io.archmeter.io;

/** Bytes in memory ({@link ByteSource#of}) read short now and then, on purpose: callers of {@link ByteSource#read} must loop. */
final class ShortReads {
    private ShortReads() {
    }

    /** A read that starts at a multiple of {@code every} returns at most {@code most} bytes. */
    static ByteSource of(byte[] bytes, int every, int most) {
        final ByteSource whole = ByteSource.of(bytes);
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long position, byte[] buf, int off, int len) throws java.io.IOException {
                return whole.read(position, buf, off, position % every == 0 ? Math.min(len, most) : len);
            }
        };
    }
}
