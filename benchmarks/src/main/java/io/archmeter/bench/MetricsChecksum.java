package io.archmeter.bench;

import io.archmeter.bench.baseline.ObjectMetrics;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.MetricRecord;

import java.util.List;

/**
 * A 64-bit polynomial hash of every field of every metric record, in candidate order. Two
 * implementations that agree on every number of every candidate have the same checksum; the
 * tests use it to prove that a benchmark measured the right work, and that the engine, the
 * structure-of-arrays variant and the object baseline compute the same thing.
 */
public final class MetricsChecksum {
    private long hash = 17;

    /** Adds {@code count} records of {@code values} starting at record {@code from}. */
    public MetricsChecksum add(long[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            int o = MetricRecord.offset(i);
            for (int f = 0; f < MetricRecord.LENGTH; f++) {
                hash = hash * 31 + values[o + f];
            }
        }
        return this;
    }

    /** Adds every candidate of {@code results}. */
    public MetricsChecksum add(BatchResults results) {
        return add(results.values(), 0, results.size());
    }

    /** Adds one object-baseline result. */
    public MetricsChecksum add(ObjectMetrics metrics) {
        return add(metrics.toRecord(), 0, 1);
    }

    public long value() {
        return hash;
    }

    public static long of(BatchResults... results) {
        MetricsChecksum c = new MetricsChecksum();
        for (BatchResults r : results) {
            c.add(r);
        }
        return c.value();
    }

    public static long of(List<ObjectMetrics> metrics) {
        MetricsChecksum c = new MetricsChecksum();
        metrics.forEach(c::add);
        return c.value();
    }
}
