package io.archmeter.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "600, 600", "5K, 5000", "600M, 600000000", "2G, 2000000000",
        "1Ki, 1024", "3Mi, 3145728", "1Gi, 1073741824",
        "512B, 512", "320KB, 320000", "2MB, 2000000", "1GB, 1000000000",
        "320KiB, 327680", "1MiB, 1048576", "2GiB, 2147483648",
        "1.5M, 1500000", "0.1K, 100", "0.7, 0.7", "1e3, 1000", "16k, 16000", "4mib, 4194304"})
    void suffixesMultiplyExactly(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(Quantity.parse(text, true)), text);
    }

    @Test
    void byteSuffixOnACountIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("320KiB", false));
        assertTrue(e.getMessage().contains("byte"), e.getMessage());
    }

    @Test
    void unknownSuffixIsAnErrorListingTheSuffixes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("3T", true));
        assertTrue(e.getMessage().contains("Ki"), e.getMessage());
    }

    @Test
    void textThatIsNoNumberIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("lots", true));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("", true));
    }

    @Test
    void numbersAreBoundedInLengthAndMagnitudeAndCheckedCheaply() {
        assertEquals(0, new BigDecimal("0.7").compareTo(Quantity.bounded(" 0.7 ")));
        assertEquals(0, new BigDecimal("1e1000").compareTo(Quantity.bounded("1e1000")));
        assertEquals(0, new BigDecimal("1e-1000").compareTo(Quantity.bounded("1e-1000")));
        assertEquals(0, BigDecimal.ZERO.compareTo(Quantity.bounded("0e-99999999")));
        assertEquals(null, Quantity.bounded("1e1001"));
        assertEquals(null, Quantity.bounded("1e-99999999"));
        assertEquals(null, Quantity.bounded("1".repeat(65)));
        assertEquals(null, Quantity.bounded("n/a"));
        assertEquals("is a number beyond 1e1000 or below 1e-1000 in magnitude", Quantity.whyNotBounded("1e-99999999"));
        assertEquals("is not a number of at most 64 characters", Quantity.whyNotBounded("9".repeat(1_000_000)));
        assertEquals("is not a number", Quantity.whyNotBounded("n/a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1e999999999", false));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }
}
