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

    @Test
    void architecturesReadAsBytesParseToTheSameRecordsAsStringsThroughOneCache() {
        CandidateGenerator g = new CandidateGenerator(10);
        CandidateBatch plain = new CandidateBatch();
        CandidateBatch cached = new CandidateBatch();
        TokenCache cache = new TokenCache();
        AsciiText view = new AsciiText();
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < 3000; i++) {
            String arch = i % 3 == 0 ? g.nextBlocks(1 + i % 20) : i % 3 == 1 ? g.next(5 + i % 40)
                    : "conv_k3_c16 ( conv_k3_c16 bn relu | conv_k1_c16 )add relu";
            // spaces and tabs between tokens, some tokens longer than 8 bytes, the view at the array's end or not
            arch = arch.replace(" ", r.nextBoolean() ? " " : r.nextBoolean() ? "\t" : "  ");
            ArchParser.parseCandidate(arch, 224, 224, 3, 10, plain, null);
            if (i % 5 == 0) {
                ArchParser.parseCandidate(arch, 224, 224, 3, 10, cached, cache);
                continue;
            }
            byte[] row = ("id," + arch + (r.nextBoolean() ? ",0.5" : "")).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ArchParser.parseCandidate(view.set(row, 3, 3 + arch.length()), 224, 224, 3, 10, cached, cache);
        }
        assertArrayEquals(records(plain), records(cached));
        assertTrue(cache.hits() > 3 * cache.misses(), "hits " + cache.hits() + ", misses " + cache.misses());
    }

    @Test
    void errorsOfArchitecturesReadAsBytesAreTheParsersOwn() {
        TokenCache cache = new TokenCache();
        CandidateBatch b = new CandidateBatch();
        byte[] bytes = "conv_k3_c8 relu conv_k3_z2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 3; i++) {
            ArchSyntaxException e = assertThrows(ArchSyntaxException.class,
                    () -> ArchParser.parseCandidate(new AsciiText().set(bytes, 0, bytes.length), 8, 8, 3, 10, b, cache));
            ArchSyntaxException plain = assertThrows(ArchSyntaxException.class,
                    () -> ArchParser.parseCandidate("conv_k3_c8 relu conv_k3_z2", 8, 8, 3, 10, b, null));
            assertEquals(plain.getMessage(), e.getMessage());
            assertEquals(3, e.position());
        }
        assertEquals(2, cache.size());
        assertEquals(0, b.size());
    }

    @Test
    void aTokenOfBytesEndsAtASpaceOrTabAndReadsAsTheSameWordsWhereverItStands() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        String alphabet = "abc_019 \t";
        for (int i = 0; i < 20_000; i++) {
            int len = 1 + r.nextInt(30);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            int from = r.nextInt(len);
            if (s.charAt(from) == ' ' || s.charAt(from) == '\t') {
                continue;
            }
            int end = from;
            while (end < len && s.charAt(end) != ' ' && s.charAt(end) != '\t') {
                end++;
            }
            int next = end;
            while (next < len && (s.charAt(next) == ' ' || s.charAt(next) == '\t')) {
                next++;
            }
            byte[] atEnd = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            // the view ends before the array does: the bytes after it (no space among them) are not the token's
            byte[] padded = (s + "xxxxxxxxxxxxxxxx").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            AsciiText a = new AsciiText().set(atEnd, 0, len);
            AsciiText b = new AsciiText().set(padded, 0, len);
            assertEquals(end, a.tokenEnd(from), s + " from " + from);
            assertEquals(end, b.tokenEnd(from), s + " from " + from);
            assertEquals(next, a.skipSpaces(end), s + " from " + end);
            assertEquals(next, b.skipSpaces(end), s + " from " + end);
            // its words: little-endian, zero-padded, read near the array's end or not
            for (int at = from; at < end; at += Long.BYTES) {
                int n = Math.min(Long.BYTES, end - at);
                long expected = 0;
                for (int k = 0; k < n; k++) {
                    expected |= (long) s.charAt(at + k) << (8 * k);
                }
                assertEquals(expected, a.word(at, n), s + " at " + at);
                assertEquals(expected, b.word(at, n), s + " at " + at);
            }
        }
    }

    @Test
    void tokensOfBytesThatShareTheirFirstSixteenBytesOrALengthAreToldApart() {
        TokenCache cache = new TokenCache();
        CandidateBatch cached = new CandidateBatch();
        CandidateBatch plain = new CandidateBatch();
        // 17 to 26 bytes, the same first 16; and the same first bytes at lengths 8, 9, 16 and 17
        String[] archs = {"conv_k3_s2_c16_b0", "conv_k3_s2_c16_b1", "conv_k3_s2_c16_p0", "conv_k3_s2_c16_d1_g1_b0",
            "conv_k3_s2_c16_d1_g1_b1", "conv_k3_s2_c16_d1_g1_b1_p0", "conv_k3_c1", "conv_k3_c16", "conv_k3_s2_c1", "conv_k3_s2_c16",
            "conv_k3_s2_c16_p1", "maxpool_k3", "maxpool_k3_s1", "fc_c1000", "fc_c10000"};
        for (int round = 0; round < 3; round++) {
            for (String arch : archs) {
                byte[] bytes = ("x " + arch + " y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                ArchParser.parseCandidate(new AsciiText().set(bytes, 2, 2 + arch.length()), 8, 8, 3, 10, cached, cache);
                ArchParser.parseCandidate(arch, 8, 8, 3, 10, plain, null);
            }
        }
        assertArrayEquals(records(plain), records(cached));
        assertEquals(archs.length, cache.size());
        assertEquals(2L * archs.length, cache.hits());
    }

    @Test
    void theCacheOfTokensReadAsBytesStopsGrowingAtItsBound() {
        TokenCache cache = new TokenCache();
        CandidateBatch b = new CandidateBatch();
        for (int i = 1; i <= TokenCache.MAX_ENTRIES + 100; i++) {
            b.clear();
            byte[] token = ("conv_k1_c" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ArchParser.parseCandidate(new AsciiText().set(token, 0, token.length), 8, 8, 3, 10, b, cache);
        }
        assertEquals(TokenCache.MAX_ENTRIES, cache.size());
    }
}
