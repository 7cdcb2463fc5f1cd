package io.archmeter.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("human units and shares")
class FormattingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0", "999|999", "1000|1.00 K", "9412|9.41 K", "118013952|118 M", "1814073344|1.81 G", "999500|1.00 M",
        "999499|999 K", "11689512|11.7 M", "60965224|61.0 M", "9223372036854775807|9.22 E"})
    void countsUseDecimalUnitsWithThreeSignificantDigits(long v, String expected) {
        assertEquals(expected, Formatting.human(v));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0 B", "1023|1023 B", "1024|1.00 KiB", "618348|604 KiB", "1161600|1.11 MiB", "3211264|3.06 MiB",
        "3145728|3.00 MiB", "1048064|1020 KiB", "1073741824|1.00 GiB"})
    void bytesUseBinaryUnitsWithThreeSignificantDigits(long v, String expected) {
        assertEquals(expected, Formatting.bytes(v));
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "105415200|724406816|14.6%", "34944|60965224|0.1%", "128|11689512|<0.1%", "0|100|--", "5|0|--", "7|7|100.0%"})
    void sharesArePercentWithOneDecimal(long part, long total, String expected) {
        assertEquals(expected, Formatting.share(part, total));
    }
}
