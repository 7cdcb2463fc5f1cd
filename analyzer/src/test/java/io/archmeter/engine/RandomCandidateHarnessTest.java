package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.model.Conventions;
import io.archmeter.model.FlopsConvention;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded harness of random architectures drawn from the whole grammar (every op, every key,
 * wild values, so that many are invalid), cross-checking the invariants the engine must keep.
 * A failure prints the seed, the architecture and the input, so it can be replayed by hand.
 */
@DisplayName("random candidates keep the engine's invariants")
class RandomCandidateHarnessTest {
    private static final long SEED = 20261129L;
    private static final int CANDIDATES = 20_000;
    private static final String[] SIMPLE = {"gap", "bn", "relu", "relu6", "sigmoid", "swish", "hswish", "hsigmoid", "tanh",
        "gelu", "lrn", "dropout", "flatten", "id"};

    private static String randomToken(SplittableRandom r) {
        int kind = r.nextInt(10);
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case 0, 1, 2 -> {
                sb.append("conv_k").append(axes(r, 1, 7));
                if (r.nextBoolean()) sb.append("_s").append(axes(r, 1, 3));
                if (r.nextInt(3) == 0) sb.append("_p").append(axes(r, 0, 3));
                if (r.nextInt(4) == 0) sb.append("_d").append(axes(r, 1, 3));
                if (r.nextInt(4) == 0) sb.append("_g").append(1 + r.nextInt(4));
                if (r.nextInt(4) != 0) sb.append("_c").append(1 + r.nextInt(64));
                if (r.nextInt(3) == 0) sb.append("_b").append(r.nextInt(2));
            }
            case 3 -> {
                sb.append("dw_k").append(axes(r, 1, 7));
                if (r.nextBoolean()) sb.append("_s").append(axes(r, 1, 2));
                if (r.nextInt(4) == 0) sb.append("_d").append(axes(r, 1, 2));
                if (r.nextInt(4) == 0) sb.append("_m").append(1 + r.nextInt(3));
                if (r.nextInt(3) == 0) sb.append("_b").append(r.nextInt(2));
            }
            case 4 -> {
                // padding at most half the kernel (PyTorch's rule): a padded pool has a kernel of at least 2
                final int pad = r.nextInt(3) == 0 ? r.nextInt(2) : -1;
                sb.append(r.nextBoolean() ? "maxpool" : "avgpool").append("_k").append(axes(r, pad == 1 ? 2 : 1, 4));
                if (r.nextBoolean()) sb.append("_s").append(axes(r, 1, 3));
                if (pad >= 0) sb.append("_p").append(pad);
                if (r.nextInt(3) == 0) sb.append("_ceil").append(r.nextInt(2));
            }
            case 5 -> sb.append("fc_c").append(1 + r.nextInt(100)).append(r.nextInt(3) == 0 ? "_b0" : "");
            default -> sb.append(SIMPLE[r.nextInt(SIMPLE.length)]);
        }
        return sb.toString();
    }

    /** A branch group of 2 or 3 branches of random tokens (an empty branch is the identity), or a block token. */
    private static void randomGroupOrBlock(SplittableRandom r, StringBuilder sb) {
        switch (r.nextInt(4)) {
            case 0 -> sb.append("ir_k").append(3 + 2 * r.nextInt(3)).append(r.nextBoolean() ? "_s2" : "")
                    .append("_e").append(1 + r.nextInt(6)).append("_c").append(8 * (1 + r.nextInt(4)))
                    .append(r.nextInt(3) == 0 ? "_se0.25" : r.nextInt(3) == 0 ? "_seh0.25" : "");
            case 1 -> sb.append(r.nextBoolean() ? "res" : "bot").append(r.nextBoolean() ? "_s2" : "").append("_c")
                    .append(8 * (1 + r.nextInt(8)));
            default -> {
                String[] joins = {")add", ")cat", ")mul"};
                sb.append("(");
                int branches = 2 + r.nextInt(2);
                for (int b = 0; b < branches; b++) {
                    sb.append(b == 0 ? " " : " | ");
                    int tokens = r.nextInt(3);
                    for (int t = 0; t < tokens; t++) {
                        sb.append(randomToken(r)).append(' ');
                    }
                }
                sb.append(joins[r.nextInt(joins.length)]);
            }
        }
    }

    /** The largest output a layer allocates: every peak holds at least that. */
    private static long maxLayerInputPlusOutput(LayerTable t) {
        long max = 0;
        for (int j = 0; j < t.size(); j++) {
            max = Math.max(max, t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET));
        }
        return max;
    }

    private static String axes(SplittableRandom r, int min, int max) {
        int a = min + r.nextInt(max - min + 1);
        return r.nextInt(5) == 0 ? a + "x" + (min + r.nextInt(max - min + 1)) : Integer.toString(a);
    }

    @Test
    void invariantsHoldForEveryRandomCandidate() {
        SplittableRandom r = new SplittableRandom(SEED);
        Engine engine = new Engine(Conventions.DEFAULT);
        Engine strict = new Engine(Conventions.DEFAULT.withFlops(FlopsConvention.STRICT).withCountElementwise(true));
        int valid = 0;
        int invalid = 0;
        for (int n = 0; n < CANDIDATES; n++) {
            int layers = 1 + r.nextInt(12);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < layers; j++) {
                sb.append(j == 0 ? "" : " ");
                if (n % 3 == 0 && r.nextInt(4) == 0) {
                    randomGroupOrBlock(r, sb);
                } else {
                    sb.append(randomToken(r));
                }
            }
            String arch = sb.toString();
            InputShape input = new InputShape(1 + r.nextInt(64), 1 + r.nextInt(64), 1 + r.nextInt(16));
            String replay = "seed " + SEED + ", candidate " + n + ": '" + arch + "' on " + input;
            try {
                if (check(arch, input, engine, strict, replay)) {
                    valid++;
                } else {
                    invalid++;
                }
            } catch (ArchSyntaxException e) {
                if (!e.getMessage().contains("unknown here (after flatten)")) {
                    fail(replay + ": the generator only writes valid syntax, but: " + e.getMessage());
                }
                invalid++;     // a block after flatten: its input channels depend on a spatial size
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(replay + ": " + e.getMessage(), e);
            }
        }
        assertTrue(valid > CANDIDATES / 10, "enough valid candidates: " + valid);
        assertTrue(invalid > CANDIDATES / 10, "enough invalid candidates: " + invalid);
    }

    /** Returns whether the candidate is valid; asserts the invariants either way. */
    private static boolean check(String arch, InputShape input, Engine engine, Engine strict, String replay) {
        CandidateBatch batch = ArchParser.parse(arch, input);
        int layers = batch.layers(0);
        for (int j = 0; j < layers; j++) {
            LayerRecord.validate(batch.records(), LayerRecord.offset(j));
        }
        if (!batch.isGraph(0)) {
            // the canonical form of a chain parses back to the same records
            String canonical = ArchFormatter.format(batch.records(), 0, layers);
            CandidateBatch again = ArchParser.parse(canonical, input);
            assertArrayEquals(Arrays.copyOf(batch.records(), layers * LayerRecord.LENGTH),
                    Arrays.copyOf(again.records(), layers * LayerRecord.LENGTH), "canonical form " + canonical);
        }

        Metrics m = new Metrics();
        LayerTable t;
        try {
            engine.score(batch, 0, m);
        } catch (InvalidArchitectureException e) {
            assertTrue(e.getMessage().startsWith("layer " + e.layer() + " (") || e.layer() == 0, e.getMessage());
            assertTrue(e.layer() >= 0 && e.layer() <= layers, "the error names a layer of the candidate");
            return false;
        }
        t = engine.trace(batch, 0);
        MetricRecord.validate(m.values(), 0);
        assertArrayEquals(m.values(), t.totals().values(), "trace totals equal the plain score");
        long macs = 0, flops = 0, params = 0, act = 0;
        for (int j = 0; j < layers; j++) {
            macs += t.get(j, LayerMetricsRecord.MACS_OFFSET);
            flops += t.get(j, LayerMetricsRecord.FLOPS_OFFSET);
            params += t.get(j, LayerMetricsRecord.PARAMS_OFFSET);
            act += t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET);
        }
        assertEquals(m.macs(), macs, "MACs are the sum over layers");
        assertEquals(m.flops(), flops, "FLOPs are the sum over layers");
        assertEquals(m.params(), params, "params are the sum over layers");
        assertEquals(m.activationTotalBytes(), act, "total activations are the sum over layers");
        long inputBytes = 4L * input.height() * input.width() * input.channels();
        assertTrue(m.activationPeakBytes() >= inputBytes, "peak holds at least the input");
        assertTrue(m.activationPeakBytes() <= inputBytes + m.activationTotalBytes(), "peak is at most input + all outputs");
        assertEquals(4 * m.params(), m.weightBytes());
        // the strict convention: 2·MACs + the same bias additions + element-wise costs ≥ multiply's FLOPs + MACs
        Metrics s = strict.score(batch, 0, new Metrics());
        assertEquals(m.macs(), s.macs());
        assertTrue(s.flops() >= m.flops() + m.macs(), "strict FLOPs add a second operation per MAC");
        // appending in-place layers changes neither costs nor memory, only BN's 2·C parameters
        Metrics more = engine.score(ArchParser.parse(arch + " relu dropout id bn", input), 0, new Metrics());
        assertEquals(m.macs(), more.macs());
        assertEquals(m.activationPeakBytes(), more.activationPeakBytes());
        assertEquals(m.activationTotalBytes(), more.activationTotalBytes());
        assertEquals(m.params() + 2 * m.outChannels(), more.params());
        // a graph costs what its layers cost: the sum over the records, whatever their wiring
        if (batch.isGraph(0)) {
            assertTrue(m.activationPeakBytes() >= maxLayerInputPlusOutput(t), "a graph's peak is at least its largest layer's");
        }
        return true;
    }
}
