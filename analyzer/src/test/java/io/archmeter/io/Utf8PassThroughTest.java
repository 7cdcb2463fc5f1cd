package io.archmeter.io;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("UTF-8 that keeps invalid bytes")
class Utf8PassThroughTest {

    /** Decodes and encodes back through buffers of {@code chunk} characters. */
    private static byte[] roundTrip(byte[] bytes, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Reader r = Utf8PassThrough.reader(new ByteArrayInputStream(bytes)); Writer w = Utf8PassThrough.writer(out)) {
            char[] buf = new char[chunk];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                w.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void anyBytesComeBackIdenticalWhateverTheBufferSizes() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // mostly the bytes of multi-byte sequences, to make valid, cut and invalid ones
                bytes[i] = (byte) (random.nextInt(4) == 0 ? 'a' + random.nextInt(26) : 0x80 + random.nextInt(128));
            }
            int chunk = 1 + random.nextInt(7);
            assertArrayEquals(bytes, roundTrip(bytes, chunk), () -> "trial with chunk " + chunk);
        }
    }

    @Test
    void validUtf8DecodesAsJavaDecodesIt() throws IOException {
        String text = "id,arch\nconv 😀 é ∑ \uFFFD\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        try (Reader r = Utf8PassThrough.reader(new ByteArrayInputStream(bytes))) {
            for (int c = r.read(); c >= 0; c = r.read()) {
                sb.append((char) c);
            }
        }
        assertEquals(text, sb.toString());
        assertArrayEquals(bytes, roundTrip(bytes, 1));
    }

    @Test
    void anInvalidByteDecodesToItsEscapeAndAGenuineReplacementCharacterStaysOne() throws IOException {
        byte[] bytes = {'a', (byte) 0xff, (byte) 0xef, (byte) 0xbf, (byte) 0xbd};
        char[] buf = new char[8];
        int n;
        try (Reader r = Utf8PassThrough.reader(new ByteArrayInputStream(bytes))) {
            n = r.read(buf);
        }
        assertEquals("a\uDCFF\uFFFD", new String(buf, 0, n));
        assertEquals(0xff, Utf8PassThrough.escapedByte(buf[1]));
    }

    @Test
    void theBufferedWriterWritesWhatThePlainOneWritesWithAsciiBytesAmongTheCharacters() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        String[] pieces = {"a", "id,arch\n", "é", "\udcff", "\uD83D", "\uDE00", "x".repeat(9000), "\uD83D\uDE00", ",", "\n"};
        for (int trial = 0; trial < 500; trial++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (Writer plain = Utf8PassThrough.writer(expected); Writer buffered = Utf8PassThrough.bufferedWriter(actual)) {
                Utf8PassThrough.AsciiSink sink = (Utf8PassThrough.AsciiSink) buffered;
                for (int k = random.nextInt(40); k > 0; k--) {
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            String p = pieces[random.nextInt(pieces.length)];
                            plain.write(p);
                            buffered.write(p);
                        }
                        case 1 -> {
                            char c = pieces[random.nextInt(pieces.length)].charAt(0);
                            plain.write(c);
                            buffered.write(c);
                        }
                        case 2 -> {
                            byte[] ascii = ("row" + random.nextInt(1000) + ",conv_k3 relu," + "9".repeat(random.nextInt(20000)) + "\n")
                                    .getBytes(StandardCharsets.US_ASCII);
                            plain.write(new String(ascii, StandardCharsets.US_ASCII));
                            sink.writeAscii(ascii, 0, ascii.length);
                        }
                        default -> {
                            plain.flush();
                            buffered.flush();
                            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "after a flush, trial " + trial);
                        }
                    }
                }
            }
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "trial " + trial);
        }
    }

    @Test
    void theBufferedWriterRefusesWritesAfterCloseAsABufferedWriterDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer buffered = Utf8PassThrough.bufferedWriter(out);
        Writer reference = new java.io.BufferedWriter(Writer.nullWriter());
        buffered.write("id,arch\n");
        ((Utf8PassThrough.AsciiSink) buffered).writeAscii(new byte[] {'a', '\n'}, 0, 2);
        buffered.close();
        reference.close();
        buffered.close();
        assertArrayEquals("id,arch\na\n".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
        assertThrows(IOException.class, () -> reference.write("x"));
        assertThrows(IOException.class, () -> buffered.write("x"));
        assertThrows(IOException.class, () -> buffered.write('x'));
        assertThrows(IOException.class, () -> buffered.write(new char[] {'x'}, 0, 1));
        assertThrows(IOException.class, () -> ((Utf8PassThrough.AsciiSink) buffered).writeAscii(new byte[] {'x'}, 0, 1));
        assertThrows(IOException.class, buffered::flush);
        assertArrayEquals("id,arch\na\n".getBytes(StandardCharsets.US_ASCII), out.toByteArray());
    }

    @Test
    void aSurrogatePairSplitAcrossTwoWritesIsEncodedWhole() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = Utf8PassThrough.writer(out)) {
            w.write("x\uD83D");
            w.write("\uDE00y");
        }
        assertArrayEquals("x😀y".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void aReadReturnsWhatIsAvailableWithoutWaitingForMore() throws IOException {
        // a stream that has 5 bytes now and would block after them, like a pipe from a coprocess
        InputStream pipe = new InputStream() {
            private final byte[] now = "1,ab\n".getBytes(StandardCharsets.US_ASCII);
            private int pos;

            @Override
            public int read() {
                throw new AssertionError("single-byte reads are not used");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == now.length) {
                    throw new AssertionError("blocked: read again although characters were ready");
                }
                int n = Math.min(len, now.length - pos);
                System.arraycopy(now, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return now.length - pos;
            }
        };
        char[] buf = new char[100];
        assertEquals(5, Utf8PassThrough.reader(pipe).read(buf));
    }
}
