package io.archmeter.io;

import io.archmeter.gen.CandidateGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded candidate CSV with everything a filter must pass through or reject, for the tests that
 * compare two ways of filtering the same file (threads, Spark): header {@code id,arch,input,acc,note};
 * generated architectures of 6 to 20 layers and some that do not parse or have invalid shapes;
 * input cells empty, {@code 32x32x3} or malformed; accuracies and a few non-numbers; notes with
 * commas, doubled quotes, line breaks (LF and CRLF) and non-ASCII characters; LF or CRLF line
 * ends, an empty line now and then, a byte-order mark for some seeds.
 */
public final class MixedCsv {
    private MixedCsv() {
    }

    /** The file's text. */
    public static String text(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        CandidateGenerator gen = new CandidateGenerator(seed);
        String eol = seed % 3 == 0 ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(rows * 160);
        if (seed % 4 == 1) {
            sb.append('\uFEFF');
        }
        sb.append("id,arch,input,acc,note").append(eol);
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(50) == 0) {
                sb.append(eol);
            }
            sb.append(i).append(',').append(arch(r, gen)).append(',').append(input(r)).append(',').append(acc(r)).append(',')
                    .append(note(r, eol)).append(eol);
        }
        return sb.toString();
    }

    /**
     * A file of mostly simple rows (ASCII, no quotes: what the byte-range workers read without a
     * CSV parser), with cells the CSV printer quotes (empty first, leading space or {@code #},
     * trailing space), blank lines, CRLF for some seeds, a last row without a line end for odd
     * seeds, and about one row in {@code quotedOneIn} with a quoted multi-line note or a non-ASCII one.
     */
    public static String mostlySimple(long seed, int rows, int quotedOneIn) {
        SplittableRandom r = new SplittableRandom(seed);
        CandidateGenerator gen = new CandidateGenerator(seed);
        String eol = seed % 3 == 0 ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(rows * 160);
        sb.append("id,arch,input,acc,note").append(eol);
        String[] notes = {"run7", "", " leading", "trailing ", "#tag", "!", "a;b", "x\ty", "tab\t"};
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(50) == 0) {
                sb.append(eol);
            }
            String id = r.nextInt(40) == 0 ? (r.nextBoolean() ? "" : " " + i) : Integer.toString(i);
            String arch = r.nextInt(30) == 0 ? "conv_k3_zz2 relu" : gen.next(6 + r.nextInt(15));
            String note = r.nextInt(quotedOneIn) == 0 ? (r.nextBoolean() ? "\"two" + eol + "lines\"" : "épreuve")
                    : notes[r.nextInt(notes.length)];
            sb.append(id).append(',').append(arch).append(',').append(input(r)).append(',').append(acc(r)).append(',').append(note);
            if (i < rows - 1 || seed % 2 == 0) {
                sb.append(eol);
            }
        }
        return sb.toString();
    }

    /** Writes the file. */
    public static Path write(Path file, long seed, int rows) throws IOException {
        return Files.writeString(file, text(seed, rows), StandardCharsets.UTF_8);
    }

    private static String arch(SplittableRandom r, CandidateGenerator gen) {
        int k = r.nextInt(40);
        if (k == 0) {
            return "conv_k3_zz2 relu";
        }
        if (k == 1) {
            return "conv_k300_p0_c8 gap";
        }
        if (k == 2) {
            return "\"conv_k3_c16\nbn\"";
        }
        String arch = gen.next(6 + r.nextInt(15));
        return k == 3 ? "\"" + arch + "\"" : arch;
    }

    private static String input(SplittableRandom r) {
        int k = r.nextInt(20);
        return k < 14 ? "" : k < 19 ? "32x32x3" : "32x32";
    }

    private static String acc(SplittableRandom r) {
        return r.nextInt(60) == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", 0.5 + 0.45 * r.nextDouble());
    }

    private static String note(SplittableRandom r, String eol) {
        switch (r.nextInt(8)) {
            case 0: return "\"tried twice, \"\"best\"\" so far\"";
            case 1: return "\"two" + eol + "lines\"";
            case 2: return "\"mixed\r\nand\nbreaks\"";
            case 3: return "épreuve ∑";
            case 4: return "";
            default: return "run" + r.nextInt(100);
        }
    }
}
