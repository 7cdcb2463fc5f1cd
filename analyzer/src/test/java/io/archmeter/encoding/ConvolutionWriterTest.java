package io.archmeter.encoding;

import io.archmeter.model.Key;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The builder's positional path for convolutions ({@link LayerRecord#writeConvolution}, which the
 * typed helpers and every search space take) writes exactly the record the keyed path
 * ({@link LayerRecord#write}) writes for the same keys, and refuses what it refuses with the same
 * message. Seeded fuzz over valid and invalid values; a failure prints the values.
 */
class ConvolutionWriterTest {

    private static int pick(SplittableRandom r, int... choices) {
        return choices[r.nextInt(choices.length)];
    }

    @Test
    void thePositionalPathWritesAndRefusesWhatTheKeyedPathDoes() {
        SplittableRandom r = new SplittableRandom(20261201L);
        for (int n = 0; n < 20_000; n++) {
            final Op op = r.nextBoolean() ? Op.CONV : Op.DEPTHWISE;
            final int kh = pick(r, 1, 3, 5, 0, -1), kw = pick(r, 1, 3, 7, 0);
            final int sh = pick(r, 1, 2, 0), sw = pick(r, 1, 2, 3);
            final int ph = pick(r, 0, 1, 2, -1), pw = pick(r, 0, 3);
            final int dh = pick(r, 1, 2, 0), dw = pick(r, 1, 2);
            final int groups = op == Op.CONV ? pick(r, 1, 2, 4, 0) : pick(r, LayerRecord.GROUPS_PER_CHANNEL, LayerRecord.GROUPS_PER_CHANNEL, 2);
            final int cout = op == Op.CONV ? pick(r, LayerRecord.CHANNELS_FROM_INPUT, 16, 1, -3)
                    : pick(r, LayerRecord.CHANNELS_FROM_INPUT, LayerRecord.CHANNELS_FROM_INPUT, 8);
            final int cmult = op == Op.CONV ? pick(r, 1, 1, 1, 2) : pick(r, 1, 2, 0);
            final boolean bias = r.nextBoolean();
            final String values = op.token() + " k" + kh + "x" + kw + " s" + sh + "x" + sw + " p" + ph + "x" + pw + " d" + dh + "x" + dw
                    + " g" + groups + " c" + cout + " m" + cmult + " b" + bias;

            Parts p = new Parts().set(Key.K, kh, kw).set(Key.S, sh, sw).set(Key.P, ph, pw).set(Key.D, dh, dw).set(Key.B, bias ? 1 : 0);
            if (op == Op.CONV || groups != LayerRecord.GROUPS_PER_CHANNEL) {
                p.set(Key.G, groups);
            }
            if (op == Op.DEPTHWISE || cmult != 1) {
                p.set(Key.M, cmult);
            }
            if (cout != LayerRecord.CHANNELS_FROM_INPUT) {
                p.set(Key.C, cout);
            }
            int[] keyed = new int[LayerRecord.LENGTH];
            String keyedError = null;
            try {
                LayerRecord.write(keyed, 0, op, p);
            } catch (IllegalArgumentException e) {
                keyedError = e.getMessage();
            }
            int[] positional = new int[LayerRecord.LENGTH];
            if (keyedError == null) {
                LayerRecord.writeConvolution(positional, 0, op, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, cmult, bias);
                assertArrayEquals(keyed, positional, values);
                LayerRecord.validate(positional, 0);
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerRecord.writeConvolution(
                        positional, 0, op, kh, kw, sh, sw, ph, pw, dh, dw, groups, cout, cmult, bias), values);
                assertEquals(keyedError, e.getMessage(), values);
            }
        }
    }

    @Test
    void theBuilderRefusesABadConvolutionAndKeepsNoLayer() {
        CandidateBatch batch = new CandidateBatch();
        CandidateBuilder b = batch.builder().begin(8, 8, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.conv(3, 3, 1, 1, -1, 1, 1, 1, 1, 8, false));
        assertEquals("layer 1 of candidate 0: conv: ph = -1 must be at least 0", e.getMessage());
        assertEquals(0, b.layers());
        b.conv(3, 3, 2, 2, 1, 1, 1, 1, 1, 8, false).depthwise(3, 3, 1, 1, 1, 1, 1, 1, 1, false).end();
        assertEquals(Arrays.asList(OpCode.CONV, OpCode.DEPTHWISE), Arrays.asList(batch.records()[0], batch.records()[LayerRecord.LENGTH]));
    }
}
