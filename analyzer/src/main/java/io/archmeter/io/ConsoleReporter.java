package io.archmeter.io;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What {@code archmeter filter} tells the user on stderr while and after it runs:
 * <ul>
 *   <li>the first {@value #ECHOED_REJECTS} reject reasons, as they happen (all of them are in the rejects file);</li>
 *   <li>progress: on a terminal one line rewritten in place ({@code \r}) at most twice a second,
 *       otherwise (a log, a pipe) a line every {@value #PLAIN_INTERVAL_SECONDS} s;</li>
 *   <li>the summary: the reconciliation {@code read = kept + filtered out + rejected}, the rows
 *       each constraint removed, elapsed time, rows/s and MB/s.</li>
 * </ul>
 * {@code quiet} silences all three; errors are reported by the command regardless.
 *
 * <pre>
 * filter: 3,000 rows read = 1,411 kept + 1,580 filtered out + 9 rejected (rejects: kept.rejects.csv)
 *   removed by each constraint (a row failing several constraints counts against each):
 *     --max macs=600000000   1498
 *     --min acc=0.7           210
 *   0.21 s: 14,285 rows/s, 3.2 MB/s (675,012 bytes read)
 * </pre>
 */
public final class ConsoleReporter implements FilterListener {
    public static final int ECHOED_REJECTS = 5;
    static final int PLAIN_INTERVAL_SECONDS = 5;
    private static final long CONSOLE_INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean console;
    private final LongSupplier bytesRead;
    private final String rejectsName;
    private final long intervalNanos;
    /** "filter", or "generate" for the rows of {@code generate SPACE --score} (which reads no bytes). */
    private String command = "filter";
    private long lastProgress = System.nanoTime();
    private boolean progressLineOpen;
    private int echoed;

    /**
     * @param err         where to write (stderr)
     * @param quiet       write nothing
     * @param console     stderr is a terminal: rewrite one progress line in place
     * @param bytesRead   bytes read so far, for MB/s
     * @param rejectsName the rejects file, named in the messages, or null if rejected rows are not
     *                    written (output to stdout or a device without --rejects)
     */
    public ConsoleReporter(PrintWriter err, boolean quiet, boolean console, LongSupplier bytesRead, String rejectsName) {
        this.err = err;
        this.quiet = quiet;
        this.console = console;
        this.bytesRead = bytesRead;
        this.rejectsName = rejectsName;
        this.intervalNanos = console ? CONSOLE_INTERVAL_NANOS : PLAIN_INTERVAL_SECONDS * 1_000_000_000L;
    }

    @Override
    public void rejected(long line, String reason) {
        if (quiet || echoed >= ECHOED_REJECTS) {
            return;
        }
        endProgressLine();
        err.println("rejected line " + line + ": " + reason);
        if (++echoed == ECHOED_REJECTS) {
            err.println(rejectsName != null ? "(further rejects are only written to " + rejectsName + ")"
                    : "(further rejects are only counted: " + NOT_WRITTEN + ")");
        }
        err.flush();
    }

    /** This reporter, speaking for {@code command} ("generate": candidates made, no bytes read). */
    public ConsoleReporter command(String name) {
        this.command = name;
        return this;
    }

    @Override
    public void progress(FilterStats soFar) {
        long now = System.nanoTime();
        if (quiet || now - lastProgress < intervalNanos) {
            return;
        }
        lastProgress = now;
        final double mbs = soFar.withBytesRead(bytesRead.getAsLong()).megabytesPerSecond();
        String line = String.format(Locale.ROOT, "%s: %s%s, %,d kept, %,d rejected, %,.0f rows/s", command,
                Text.count(soFar.rowsRead(), "row"), command.equals("filter") ? " read" : "", soFar.kept(), soFar.rejected(),
                soFar.rowsPerSecond())
                + (mbs < 0 ? "" : String.format(Locale.ROOT, ", %.1f MB/s", mbs));
        if (console) {
            err.print("\r" + line);
            progressLineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Writes the summary of a finished run (with its bytes known). */
    public void summary(FilterStats s, boolean compressed) {
        if (quiet) {
            return;
        }
        endProgressLine();
        err.println(command.equals("filter") ? summaryText(s, compressed, rejectsName)
                : command + summaryText(s, compressed, rejectsName).substring("filter".length()).replaceFirst(" read =", " ="));
        err.flush();
    }

    /** What the summary says when rejected rows go nowhere. */
    static final String NOT_WRITTEN = "not written: the output is not a file; give --rejects FILE to keep them";

    /**
     * The summary as text, several lines without a final line break.
     *
     * @param rejectsName where the rejected rows went, or null if nowhere
     */
    public static String summaryText(FilterStats s, boolean compressed, String rejectsName) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "filter: %s read = %,d kept + %,d filtered out + %,d rejected",
                Text.count(s.rowsRead(), "row"), s.kept(), s.filteredOut(), s.rejected()));
        if (s.rejected() > 0) {
            sb.append(rejectsName != null ? " (rejects: " + rejectsName + ")" : " (rejects " + NOT_WRITTEN + ")");
        }
        if (!s.constraints().isEmpty()) {
            sb.append("\n  removed by each constraint (a row failing several constraints counts against each):");
            int width = 0;
            for (Constraint c : s.constraints()) {
                width = Math.max(width, c.toString().length());
            }
            for (int i = 0; i < s.constraints().size(); i++) {
                sb.append(String.format(Locale.ROOT, "\n    %-" + width + "s  %,d", s.constraints().get(i), s.removedBy(i)));
            }
        }
        sb.append(String.format(Locale.ROOT, "\n  %.2f s: %,.0f rows/s", s.elapsedSeconds(), s.rowsPerSecond()));
        if (s.bytesRead() >= 0) {
            sb.append(String.format(Locale.ROOT, ", %.1f MB/s (%s read%s)", s.megabytesPerSecond(), Text.count(s.bytesRead(), "byte"),
                    compressed ? ", compressed" : ""));
        }
        return sb.toString();
    }

    private void endProgressLine() {
        if (progressLineOpen) {
            err.println();
            progressLineOpen = false;
        }
    }
}
