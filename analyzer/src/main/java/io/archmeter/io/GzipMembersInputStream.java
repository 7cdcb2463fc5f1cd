package io.archmeter.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip data (RFC 1952) strictly: every member in turn (as {@code gzip -d} reads
 * {@code cat a.gz b.gz}), each checked against its CRC-32 and length, and <b>nothing but gzip
 * members</b>: bytes after the last member that are not another member are an error, where
 * {@link java.util.zip.GZIPInputStream} ignores them without a word, and so does data cut short.
 *
 * <pre>
 *   member:  1f 8b 08 FLG MTIME(4) XFL OS [EXTRA] [NAME\0] [COMMENT\0] [HCRC(2)]  deflate…  CRC32(4) ISIZE(4)
 *   stream:  member member … EOF
 * </pre>
 *
 * Errors are {@link CorruptInputException}s naming the input and the compressed byte offset.
 */
final class GzipMembersInputStream extends InputStream {
    private static final int BUFFER = 1 << 16;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final String name;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    /** Compressed bytes consumed before buf[0]. */
    private long base;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberBytes;
    private boolean inMember;
    private boolean end;

    GzipMembersInputStream(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!end) {
            if (!inMember) {
                readHeader();
                inMember = true;
            }
            int n = inflate(b, off, len);
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                readTrailer();
                inMember = false;
                end = !nextMemberFollows();
            }
            if (n > 0) {
                return n;
            }
        }
        return -1;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = inflater.inflate(b, off, len);
                if (n > 0 || inflater.finished()) {
                    crc.update(b, off, n);
                    memberBytes += n;
                    return n;
                }
            } catch (DataFormatException e) {
                throw corrupt("invalid deflate data (" + e.getMessage() + ")");
            }
            if (inflater.needsDictionary()) {
                throw corrupt("the deflate data asks for a preset dictionary, which gzip does not have");
            }
            if (inflater.needsInput()) {
                if (!fill()) {
                    throw corrupt("unexpected end of the data (the file is cut short)");
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
        }
    }

    private void readHeader() throws IOException {
        if (byteOrEof() != 0x1f || byteOrEof() != 0x8b) {
            throw corrupt("not gzip data (it does not start with 1f 8b)");
        }
        int method = byteOrEof();
        if (method != 8) {
            throw corrupt("unknown compression method " + method + " (gzip has only 8, deflate)");
        }
        int flags = byteOrEof();
        if ((flags & 0xe0) != 0) {
            throw corrupt("reserved header flags set (0x" + Integer.toHexString(flags) + ")");
        }
        skip(6);    // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            skip(byteOrEof() | byteOrEof() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inflater.setInput(buf, pos, lim - pos);
        pos = lim;
    }

    private void readTrailer() throws IOException {
        long storedCrc = uint32();
        long storedSize = uint32();
        if (storedCrc != crc.getValue()) {
            throw corrupt("CRC-32 mismatch (stored " + Long.toHexString(storedCrc) + ", data " + Long.toHexString(crc.getValue()) + ")");
        }
        if (storedSize != (memberBytes & 0xffffffffL)) {
            throw corrupt("length mismatch (stored " + storedSize + ", data " + (memberBytes & 0xffffffffL) + " mod 2^32)");
        }
    }

    /** After a member: true if another starts here, false at the end of the input; anything else is an error. */
    private boolean nextMemberFollows() throws IOException {
        if (pos == lim && !fill()) {
            return false;
        }
        int first = buf[pos] & 0xff;
        int second = pos + 1 < lim ? buf[pos + 1] & 0xff : peekSecond();
        if (first == 0x1f && second == 0x8b) {
            return true;
        }
        throw corrupt("trailing data after the gzip data (bytes " + String.format(java.util.Locale.ROOT, "%02x", first)
                + (second >= 0 ? String.format(java.util.Locale.ROOT, " %02x", second) : "") + "…): not a gzip member");
    }

    /** The byte after buf[pos] when it is the last one buffered: reads more, keeping buf[pos]. */
    private int peekSecond() throws IOException {
        base += pos;
        buf[0] = buf[pos];
        pos = 0;
        lim = 1;
        int n = in.read(buf, 1, buf.length - 1);
        if (n > 0) {
            lim += n;
            return buf[1] & 0xff;
        }
        return -1;
    }

    /** Refills the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        base += lim;
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        lim = n;
        return true;
    }

    private int byteOrEof() throws IOException {
        if (pos == lim && !fill()) {
            throw corrupt("unexpected end of the data in a gzip header or trailer");
        }
        return buf[pos++] & 0xff;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            byteOrEof();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (byteOrEof() != 0) {
            // a name or comment
        }
    }

    private long uint32() throws IOException {
        return byteOrEof() | (long) byteOrEof() << 8 | (long) byteOrEof() << 16 | (long) byteOrEof() << 24;
    }

    private CorruptInputException corrupt(String problem) {
        long offset = base + (inMember && !inflater.finished() ? lim - inflater.getRemaining() : pos);
        return new CorruptInputException(name, offset, problem);
    }

    @Override
    public int available() throws IOException {
        return end ? 0 : Math.max(0, Math.min(1, in.available() + (lim - pos) + inflater.getRemaining()));
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
