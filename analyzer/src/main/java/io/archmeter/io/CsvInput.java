package io.archmeter.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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

    private CsvInput(String name, CountingInputStream counted, boolean compressed, Reader reader) {
        this.name = name;
        this.counted = counted;
        this.compressed = compressed;
        this.reader = reader;
    }

    /**
     * Opens input {@code name} and looks at its first bytes.
     *
     * @throws InputFailedException if it does not exist, is a directory or cannot be read
     */
    public static CsvInput open(String name) throws IOException {
        InputStream raw;
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
        }
        CountingInputStream counted = new CountingInputStream(new CheckedInputStream(raw, name));
        BufferedInputStream bytes = new BufferedInputStream(counted, BUFFER);
        boolean gzip = startsWithGzipMagic(bytes);
        InputStream text = gzip ? new GzipMembersInputStream(bytes, name) : bytes;
        return new CsvInput(name, counted, gzip, Utf8PassThrough.reader(text));
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

    /** The name given, {@code -} for stdin. */
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        reader.close();
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
