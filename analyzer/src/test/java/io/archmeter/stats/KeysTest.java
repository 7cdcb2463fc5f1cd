package io.archmeter.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysTest {

    @Test
    void decimalKeysOrderAsTheirValuesOverEverySign() {
        double[] values = {Double.NEGATIVE_INFINITY, -1e300, -2.5, -0.7312, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 0.5, 0.7, 0.71,
            1e300, Double.POSITIVE_INFINITY};
        for (int i = 1; i < values.length; i++) {
            assertTrue(Keys.ofDouble(values[i - 1]) < Keys.ofDouble(values[i]), values[i - 1] + " < " + values[i]);
        }
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 50_000; i++) {
            double a = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            double b = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            assertEquals(Double.compare(a, b), Long.compare(Keys.ofDouble(a), Keys.ofDouble(b)), a + " vs " + b);
            assertEquals(a, Keys.toDouble(Keys.ofDouble(a)));
        }
    }

    @Test
    void bothZerosHaveOneKeyAndNanHasNone() {
        assertEquals(Keys.ofDouble(0.0), Keys.ofDouble(-0.0));
        assertThrows(IllegalArgumentException.class, () -> Keys.ofDouble(Double.NaN));
    }

    @Test
    void theMissingKeyIsBelowEveryValueKey() {
        assertTrue(Keys.MISSING < Keys.ofDouble(Double.NEGATIVE_INFINITY));
        assertTrue(Keys.MISSING < 0);
    }

    @Test
    void descendingReversesTheOrderAndIsItsOwnInverse() {
        long[] k = {Long.MIN_VALUE + 1, -5, 0, 3, Long.MAX_VALUE};
        long[] d = Arrays.stream(k).map(Keys::descending).toArray();
        for (int i = 1; i < k.length; i++) {
            assertTrue(d[i - 1] > d[i]);
        }
        assertEquals(42, Keys.descending(Keys.descending(42)));
    }

    @Test
    void decimalsOfFifteenDigitsStayDistinctAndOrdered() {
        // neighbouring 15-significant-digit decimals: distinct doubles, in order
        long a = Keys.ofDouble(Double.parseDouble("0.123456789012345"));
        long b = Keys.ofDouble(Double.parseDouble("0.123456789012346"));
        assertTrue(a < b);
    }

    @Test
    void theFastDecimalPathGivesTheDoubleParseDoubleGives() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 50_000; i++) {
            int digits = 1 + r.nextInt(15);
            long m = r.nextLong(1, 1_000_000_000_000_000L) % (long) Math.pow(10, digits);
            String s = Long.toString(m);
            int point = r.nextInt(s.length() + 1);
            String text = (r.nextBoolean() ? "-" : "") + s.substring(0, point) + "." + s.substring(point);
            assertEquals(Keys.ofDouble(Double.parseDouble(text)), ValueColumn.parseDecimal(text), text);
        }
        assertEquals(Keys.ofDouble(0.1), ValueColumn.parseDecimal("0.1"));
        assertEquals(Keys.ofDouble(123456789012345.0), ValueColumn.parseDecimal("123456789012345"));
        assertEquals(Keys.ofDouble(0.1234567890123456), ValueColumn.parseDecimal("0.1234567890123456"));   // 16 digits: slow path
    }

    @Test
    void cellsAreNumbersOnlyWhenWrittenAsNumbers() {
        assertEquals(Keys.ofDouble(0.7312), ValueColumn.parseDecimal(" 0.7312 "));
        assertEquals(Keys.ofDouble(-1.5e-3), ValueColumn.parseDecimal("-1.5e-3"));
        assertEquals(Keys.ofDouble(5), ValueColumn.parseDecimal("5."));
        assertEquals(Keys.ofDouble(0.5), ValueColumn.parseDecimal(".5"));
        for (String notANumber : new String[] {"", "NaN", "Infinity", "0x1p3", "1.5d", "1e", "e5", ".", "-", "1,5", "1e999999999", "1e400"}) {
            assertEquals(Keys.MISSING, ValueColumn.parseDecimal(notANumber), notANumber);
        }
        assertEquals(300_000_000L, ValueColumn.parseInteger("300000000"));
        assertEquals(Keys.MISSING, ValueColumn.parseInteger("3e8"));
        assertEquals(Keys.MISSING, ValueColumn.parseInteger("99999999999999999999999"));
    }
}
