package io.archmeter.spaces.ofa;

import io.archmeter.engine.Metrics;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfaMbv3Test {

    record Row(String config, long params, long macs) {
        @Override
        public String toString() {
            return config.substring(0, Math.min(60, config.length()));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OfaMbv3Test.class.getResourceAsStream("/spaces/ofa-mbv3-reference.tsv"), StandardCharsets.UTF_8))) {
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
    @DisplayName("a sub-network has the parameters and MACs OFA's own get_active_subnet gives it")
    void subnetworksMatchOfa(Row row) {
        Metrics m = SpaceScoring.score(b -> OfaMbv3.append(b, OfaMbv3.parse(row.config()), 1000));
        assertEquals(row.params(), m.params(), "params");
        assertEquals(row.macs(), m.macs(), "MACs");
    }

    @Test
    @DisplayName("the space holds (9^2 + 9^3 + 9^4)^5 = 7371^5 sub-networks per resolution, over 25 resolutions")
    void spaceSizeIsExact() {
        BigInteger perStage = BigInteger.valueOf(81 + 729 + 6561);
        assertEquals(perStage.pow(5), OfaMbv3.size());
        // 7371**5 in Python
        assertEquals(new BigInteger("21758655492572485851"), OfaMbv3.size());
        assertEquals(25, OfaMbv3.resolutions());
    }

    @Test
    @DisplayName("Python dict syntax, a bare resolution and the prefix read the same config as JSON")
    void pythonAndJsonReadAlike() {
        String ks = "[3, 5, 7, 3, 5, 5, 3, 7, 3, 3, 5, 5, 7, 7, 3, 3, 5, 3, 5, 7]";
        String e = "[3, 4, 6, 3, 4, 4, 6, 3, 6, 6, 4, 3, 3, 4, 6, 6, 3, 4, 3, 6]";
        ElasticConfig json = OfaMbv3.parse("{\"ks\": " + ks + ", \"e\": " + e + ", \"d\": [2, 3, 4, 2, 3], \"r\": [176]}");
        ElasticConfig py = OfaMbv3.parse("ofa-mbv3:{'ks': " + ks + ", 'e': " + e + ", 'd': [2, 3, 4, 2, 3], 'r': 176}");
        assertArrayEquals(json.ks(), py.ks());
        assertArrayEquals(json.e(), py.e());
        assertArrayEquals(json.d(), py.d());
        assertEquals(176, py.resolution());
        assertEquals(OfaMbv3.format(json), OfaMbv3.format(OfaMbv3.parse(OfaMbv3.format(json))));
    }

    @Test
    @DisplayName("bad configs are refused with the key, the entry and what was expected")
    void badConfigsAreRefusedWithReasons() {
        String ks20 = Arrays.toString(fill(20, 3));
        String e20 = Arrays.toString(fill(20, 4));
        assertRefused("{'ks': [3, 5], 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2], 'r': 224}", "'ks' has 2 entries, expected 20");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2], 'r': 224}", "'d' has 4 entries, expected 5");
        assertRefused("{'ks': " + ks20.replaceFirst("3", "9") + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2], 'r': 224}",
                "ks[0] = 9 is not one of the space's choices [3, 5, 7]");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20.replaceFirst("4", "5") + ", 'd': [2, 2, 2, 2, 2], 'r': 224}",
                "e[0] = 5 is not one of the space's choices [3, 4, 6]");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2], 'r': 230}", "resolution 230");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2], 'r': 224, 'x': 1}", "unknown key 'x'");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2]}", "'r' must be the resolution");
        assertRefused("{'ks': " + ks20 + ", 'e': " + e20 + ", 'd': [2, 2, 2, 2, 2], 'r': 224, 'w': 1.3}", "width 'w' 1.3");
        assertRefused("[3, 5]", "expected a dict");
    }

    @Test
    @DisplayName("sampling with one seed gives the same configs, each valid")
    void samplingIsReproducible() {
        SpaceRandom a = new SpaceRandom();
        SpaceRandom b = new SpaceRandom();
        for (int i = 0; i < 100; i++) {
            ElasticConfig x = OfaMbv3.sample(a.seed(42, i), SpaceOptions.DEFAULTS, new int[20], new int[20], new int[5]);
            ElasticConfig y = OfaMbv3.sample(b.seed(42, i), SpaceOptions.DEFAULTS, new int[20], new int[20], new int[5]);
            assertEquals(OfaMbv3.format(x), OfaMbv3.format(y));
            assertTrue(OfaMbv3.parse(OfaMbv3.format(x)).d().length == 5);
        }
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static void assertRefused(String config, String part) {
        NotationException ex = assertThrows(NotationException.class, () -> OfaMbv3.parse(config));
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
