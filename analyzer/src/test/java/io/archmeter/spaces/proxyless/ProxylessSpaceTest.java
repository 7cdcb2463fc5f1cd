package io.archmeter.spaces.proxyless;

import io.archmeter.engine.Metrics;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.SpaceScoring;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxylessSpaceTest {

    static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ProxylessSpaceTest.class.getResourceAsStream("/spaces/proxyless-space-reference.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest
    @MethodSource("rows")
    @DisplayName("a network of the space has the parameters and MACs ProxylessNAS's own search code converts it to")
    void networksMatchProxylessNas(String config, String params, String macs) {
        ProxylessSpace.Config c = ProxylessSpace.parse(config);
        Metrics m = SpaceScoring.score(b -> ProxylessSpace.append(b, c, 1000));
        assertEquals(Long.parseLong(params), m.params(), "params");
        assertEquals(Long.parseLong(macs), m.macs(), "MACs");
        assertEquals(ProxylessSpace.format(c), ProxylessSpace.format(ProxylessSpace.parse(ProxylessSpace.format(c))));
    }

    @Test
    @DisplayName("the space holds 6^6 * 7^15 networks per width and resolution")
    void spaceSizeIsExact() {
        // Python: 6**6 * 7**15
        assertEquals(new BigInteger("221502229807900608"), ProxylessSpace.size());
    }

    @Test
    @DisplayName("a Zero first block, an unknown op and a wrong length are refused with reasons")
    void badConfigsAreRefused() {
        String ops = "'3x3_MBConv3', ".repeat(20);
        assertTrue(assertThrows(NotationException.class, () -> ProxylessSpace.parse("{'ops': ['Zero', " + ops + "], 'r': 224}"))
                .getMessage().contains("ops[0] is Zero"));
        assertTrue(assertThrows(NotationException.class, () -> ProxylessSpace.parse("{'ops': [" + ops + "'9x9_MBConv3'], 'r': 224}"))
                .getMessage().contains("ops[20] = 9x9_MBConv3"));
        assertTrue(assertThrows(NotationException.class, () -> ProxylessSpace.parse("{'ops': [" + ops + "], 'r': 224}"))
                .getMessage().contains("got 20"));
    }
}
