package io.archmeter.io;

import io.archmeter.engine.Metric;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintTest {

    @Test
    void metricNameGivesAMetricConstraintWithALongLimit() {
        Constraint c = Constraint.max("macs=600M");
        assertEquals(Metric.MACS, c.metric());
        assertEquals(600_000_000L, c.longLimit());
        assertTrue(c.accepts(600_000_000L));
        assertFalse(c.accepts(600_000_001L));
    }

    @Test
    void minIsInclusive() {
        Constraint c = Constraint.min("rf=224");
        assertTrue(c.accepts(224L));
        assertFalse(c.accepts(223L));
    }

    @Test
    void otherNamesAreInputColumnsComparedExactly() {
        Constraint c = Constraint.min("acc=0.7");
        assertNull(c.metric());
        assertTrue(c.accepts(new BigDecimal("0.70000")));
        assertFalse(c.accepts(new BigDecimal("0.6999999999999999999")));
    }

    @Test
    void fractionalMetricLimitIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constraint.max("macs=1.5"));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        assertEquals(1_500_000L, Constraint.max("macs=1.5M").longLimit());
    }

    @Test
    void byteSuffixesApplyOnlyToByteMetrics() {
        assertEquals(327_680L, Constraint.max("act_peak_bytes=320KiB").longLimit());
        assertThrows(IllegalArgumentException.class, () -> Constraint.max("params=5MB"));
    }

    @Test
    void outShapeCannotBeConstrained() {
        assertThrows(IllegalArgumentException.class, () -> Constraint.max("out_shape=7"));
    }

    @Test
    void printsWithTheLargestExactSuffix() {
        assertEquals("--max macs=600M", Constraint.max("macs=600000000").toString());
        assertEquals("--max act_peak_bytes=320KiB", Constraint.max("act_peak_bytes=327680").toString());
        assertEquals("--max params=1536Ki", Constraint.max("params=1.5Mi").toString());
        assertEquals("--min rf=224", Constraint.min("rf=224").toString());
        assertEquals("--min acc=0.7", Constraint.min("acc=0.70").toString());
    }

    @Test
    void missingEqualsSignIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constraint.max("macs600M"));
        assertTrue(e.getMessage().contains("NAME=VALUE"), e.getMessage());
    }

    @Test
    void aLibraryLimitBeyondTheParsersBoundsPrintsShortAndFast() {
        Constraint tiny = new Constraint("acc", Constraint.Bound.MIN, new java.math.BigDecimal("1e-99999999"), null);
        assertEquals("--min acc=1E-99999999", tiny.toString());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new Constraint("macs", Constraint.Bound.MAX, new java.math.BigDecimal("1e999999999"), io.archmeter.engine.Metric.MACS));
        assertTrue(huge.getMessage().contains("out of range"), huge.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> new Constraint("macs", Constraint.Bound.MAX, new java.math.BigDecimal("1e-99999999"), io.archmeter.engine.Metric.MACS));
        assertTrue(fraction.getMessage().contains("whole number (it is 1E-99999999)"), fraction.getMessage());
    }
}
