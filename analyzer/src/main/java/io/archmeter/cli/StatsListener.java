package io.archmeter.cli;

import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterStats;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code stats} and {@code report} say on stderr while scoring: the first rejects with their
 * reasons, and a progress line every few seconds on long runs.
 */
final class StatsListener implements FilterListener {
    static final int ECHOED_REJECTS = 5;
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final String rejectsName;
    private int echoed;
    private long lastProgress = System.nanoTime();

    /** @param rejectsName the rejects file, or null if the rejects are only counted */
    StatsListener(PrintWriter err, boolean quiet, String rejectsName) {
        this.err = err;
        this.quiet = quiet;
        this.rejectsName = rejectsName;
    }

    @Override
    public void rejected(long line, String reason) {
        if (quiet || echoed >= ECHOED_REJECTS) {
            return;
        }
        err.println("rejected line " + line + ": " + reason);
        if (++echoed == ECHOED_REJECTS) {
            err.println(rejectsName != null ? "(further rejects are only written to " + rejectsName + ")"
                    : "(further rejects are only counted; --rejects PATH writes them all)");
        }
        err.flush();
    }

    @Override
    public void progress(FilterStats soFar) {
        long now = System.nanoTime();
        if (quiet || now - lastProgress < INTERVAL_NANOS) {
            return;
        }
        lastProgress = now;
        err.println(String.format(Locale.ROOT, "scoring: %,d rows read, %,d rejected, %,.0f rows/s", soFar.rowsRead(), soFar.rejected(),
                soFar.rowsPerSecond()));
        err.flush();
    }
}
