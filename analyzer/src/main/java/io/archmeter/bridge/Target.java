package io.archmeter.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * Where one batch call writes: rows {@code [first, first + n)} of a caller's column-major arrays of
 * {@code total} rows, column k of row r at long {@code k·total + r} of {@code out}, the row's
 * {@link RowStatus} at byte r of {@code status}. Rows of the call are numbered from 0; a large
 * batch arrives in several calls, each filling its own range.
 */
final class Target {
    private final LongBuffer out;
    private final ByteBuffer status;
    private final int first;
    private final int total;

    /**
     * @throws IllegalArgumentException if the range does not fit in {@code total} rows or a buffer is too small
     */
    Target(ByteBuffer out, ByteBuffer status, int first, int n, int total) {
        if (first < 0 || n < 0 || total < 0 || (long) first + n > total) {
            throw new IllegalArgumentException("rows " + first + " to " + ((long) first + n) + " do not fit in " + total + " rows");
        }
        long need = (long) total * Columns.COUNT * Long.BYTES;
        if (out.capacity() < need) {
            throw new IllegalArgumentException("the output buffer holds " + out.capacity() + " bytes; " + need + " needed for "
                    + total + " rows of " + Columns.COUNT + " columns");
        }
        if (status.capacity() < total) {
            throw new IllegalArgumentException("the status buffer holds " + status.capacity() + " bytes; " + total + " needed");
        }
        this.out = out.duplicate().order(ByteOrder.nativeOrder()).asLongBuffer();
        this.status = status.duplicate();
        this.first = first;
        this.total = total;
    }

    private Target(Target t) {
        this.out = t.out.duplicate();
        this.status = t.status.duplicate();
        this.first = t.first;
        this.total = t.total;
    }

    /** A target over the same memory with its own buffer objects, for another thread. */
    Target view() {
        return new Target(this);
    }

    /** Column {@code k} of rows {@code [i, i + n)} of the call, from {@code values[0, n)}: one copy. */
    void putColumn(int k, int i, long[] values, int n) {
        out.put(k * total + first + i, values, 0, n);
    }

    /** The {@link RowStatus}es of rows {@code [i, i + n)} of the call, from {@code codes[0, n)}. */
    void statuses(int i, byte[] codes, int n) {
        status.put(first + i, codes, 0, n);
    }
}
