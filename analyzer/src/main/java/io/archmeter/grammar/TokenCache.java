package io.archmeter.grammar;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;

import java.util.Arrays;

/**
 * A cache of parsed layer tokens for {@link ArchParser}: search spaces repeat a few hundred
 * distinct tokens ({@code bn}, {@code relu6}, {@code conv_k1_c48_b0}, …) across millions of
 * candidates, so a token seen before is appended by copying its {@link LayerRecord} instead of
 * being parsed again. ParseBenchmark measured the prototype at 1.8× the uncached parser on 20-layer
 * candidates.
 *
 * <p>Sound because a primitive token's record never depends on where it stands: padding is stored
 * resolved, channels defaulting to the input's are a sentinel, and the record is kept with
 * {@code in0} = previous (the parser points it at a branch input afterwards, as for a parsed one).
 * Only tokens that make exactly one record are cached: block tokens and group tokens are parsed
 * every time, and so is every token that fails, so errors are always the parser's own.
 *
 * <p>Open addressing keyed by the token's characters, hashed as the parser scans them (no substring
 * on a hit). Architectures read as bytes ({@link AsciiText}: {@code filter}'s byte-range workers,
 * the Python bridge's packed batches) are looked up in a second table keyed by their 8-byte words
 * ({@link AsciiTokenTable}), with the same records, a run of cached tokens at a time
 * ({@link #appendRun}). Bounded: once {@link #MAX_ENTRIES}
 * tokens are cached in a table, new ones are parsed without being cached, so memory stays fixed
 * whatever the input. Not thread-safe: one per thread.
 */
public final class TokenCache {
    /** The most distinct tokens kept. */
    public static final int MAX_ENTRIES = 8192;

    private String[] tokens = new String[256];
    private int[] hashes = new int[256];
    private int[] records = new int[256 * LayerRecord.LENGTH];
    private int size;
    private long hits;
    private long misses;
    /** The same cache for architectures read as bytes. */
    private final AsciiTokenTable ascii = new AsciiTokenTable();

    /** Number of tokens cached: in the table of characters plus in the table of bytes (a token seen both ways counts twice). */
    public int size() {
        return size + ascii.size();
    }

    /** Tokens appended from the cache so far. */
    public long hits() {
        return hits;
    }

    /** Tokens looked up and not found so far. */
    public long misses() {
        return misses;
    }

    /** Forgets every token. */
    public void clear() {
        Arrays.fill(tokens, null);
        size = 0;
        ascii.clear();
    }

    /**
     * Appends to the open candidate of {@code b} the tokens of {@code s} from {@code from} on, one
     * after another, while this cache holds them: the hot path of architectures read as bytes (a
     * packed Python batch, {@code filter}'s byte ranges), where nearly every token was seen before.
     * Stops at the end, or at the first token it does not hold (a new token, a group token), for the
     * parser to read; the position it returns is that token's start.
     *
     * @return {@code (tokens appended << 32) | position}
     */
    long appendRun(AsciiText s, int from, CandidateBuilder b) {
        final int n = s.length();
        final int[] cached = ascii.recordsArray();
        int pos = from;
        int count = 0;
        while (true) {
            pos = s.skipSpaces(pos);
            if (pos >= n) {
                break;
            }
            final int end = s.tokenEnd(pos);
            final int offset = ascii.find(s, pos, end);
            if (offset < 0) {
                break;
            }
            b.appendCopy(cached, offset);
            count++;
            pos = end;
        }
        hits += count;
        return (long) count << 32 | pos;
    }

    /** As {@link #find} for a view of bytes; offsets into {@link #asciiRecordsArray()}. */
    int findAscii(AsciiText s, int start, int end) {
        final int found = ascii.find(s, start, end);
        if (found >= 0) {
            hits++;
        } else {
            misses++;
        }
        return found;
    }

    int[] asciiRecordsArray() {
        return ascii.recordsArray();
    }

    /** As {@link #put} for a view of bytes. */
    void putAscii(AsciiText s, int start, int end, int[] from, int offset) {
        ascii.put(s, start, end, from, offset);
    }

    /**
     * The offset in {@link #recordsArray()} of the record of the token {@code s[start, end)} with
     * hash {@code hash}, or -1 if it is not cached.
     */
    int find(CharSequence s, int start, int end, int hash) {
        final int mask = tokens.length - 1;
        int slot = mix(hash) & mask;
        String t;
        while ((t = tokens[slot]) != null) {
            if (hashes[slot] == hash && sameChars(t, s, start, end)) {
                hits++;
                return slot * LayerRecord.LENGTH;
            }
            slot = (slot + 1) & mask;
        }
        misses++;
        return -1;
    }

    int[] recordsArray() {
        return records;
    }

    /** Caches the record at {@code records[offset]} as the token {@code s[start, end)}, with in0 reset to previous. */
    void put(CharSequence s, int start, int end, int hash, int[] from, int offset) {
        if (size >= MAX_ENTRIES) {
            return;
        }
        if ((size + 1) * 2 > tokens.length) {
            grow();
        }
        final int mask = tokens.length - 1;
        int slot = mix(hash) & mask;
        while (tokens[slot] != null) {
            slot = (slot + 1) & mask;
        }
        tokens[slot] = s.subSequence(start, end).toString();
        hashes[slot] = hash;
        System.arraycopy(from, offset, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
        records[slot * LayerRecord.LENGTH + LayerRecord.IN0_OFFSET] = LayerRecord.PREVIOUS;
        size++;
    }

    private void grow() {
        String[] oldTokens = tokens;
        int[] oldHashes = hashes;
        int[] oldRecords = records;
        tokens = new String[oldTokens.length * 2];
        hashes = new int[tokens.length];
        records = new int[tokens.length * LayerRecord.LENGTH];
        final int mask = tokens.length - 1;
        for (int i = 0; i < oldTokens.length; i++) {
            if (oldTokens[i] != null) {
                int slot = mix(oldHashes[i]) & mask;
                while (tokens[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                tokens[slot] = oldTokens[i];
                hashes[slot] = oldHashes[i];
                System.arraycopy(oldRecords, i * LayerRecord.LENGTH, records, slot * LayerRecord.LENGTH, LayerRecord.LENGTH);
            }
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static boolean sameChars(String t, CharSequence s, int start, int end) {
        if (t.length() != end - start) {
            return false;
        }
        if (s instanceof String str) {
            // the usual case (a CSV cell): String.regionMatches compares the Latin-1 bytes in bulk
            return t.regionMatches(0, str, start, end - start);
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != s.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }
}
