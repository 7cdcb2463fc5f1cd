package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import io.archmeter.zoo.Zoo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract, run over every way the library scores a candidate: they must agree to the last
 * digit, on the zoo's published values and on generated candidates, valid or not.
 */
@DisplayName("every scoring path")
class ScoringPathsContractTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    /** A way to score all candidates of a batch into one MetricRecord each (all-zero with status for invalid ones). */
    enum ScoringPath {
        SINGLE_CANDIDATE {
            @Override
            long[][] score(CandidateBatch batch) {
                Engine engine = new Engine(Conventions.DEFAULT);
                long[][] out = new long[batch.size()][];
                Metrics m = new Metrics();
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        engine.score(batch, i, m);
                        out[i] = m.values().clone();
                    } catch (InvalidArchitectureException e) {
                        out[i] = invalid();
                    }
                }
                return out;
            }
        },
        BATCH_SERIAL {
            @Override
            long[][] score(CandidateBatch batch) {
                return rows(new Engine(Conventions.DEFAULT, Integer.MAX_VALUE).scoreAll(batch, new BatchResults()));
            }
        },
        BATCH_PARALLEL_COMMON_POOL {
            @Override
            long[][] score(CandidateBatch batch) {
                return rows(new Engine(Conventions.DEFAULT, 1).scoreAll(batch, new BatchResults()));
            }
        },
        BATCH_PARALLEL_CALLERS_POOL {
            @Override
            long[][] score(CandidateBatch batch) {
                return rows(new Engine(Conventions.DEFAULT, 1).scoreAll(batch, new BatchResults(), POOL));
            }
        },
        BATCH_FROM_INSIDE_A_FORK_JOIN_TASK {
            @Override
            long[][] score(CandidateBatch batch) {
                return POOL.submit(() -> rows(new Engine(Conventions.DEFAULT, 1).scoreAll(batch, new BatchResults()))).join();
            }
        },
        LAYER_TRACE {
            @Override
            long[][] score(CandidateBatch batch) {
                Engine engine = new Engine(Conventions.DEFAULT);
                long[][] out = new long[batch.size()][];
                for (int i = 0; i < batch.size(); i++) {
                    try {
                        out[i] = engine.trace(batch, i).totals().values().clone();
                    } catch (InvalidArchitectureException e) {
                        out[i] = invalid();
                    }
                }
                return out;
            }
        };

        abstract long[][] score(CandidateBatch batch);

        static long[] invalid() {
            long[] r = new long[MetricRecord.LENGTH];
            r[MetricRecord.STATUS_OFFSET] = MetricRecord.STATUS_INVALID;
            return r;
        }

        static long[][] rows(BatchResults results) {
            long[][] out = new long[results.size()][];
            for (int i = 0; i < results.size(); i++) {
                int o = MetricRecord.offset(i);
                out[i] = java.util.Arrays.copyOfRange(results.values(), o, o + MetricRecord.LENGTH);
                assertEquals(results.isValid(i), results.error(i) == null, "an error message exactly for invalid candidates");
            }
            return out;
        }
    }

    private static CandidateBatch zooBatch() {
        CandidateBatch batch = new CandidateBatch();
        for (Zoo.Model m : Zoo.all().values()) {
            InputShape in = m.input();
            ArchParser.parseCandidate(m.arch(), in.height(), in.width(), in.channels(), batch);
        }
        return batch;
    }

    @ParameterizedTest
    @EnumSource(ScoringPath.class)
    void reproducesThePublishedZooValues(ScoringPath path) {
        long[][] rows = path.score(zooBatch());
        List<String> names = new ArrayList<>(Zoo.all().keySet());
        long[] alexnet = rows[names.indexOf("alexnet")];
        assertEquals(60_965_224L, alexnet[MetricRecord.PARAMS_OFFSET]);
        assertEquals(724_406_816L, alexnet[MetricRecord.MACS_OFFSET]);
        assertEquals(725_066_088L, alexnet[MetricRecord.FLOPS_OFFSET]);
        assertEquals(195L, alexnet[MetricRecord.RF_H_OFFSET]);
        long[] vgg = rows[names.indexOf("vgg16")];
        assertEquals(138_357_544L, vgg[MetricRecord.PARAMS_OFFSET]);
        assertEquals(15_470_264_320L, vgg[MetricRecord.MACS_OFFSET]);
        assertEquals(212L, vgg[MetricRecord.RF_H_OFFSET]);
        long[] tv = rows[names.indexOf("alexnet-tv")];
        assertEquals(61_100_840L, tv[MetricRecord.PARAMS_OFFSET]);
        assertEquals(714_188_480L, tv[MetricRecord.MACS_OFFSET]);
    }

    @ParameterizedTest
    @EnumSource(ScoringPath.class)
    void agreesWithTheSingleCandidatePathOnGeneratedCandidatesValidOrNot(ScoringPath path) {
        CandidateBatch batch = new CandidateBatch();
        CandidateGenerator gen = new CandidateGenerator(7);
        for (int i = 0; i < 5000; i++) {
            // small inputs make some candidates invalid (output size 0), so both outcomes are exercised
            int side = i % 5 == 0 ? 8 + i % 17 : 224;
            ArchParser.parseCandidate(gen.next(8 + i % 40), side, side, 3, batch);
        }
        long[][] expected = ScoringPath.SINGLE_CANDIDATE.score(batch);
        long[][] actual = path.score(batch);
        boolean sawInvalid = false;
        boolean sawValid = false;
        for (int i = 0; i < batch.size(); i++) {
            assertArrayEquals(expected[i], actual[i], "candidate " + i);
            boolean valid = actual[i][MetricRecord.STATUS_OFFSET] == MetricRecord.STATUS_OK;
            sawInvalid |= !valid;
            sawValid |= valid;
        }
        assertTrue(sawValid);
        assertTrue(sawInvalid);
        assertFalse(batch.size() < Engine.DEFAULT_PARALLEL_THRESHOLD, "the batch is large enough to go parallel");
    }
}
