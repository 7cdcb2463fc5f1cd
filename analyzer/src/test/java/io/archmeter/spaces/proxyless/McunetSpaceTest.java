package io.archmeter.spaces.proxyless;

import io.archmeter.engine.Metrics;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.ElasticConfig;
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

class McunetSpaceTest {

    record Row(String config, long params, long macs) {
        @Override
        public String toString() {
            return config.substring(Math.max(0, config.length() - 24));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                McunetSpaceTest.class.getResourceAsStream("/spaces/mcunet-space-reference.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    String[] f = line.split("\t");
                    rows.add(new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("a sub-network has the parameters and MACs MCUNet's own get_active_subnet gives it, widths 0.3 to 1.3")
    void subnetworksMatchMcunet(Row row) {
        ElasticConfig c = McunetSpace.parse(row.config());
        Metrics m = SpaceScoring.score(b -> McunetSpace.append(b, c, 1000));
        assertEquals(row.params(), m.params(), "params");
        assertEquals(row.macs(), m.macs(), "MACs");
        assertEquals(c.resolution(), McunetSpace.parse(McunetSpace.format(c)).resolution());
    }

    @Test
    @DisplayName("the space holds 7371^5 * 9 sub-networks per width and resolution")
    void spaceSizeIsExact() {
        // Python: 7371**5 * 9
        assertEquals(new BigInteger("195827899433152372659"), McunetSpace.size());
    }

    @Test
    @DisplayName("wrong list lengths and unknown choices are refused with reasons")
    void badConfigsAreRefused() {
        String ks = "[" + "3, ".repeat(20) + "3]";
        String e = "[" + "4, ".repeat(20) + "4]";
        assertTrue(assertThrows(NotationException.class, () -> McunetSpace.parse("{'ks': [3], 'e': " + e + ", 'd': [2,2,2,2,2], 'r': 160}"))
                .getMessage().contains("'ks' has 1 entries, expected 21"));
        assertTrue(assertThrows(NotationException.class, () -> McunetSpace.parse("{'ks': " + ks + ", 'e': " + e + ", 'd': [2,2,2], 'r': 160}"))
                .getMessage().contains("expected 5 or 6"));
        assertTrue(assertThrows(NotationException.class, () -> McunetSpace.parse("{'ks': " + ks + ", 'e': " + e.replaceFirst("4", "5")
                + ", 'd': [2,2,2,2,2], 'r': 160}")).getMessage().contains("e[0] = 5"));
    }
}
