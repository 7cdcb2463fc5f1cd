package io.archmeter.io;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("text of messages: escaped, bounded, counted")
class TextTest {
    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertEquals("'a\\x1b[31mb\\rc\\nd\\te\\x7f\\u009b'", Text.quote("a\u001b[31mb\rc\nd\te\u007f\u009b"));
        assertEquals("'\\u202eevil'", Text.quote("\u202eevil"));
    }

    @Test
    void anEscapedInvalidByteIsShownAsThatByteAndAValidPairAsItIs() {
        assertEquals("'x\\xff😀'", Text.quote("x\uDCFF😀"));
        assertEquals("'\\ud800'", Text.quote("\uD800"));
    }

    @Test
    void longInputsAreCutAndMarked() {
        String s = Text.quote("y".repeat(1_000_000));
        assertEquals(Text.ECHO_LIMIT + 3, s.length());
        assertTrue(s.endsWith("y…'"));
        assertEquals("'ab…'", "'" + Text.escape("abc", 2) + "'");
        // a pair is never cut in two
        assertEquals("a…", Text.escape("a😀", 2));
    }

    @Test
    void countsTakeTheSingularForOneOnly() {
        assertEquals("0 rows", Text.count(0, "row"));
        assertEquals("1 row", Text.count(1, "row"));
        assertEquals("12,345 rows", Text.count(12_345, "row"));
        assertEquals("2 fields", Text.count(2, "field"));
        assertEquals("1 byte", Text.count(1, "byte"));
    }

    @Test
    void longHeadersAreListedInPart() {
        String[] names = new String[50];
        for (int i = 0; i < names.length; i++) {
            names[i] = "c" + i;
        }
        String listed = Text.list(names, 3);
        assertEquals("c0, c1, c2, … (50 in all)", listed);
    }
}
