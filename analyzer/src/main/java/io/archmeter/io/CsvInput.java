package io.archmeter.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input of {@code filter}, from its name to characters: the one place where input bytes
 * become text. {@code -} is stdin, anything else a file.
 *
 * <pre>
 *   file or stdin ─▶ counted bytes ─▶ gunzip if the data starts with 1f 8b ─▶ UTF-8, invalid bytes kept ─▶ Reader
 *   (errors name the input)   (MB/s)     ({@link GzipMembersInputStream}: strict)     ({@link Utf8PassThrough})
 * </pre>
 *
 * Compression is told by the data, not the name: gzip data in {@code runs.csv}, or piped to
 * stdin, is read as gzip; a plain CSV named {@code .gz} is read as it is. {@link CsvChunkReader}
 * then turns the characters into chunks of rows (and drops a byte-order mark).
 *
 * <pre>{@code
 * try (CsvInput in = CsvInput.open("candidates.csv.gz")) {
 *     FilterStats s = pipeline.run(in.reader(), out, rejects);
 *     long compressedBytes = in.bytesRead();
 * }
 * }</pre>
 */
public final class CsvInput implements Closeable {
    /** The name of stdin and stdout. */
    public static final String STD = "-";
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final CountingInputStream counted;
    private final boolean compressed;
    private final Reader reader;
    /** The regular file read, or null (stdin, a device, a pipe). */
    private final Path file;
    private FileChannel channel;

    private CsvInput(String name, CountingInputStream counted, boolean compressed, Reader reader, Path file) {
        this.name = name;
        this.counted = counted;
        this.compressed = compressed;
        this.reader = reader;
        this.file = file;
    }

    /**
     * Opens input {@code name} and looks at its first bytes.
     *
     * @throws InputFailedException if it does not exist, is a directory or cannot be read
     */
    public static CsvInput open(String name) throws IOException {
        InputStream raw;
        Path file = null;
        if (STD.equals(name)) {
            raw = new FilterInputStream(StdStreams.in()) {
                @Override
                public void close() {
                    // stdin belongs to the process
                }
            };
        } else {
            Path p;
            try {
                p = Path.of(name);
            } catch (java.nio.file.InvalidPathException e) {
                throw new InputFailedException(name, "not a valid path (" + Text.escape(String.valueOf(e.getReason()), Text.ECHO_LIMIT) + ")");
            }
            if (Files.isDirectory(p)) {
                throw new InputFailedException(name, "Is a directory");
            }
            try {
                raw = Files.newInputStream(p);
            } catch (IOException e) {
                throw new InputFailedException(name, e, true);
            }
            file = Files.isRegularFile(p) ? p : null;
        }
        CountingInputStream counted = new CountingInputStream(new CheckedInputStream(raw, name));
        BufferedInputStream bytes = new BufferedInputStream(counted, BUFFER);
        boolean gzip = startsWithGzipMagic(bytes);
        InputStream text = gzip ? new GzipMembersInputStream(bytes, name) : bytes;
        return new CsvInput(name, counted, gzip, Utf8PassThrough.reader(text), file);
    }

    /**
     * The characters of a whole input that comes from elsewhere (a Hadoop file in the Spark module),
     * decoded exactly as {@link #open} decodes a file: gzip by its first bytes, read strictly, and
     * UTF-8 with invalid bytes kept. {@code name} names the input in errors. Closing the reader
     * closes {@code in}.
     */
    public static Reader decode(InputStream in, String name) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in, BUFFER);
        InputStream text = startsWithGzipMagic(bytes) ? new GzipMembersInputStream(bytes, name) : bytes;
        return Utf8PassThrough.reader(text);
    }

    /** True if {@code source} starts with gzip's magic bytes (then it is read whole, never in byte ranges). */
    public static boolean isGzip(ByteSource source) throws IOException {
        byte[] b = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = source.read(n, b, n, 2 - n);
            if (r <= 0) {
                return false;
            }
            n += r;
        }
        return (b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b;
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = a < 0 ? -1 : in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    /** The characters of the input (decompressed and decoded). */
    public Reader reader() {
        return reader;
    }

    /** Bytes read so far from the file or stdin (compressed bytes for gzip data); may be read from any thread. */
    public long bytesRead() {
        return counted.count();
    }

    /** True if the input is gzip data. */
    public boolean compressed() {
        return compressed;
    }

    /**
     * The input as bytes read at any position, for {@link FilterPipeline#prepare(ByteSource, int)},
     * or null if it cannot be split into byte ranges: stdin, a pipe or a device, gzip data. Its
     * reads name the input when they fail, as {@link #reader()}'s do; it is closed with this input.
     */
    public ByteSource splittable() throws IOException {
        if (file == null || compressed) {
            return null;
        }
        if (channel == null) {
            try {
                channel = ByteSource.openChannel(file);
            } catch (IOException e) {
                throw new InputFailedException(name, e, true);
            }
        }
        ByteSource plain = ByteSource.of(channel);
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                try {
                    return plain.size();
                } catch (IOException e) {
                    throw new InputFailedException(name, e, false);
                }
            }

            @Override
            public int read(long position, byte[] buf, int off, int len) throws IOException {
                try {
                    return plain.read(position, buf, off, len);
                } catch (IOException e) {
                    throw new InputFailedException(name, e, false);
                }
            }
        };
    }

    /** The name given, {@code -} for stdin. */
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Names the input in every read failure. */
    private static final class CheckedInputStream extends FilterInputStream {
        private final String name;

        CheckedInputStream(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new InputFailedException(name, e, false);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new InputFailedException(name, e, false);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
