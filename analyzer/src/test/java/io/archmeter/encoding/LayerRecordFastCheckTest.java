package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link LayerRecord#validate}'s fast path ({@link LayerRecord#holds}: per-op field ranges compiled
 * from the descriptions) says exactly what its one-by-one checks ({@link LayerRecord#explain}) say,
 * on records of every op mutated at random around every boundary. Seeded; a failure prints the
 * record.
 */
@DisplayName("the fast record check agrees with the full one")
class LayerRecordFastCheckTest {
    private static final long SEED = 20261201L;
    private static final int[] VALUES = {Integer.MIN_VALUE, -2, -1, 0, 1, 2, 3, 4, 5, 7, 8, 16, 99, Integer.MAX_VALUE};

    private static boolean explains(int[] r) {
        try {
            LayerRecord.explain(r, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A valid record of {@code op} from random keys, through the one writer. */
    private static int[] written(Op op, SplittableRandom rnd) {
        int[] r = new int[LayerRecord.LENGTH];
        while (true) {
            Parts p = new Parts();
            for (KeyUse u : op.keys()) {
                if (u.settable() && (u.rule() == KeyUse.Default.REQUIRED || rnd.nextBoolean())) {
                    int v = u.key().max() == 1 ? rnd.nextInt(2) : u.key().min() + rnd.nextInt(6);
                    p.set(u.key(), v, u.key().isPair() && rnd.nextBoolean() ? u.key().min() + rnd.nextInt(6) : v);
                }
            }
            try {
                if (op.isJoin()) {
                    LayerRecord.putJoin(r, 0, op.code(), 1 + rnd.nextInt(3), 1 + rnd.nextInt(3), rnd.nextBoolean());
                } else {
                    LayerRecord.write(r, 0, op, p);
                }
                return r;
            } catch (IllegalArgumentException e) {
                // a bound between keys (a pooling padding): draw again
            }
        }
    }

    @Test
    void bothSayTheSameOfEveryMutatedRecordOfEveryOp() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        int valid = 0;
        int invalid = 0;
        for (Op op : Op.values()) {
            for (int n = 0; n < 4_000; n++) {
                int[] r = written(op, rnd);
                assertTrue(LayerRecord.holds(r, 0) && explains(r), () -> op + " as written: " + Arrays.toString(r));
                int mutations = rnd.nextInt(3);
                for (int m = 0; m < mutations; m++) {
                    int f = rnd.nextInt(LayerRecord.LENGTH);
                    r[f] = f == LayerRecord.OP_OFFSET && rnd.nextInt(4) != 0 ? rnd.nextInt(OpCode.COUNT + 2) - 1
                            : f == LayerRecord.FLAGS_OFFSET && rnd.nextBoolean() ? rnd.nextInt(16) : VALUES[rnd.nextInt(VALUES.length)];
                }
                boolean fast = LayerRecord.holds(r, 0);
                boolean full = explains(r);
                if (fast != full) {
                    fail("seed " + SEED + ": holds says " + fast + ", explain says " + full + " of " + Arrays.toString(r));
                }
                if (full) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        }
        assertTrue(valid > 20_000 && invalid > 20_000, valid + " valid, " + invalid + " invalid");
    }

    @Test
    void validateStillNamesWhatIsWrong() {
        int[] r = new int[LayerRecord.LENGTH];
        LayerRecord.write(r, 0, Op.MAX_POOL, new Parts().set(Key.K, 3).set(Key.P, 1));
        LayerRecord.validate(r, 0);
        r[LayerRecord.PAD_W_OFFSET] = 2;
        assertFalse(LayerRecord.holds(r, 0));
        try {
            LayerRecord.validate(r, 0);
            fail("padding 2 of a 3-wide max pooling");
        } catch (IllegalArgumentException e) {
            assertEquals("maxpool: padding p = 2 (along W) is more than half the effective kernel, as PyTorch's max_pool2d:"
                    + " at most floor((d*(k-1)+1)/2) = 1 for k = 3, d = 1", e.getMessage());
        }
    }
}
