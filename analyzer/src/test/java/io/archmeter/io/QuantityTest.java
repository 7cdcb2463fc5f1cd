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
}
