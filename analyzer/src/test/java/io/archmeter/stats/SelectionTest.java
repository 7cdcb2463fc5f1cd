package io.archmeter.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionTest {

    /** The rows of {@code front}, by input position. */
    private static long[] seqs(ParetoFront<?> front) {
        return Arrays.stream(front.inInputOrder()).mapToLong(front::seq).toArray();
    }

    private static ParetoFront<Integer> front(long[][] rows) {
        ParetoFront<Integer> f = new ParetoFront<>(rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            if (!f.dominated(rows[i])) {
                assertTrue(f.add(rows[i], i, i));
            }
        }
        return f;
    }

    /** Brute force: row i is on the front if no row j is <= in every objective and < in one. */
    private static long[] bruteForceFront(long[][] rows) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            boolean dominated = false;
            for (int j = 0; j < rows.length && !dominated; j++) {
                boolean noWorse = true;
                boolean better = false;
                for (int o = 0; o < rows[i].length; o++) {
                    noWorse &= rows[j][o] <= rows[i][o];
                    better |= rows[j][o] < rows[i][o];
                }
                dominated = noWorse && better;
            }
            if (!dominated) {
                out.add((long) i);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void theFrontOfTheDocumentedExampleKeepsTiedRowsAndDropsTheDominatedOne() {
        // (macs:min, acc:max): 1 (100, .70), 2 (200, .70), 3 (200, .80), 4 (100, .70), 5 (50, .60)
        double[] acc = {0.70, 0.70, 0.80, 0.70, 0.60};
        long[] macs = {100, 200, 200, 100, 50};
        long[][] rows = new long[5][];
        for (int i = 0; i < 5; i++) {
            rows[i] = new long[] {macs[i], Keys.descending(Keys.ofDouble(acc[i]))};
        }
        ParetoFront<Integer> f = front(rows);
        assertArrayEquals(new long[] {0, 2, 3, 4}, seqs(f));
        assertEquals(4, f.size());
        assertEquals(Integer.valueOf(2), f.payload(f.inInputOrder()[1]));
    }

    @Test
    void aLaterRowDominatingEarlierOnesReplacesThem() {
        long[][] rows = {{5, 5}, {4, 6}, {6, 4}, {3, 3}};
        assertArrayEquals(new long[] {3}, seqs(front(rows)));
        assertFalse(front(rows).dominated(new long[] {3, 3}));
        assertTrue(front(rows).dominated(new long[] {3, 4}));
    }

    @ParameterizedTest(name = "{0} objectives")
    @ValueSource(ints = {2, 3, 4})
    void theStreamingFrontEqualsTheBruteForceFrontOnRandomRowsWithManyTies(int objectives) {
        for (int trial = 0; trial < 300; trial++) {
            SplittableRandom r = new SplittableRandom(1000L * objectives + trial);
            int n = 1 + r.nextInt(120);
            int domain = 1 + r.nextInt(12);   // small domains: many ties and duplicates
            long[][] rows = new long[n][objectives];
            for (long[] row : rows) {
                for (int o = 0; o < objectives; o++) {
                    row[o] = r.nextInt(domain) - domain / 2;
                }
            }
            long[] expected = bruteForceFront(rows);
            long[] actual = seqs(front(rows));
            if (!Arrays.equals(expected, actual)) {
                throw new AssertionError("trial " + trial + ": rows " + Arrays.deepToString(rows) + "\nexpected "
                        + Arrays.toString(expected) + "\nactual   " + Arrays.toString(actual));
            }
        }
    }

    @Test
    void extremeKeysDoNotOverflow() {
        long[][] rows = {{Long.MIN_VALUE + 1, Long.MAX_VALUE}, {Long.MAX_VALUE, Long.MIN_VALUE + 1}, {Long.MIN_VALUE + 1, 0},
            {Long.MAX_VALUE, Long.MAX_VALUE}};
        assertArrayEquals(bruteForceFront(rows), seqs(front(rows)));
    }

    @Test
    void frontsOfPartsMergeIntoTheFrontOfTheWhole() {
        SplittableRandom r = new SplittableRandom(4);
        for (int objectives = 2; objectives <= 3; objectives++) {
            long[][] rows = new long[3000][objectives];
            for (long[] row : rows) {
                for (int o = 0; o < objectives; o++) {
                    row[o] = r.nextInt(1000);
                }
            }
            ParetoFront<Integer> a = new ParetoFront<>(objectives);
            ParetoFront<Integer> b = new ParetoFront<>(objectives);
            for (int i = 0; i < rows.length; i++) {
                (i % 2 == 0 ? a : b).add(rows[i], i, i);
            }
            b.addAll(a);
            assertArrayEquals(bruteForceFront(rows), seqs(b));
        }
    }

    @Test
    void fewerThanTwoObjectivesOrTheWrongNumberOfKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ParetoFront<>(1));
        assertThrows(IllegalArgumentException.class, () -> new ParetoFront<Integer>(2).add(new long[3], 0, 0));
    }

    /** Brute force top K: sort by (key, seq), take K. */
    private static long[] bruteForceTop(long[] keys, int k) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingInt(i -> i));
        return Arrays.stream(order).limit(k).mapToLong(Integer::longValue).toArray();
    }

    private static TopK<Integer> top(long[] keys, int k) {
        TopK<Integer> t = new TopK<>(k);
        for (int i = 0; i < keys.length; i++) {
            if (t.wants(keys[i], i)) {
                assertTrue(t.add(keys[i], i, i));
            }
        }
        return t;
    }

    private static long[] ranked(TopK<?> t) {
        return Arrays.stream(t.ranked()).mapToLong(t::seq).toArray();
    }

    @Test
    void topTwoByAccuracyKeepsTheEarlierOfTiedRows() {
        // acc 0.70 0.80 0.75 0.75, K = 2, by acc:max: row 2 (0.80), then row 3 (0.75, before row 4)
        double[] acc = {0.70, 0.80, 0.75, 0.75};
        long[] keys = new long[4];
        for (int i = 0; i < 4; i++) {
            keys[i] = Keys.descending(Keys.ofDouble(acc[i]));
        }
        TopK<Integer> t = top(keys, 2);
        assertArrayEquals(new long[] {1, 2}, ranked(t));
        assertArrayEquals(new long[] {1, 2}, Arrays.stream(t.inInputOrder()).mapToLong(t::seq).toArray());
    }

    @Test
    void topKEqualsSortingEverythingOnRandomKeysWithTies() {
        for (int trial = 0; trial < 200; trial++) {
            SplittableRandom r = new SplittableRandom(trial);
            long[] keys = new long[1 + r.nextInt(3000)];
            int domain = 1 + r.nextInt(50);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = r.nextInt(domain);
            }
            int k = 1 + r.nextInt(2000);
            assertArrayEquals(bruteForceTop(keys, k), ranked(top(keys, k)), "trial " + trial + " k " + k);
        }
    }

    @Test
    void topKOfPartsMergeIntoTheTopKOfTheWhole() {
        SplittableRandom r = new SplittableRandom(8);
        long[] keys = new long[5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextInt(100);
        }
        TopK<Integer> a = new TopK<>(50);
        TopK<Integer> b = new TopK<>(50);
        for (int i = 0; i < keys.length; i++) {
            (i % 3 == 0 ? a : b).add(keys[i], i, i);
        }
        a.addAll(b);
        assertArrayEquals(bruteForceTop(keys, 50), ranked(a));
    }

    @Test
    void kMustBeAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new TopK<>(0));
    }
}
