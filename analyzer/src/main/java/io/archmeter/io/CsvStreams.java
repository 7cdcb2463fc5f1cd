package io.archmeter.io;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the streams of the command line by name: {@code -} is stdin or stdout, a name ending in
 * {@code .gz} is gzip-compressed, anything else a plain file; all text is UTF-8.
 *
 * <pre>{@code
 * CountingInputStream bytes = CsvStreams.openCounted("candidates.csv.gz");   // counts compressed bytes
 * try (Reader in = CsvStreams.reader("candidates.csv.gz", bytes);
 *      Writer out = CsvStreams.writer("kept.csv.gz")) { ... }
 * }</pre>
 */
public final class CsvStreams {
    /** The name of stdin and stdout. */
    public static final String STD = "-";
    private static final int BUFFER = 1 << 16;

    private CsvStreams() {
    }

    /** The raw bytes of {@code name} (stdin for {@code -}), counted; not yet decompressed. */
    public static CountingInputStream openCounted(String name) throws IOException {
        InputStream raw;
        try {
            raw = STD.equals(name) ? nonClosing(System.in) : Files.newInputStream(Path.of(name));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.io.FileNotFoundException("cannot read " + name + ": no such file");
        }
        return new CountingInputStream(new BufferedInputStream(raw, BUFFER));
    }

    /** A UTF-8 reader of {@code bytes}, gunzipped if {@code name} ends in {@code .gz}. */
    public static Reader reader(String name, InputStream bytes) throws IOException {
        InputStream in = isGzip(name) ? new BufferedInputStream(new GZIPInputStream(bytes, BUFFER), BUFFER) : bytes;
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * A buffered UTF-8 writer to {@code name} (stdout for {@code -}, which closing the writer
     * flushes but leaves open), gzipped if the name ends in {@code .gz}.
     */
    public static Writer writer(String name) throws IOException {
        OutputStream raw = STD.equals(name) ? nonClosing(System.out) : Files.newOutputStream(Path.of(name));
        OutputStream out = isGzip(name) ? new GZIPOutputStream(raw, BUFFER) : raw;
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
    }

    public static boolean isGzip(String name) {
        return name.endsWith(".gz");
    }

    /**
     * The default rejects file for output {@code output}: next to it, {@code .csv} or
     * {@code .csv.gz} replaced by {@code .rejects.csv} ({@code kept.csv.gz} → {@code kept.rejects.csv});
     * for stdout, {@code rejects.csv} in the current directory.
     */
    public static String defaultRejects(String output) {
        if (STD.equals(output)) {
            return "rejects.csv";
        }
        String base = output;
        for (String suffix : new String[] {".csv.gz", ".gz", ".csv"}) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        return base + ".rejects.csv";
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // stdin belongs to the process
            }
        };
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                // stdout belongs to the process: flush, do not close
                flush();
            }
        };
    }
}
