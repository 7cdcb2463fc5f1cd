package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.gen.CandidateGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the token cache")
class TokenCacheTest {

    private static int[] records(CandidateBatch b) {
        return Arrays.copyOf(b.records(), b.layerCount() * LayerRecord.LENGTH);
    }

    @Test
    void parsesToTheSameRecordsWithAndWithoutTheCacheForChainsGraphsAndBlocks() {
        CandidateGenerator g = new CandidateGenerator(9);
        CandidateBatch plain = new CandidateBatch();
        CandidateBatch cached = new CandidateBatch();
        TokenCache cache = new TokenCache();
        for (int i = 0; i < 3000; i++) {
            String arch = i % 3 == 0 ? g.nextBlocks(1 + i % 20) : i % 3 == 1 ? g.next(5 + i % 40)
                    : "conv_k3_c16 ( conv_k3_c16 bn relu | conv_k1_c16 ) add relu".replace(") add", ")add");
            ArchParser.parseCandidate(arch, 224, 224, 3, 10, plain, null);
            ArchParser.parseCandidate(arch, 224, 224, 3, 10, cached, cache);
        }
        assertArrayEquals(records(plain), records(cached));
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.isGraph(i), cached.isGraph(i));
        }
        assertTrue(cache.hits() > 3 * cache.misses(), "hits " + cache.hits() + ", misses " + cache.misses());
    }

    @Test
    void aCachedTokenThatStartsABranchStillReadsTheBranchInput() {
        TokenCache cache = new TokenCache();
        CandidateBatch b = new CandidateBatch();
        ArchParser.parseCandidate("conv_k3_c8 bn", 8, 8, 3, 10, b, cache);
        ArchParser.parseCandidate("conv_k3_c8 ( bn | conv_k3_c8 )add", 8, 8, 3, 10, b, cache);
        CandidateBatch plain = ArchParser.parse("conv_k3_c8 ( bn | conv_k3_c8 )add", new io.archmeter.model.InputShape(8, 8, 3));
        assertArrayEquals(Arrays.copyOf(plain.records(), 4 * LayerRecord.LENGTH),
                Arrays.copyOfRange(b.records(), 2 * LayerRecord.LENGTH, 6 * LayerRecord.LENGTH));
    }

    @Test
    void errorsAreTheParsersOwnAndBadTokensAreNeverCached() {
        TokenCache cache = new TokenCache();
        CandidateBatch b = new CandidateBatch();
        for (int i = 0; i < 3; i++) {
            ArchSyntaxException e = assertThrows(ArchSyntaxException.class,
                    () -> ArchParser.parseCandidate("conv_k3_c8 relu conv_k3_z2", 8, 8, 3, 10, b, cache));
            assertEquals(3, e.position());
        }
        assertEquals(2, cache.size());
        assertEquals(0, b.size());
    }

    @Test
    void theCacheStopsGrowingAtItsBound() {
        TokenCache cache = new TokenCache();
        CandidateBatch b = new CandidateBatch();
        for (int i = 1; i <= TokenCache.MAX_ENTRIES + 100; i++) {
            b.clear();
            ArchParser.parseCandidate("conv_k1_c" + i, 8, 8, 3, 10, b, cache);
        }
        assertEquals(TokenCache.MAX_ENTRIES, cache.size());
    }
}
