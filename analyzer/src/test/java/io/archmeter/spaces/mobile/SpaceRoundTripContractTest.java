package io.archmeter.spaces.mobile;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import io.archmeter.spaces.ofa.OfaMbv3;
import io.archmeter.spaces.proxyless.McunetSpace;
import io.archmeter.spaces.proxyless.ProxylessSpace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One contract over every elastic space: a sampled config, written in the space's notation and read
 * back, expands to exactly the same layer records as the config itself (seeded; the failing
 * config is printed).
 */
class SpaceRoundTripContractTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ofa-mbv3", "mcunet", "proxyless"})
    @DisplayName("config -> notation -> config expands to the same layer records, for 200 sampled configs")
    void notationRoundTripsToTheSameRecords(String space) {
        SearchSpace s = SearchSpaces.STANDARD.named(space).orElseThrow();
        // every resolution and width the space's reference defines
        SpaceOptions o = SpaceOptions.DEFAULTS.withChoices(SearchSpace.RESOLUTION, s.choices(SearchSpace.RESOLUTION, true))
                .withChoices(SearchSpace.WIDTH, s.choices(SearchSpace.WIDTH, true));
        SpaceRandom rnd = new SpaceRandom();
        for (int i = 0; i < 200; i++) {
            rnd.seed(20261130L, i);
            switch (space) {
                case "ofa-mbv3" -> check(OfaMbv3.sample(rnd, o, new int[20], new int[20], new int[5]), OfaMbv3::format, OfaMbv3::parse,
                        (b, c) -> OfaMbv3.append(b, c, 1000));
                case "mcunet" -> check(McunetSpace.sample(rnd, o, new int[21], new int[21], new int[6]), McunetSpace::format,
                        McunetSpace::parse, (b, c) -> McunetSpace.append(b, c, 1000));
                default -> check(ProxylessSpace.sample(rnd, o, new int[21]), ProxylessSpace::format, ProxylessSpace::parse,
                        (b, c) -> ProxylessSpace.append(b, c, 1000));
            }
        }
    }

    private static <C> void check(C config, Function<C, String> format, Function<String, C> parse, BiConsumer<CandidateBuilder, C> append) {
        String text = format.apply(config);
        CandidateBatch direct = new CandidateBatch();
        append.accept(new CandidateBuilder(direct), config);
        CandidateBatch read = new CandidateBatch();
        append.accept(new CandidateBuilder(read), parse.apply(text));
        assertEquals(direct.layerCount(), read.layerCount(), text);
        assertArrayEquals(Arrays.copyOf(direct.records(), direct.layerCount() * LayerRecord.LENGTH),
                Arrays.copyOf(read.records(), read.layerCount() * LayerRecord.LENGTH), text);
        assertEquals(direct.inputHeight(0), read.inputHeight(0), text);
    }
}
