package io.archmeter.spaces.mobile;

import io.archmeter.spaces.NotationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralTest {

    @Test
    @DisplayName("JSON and the Python repr of the same dict read alike, numbers exactly")
    void jsonAndPythonReadAlike() {
        Object json = Literal.parse("{\"ks\": [3, 5], \"e\": 0.25, \"x\": null, \"t\": true}");
        Object py = Literal.parse("{'ks': [3, 5,], 'e': 0.25, 'x': None, 't': True}  # a comment");
        assertEquals(json.toString(), py.toString());
        Map<?, ?> m = (Map<?, ?>) py;
        assertEquals(new BigDecimal("0.25"), m.get("e"));
        assertEquals(List.of(new BigDecimal(3), new BigDecimal(5)), m.get("ks"));
        assertSame(Literal.NULL, m.get("x"));
        assertEquals(List.of("a", "b"), Literal.parse("('a', \"b\")"));
    }

    @Test
    @DisplayName("malformed literals name the character position")
    void errorsNameThePosition() {
        assertTrue(assertThrows(NotationException.class, () -> Literal.parse("{'a': [1, 2}")).getMessage().contains("at character 12"));
        assertTrue(assertThrows(NotationException.class, () -> Literal.parse("{'a': 1, 'a': 2}")).getMessage().contains("twice"));
        assertTrue(assertThrows(NotationException.class, () -> Literal.parse("[1] 2")).getMessage().contains("after the end"));
        assertTrue(assertThrows(NotationException.class, () -> Literal.parse("{'a': nan}")).getMessage().contains("unknown word"));
    }

    @Test
    @DisplayName("make_divisible rounds as the reference code does: MobileNetV2 0.35 gives 16 for 32 channels, 8 for 16")
    void makeDivisibleFollowsTheReference() {
        // 32 * 0.35 = 11.2: int(15.2) // 8 * 8 = 8 < 0.9 * 11.2, so 16; 16 * 0.35 = 5.6: max(8, 8) = 8
        assertEquals(16, Divisible.makeDivisible(32 * 0.35, 8));
        assertEquals(8, Divisible.makeDivisible(16 * 0.35, 8));
        // 96 * 0.25 / 6 * ... ; Python round is half to even: round(2.5) = 2, round(3.5) = 4
        assertEquals(2, Divisible.pythonRound(2.5));
        assertEquals(4, Divisible.pythonRound(3.5));
    }
}
