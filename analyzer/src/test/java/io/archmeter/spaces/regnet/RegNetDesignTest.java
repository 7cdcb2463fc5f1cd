package io.archmeter.spaces.regnet;

import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SpaceRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("RegNet design expansion and sampling")
class RegNetDesignTest {

    @Test
    void regNetX400mfHasTheStagesOfTheQuantisedLinearRule() {
        // u_j = 24 + 24.48 j; k_j = round(log(u_j/24)/log 2.54); w_j = round(24 * 2.54^k_j / 8) * 8:
        // 24 (j=0), 64 (j=1,2), 152 (j=3..9), 392 (j=10..21); group width 16 rounds 24 up to 32 and 152 to 160, 392 to 400
        RegNetDesign d = new RegNetDesign().compute(RegNetParams.parse("regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16"));
        assertEquals(4, d.stages());
        int[][] expected = {{32, 1}, {64, 2}, {160, 7}, {400, 12}};
        for (int s = 0; s < 4; s++) {
            assertEquals(expected[s][0], d.width(s), "width of stage " + s);
            assertEquals(expected[s][1], d.depth(s), "depth of stage " + s);
            assertEquals(16, d.groupWidth(s));
        }
    }

    @Test
    void makeDivisibleRoundsHalvesUpAndNeverLosesMoreThanTenPercent() {
        assertEquals(48, RegNetDesign.makeDivisible(40, 16), "40/16 = 2.5 rounds up (torchvision), where pycls's round() gives 32");
        assertEquals(16, RegNetDesign.makeDivisible(5, 16), "at least the divisor");
        assertEquals(24, RegNetDesign.makeDivisible(20, 8), "20 + 4 = 24");
        assertEquals(32, RegNetDesign.makeDivisible(31, 32));
    }

    @Test
    void theNotationRoundTripsAndBadParametersAreRefusedWithAReason() {
        String n = "regnet:d=16,w0=48,wa=27.89,wm=2.09,g=8,se=0.25";
        assertEquals(n, RegNetParams.parse(n).notation());
        assertEquals("regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16", RegNetParams.parse("regnet:g=16,wm=2.54,wa=24.48,w0=24,d=22").notation());
        String[][] cases = {
            {"regnet:d=22,w0=20,wa=24.48,wm=2.54,g=16", "multiple of 8"},
            {"regnet:d=22,w0=24,wa=24.48,wm=1.0,g=16", "wm > 1"},
            {"regnet:d=22,w0=24,wa=24.48,wm=2.54", "missing key 'g'"},
            {"regnet:d=22,w0=24,wa=24.48,wmm=2.54,g=16", "unknown key 'wmm' (did you mean 'wm'?)"},
            {"regnet:d=22,d=23,w0=24,wa=24.48,wm=2.54,g=16", "given twice"},
            {"regnet:d=22,w0=24,wa=-1,wm=2.54,g=16", "wa=-1: expected a decimal"},
            {"regnet:d=22,w0=24,wa=24000000,wm=2,g=16", "channels wide (w0 * wm^"},
        };
        for (String[] c : cases) {
            NotationException e = assertThrows(NotationException.class,
                    () -> new RegNetDesign().compute(RegNetParams.parse(c[0])), c[0]);
            assertTrue(e.getMessage().startsWith("RegNet: ") && e.getMessage().contains(c[1]), () -> c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void samplesAreReproducibleIn4StagesAndOnPyclssGrid() {
        RegNetSampler a = new RegNetSampler(0);
        RegNetSampler b = new RegNetSampler(0);
        RegNetSampler.Sample s = new RegNetSampler.Sample();
        RegNetSampler.Sample t = new RegNetSampler.Sample();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            a.sample(new SpaceRandom().seed(7, i), s);
            b.sample(new SpaceRandom().seed(7, i), t);
            StringBuilder x = new StringBuilder();
            StringBuilder y = new StringBuilder();
            s.appendNotation(x);
            t.appendNotation(y);
            assertEquals(x.toString(), y.toString());
            RegNetDesign d = new RegNetDesign().compute(RegNetParams.parse(x));
            assertEquals(4, d.stages(), x::toString);
            assertTrue(s.d() >= 12 && s.d() <= 28 && s.w0() % 8 == 0 && s.w0() >= 8 && s.w0() <= 256, x::toString);
            assertTrue(s.wa() >= 8 && s.wa() <= 256 && s.wm() >= 2 && s.wm() <= 3 && s.g() % 8 == 0 && s.g() <= 128, x::toString);
            distinct.add(x.toString());
        }
        assertTrue(distinct.size() > 1990, "draws differ: " + distinct.size());
    }
}
