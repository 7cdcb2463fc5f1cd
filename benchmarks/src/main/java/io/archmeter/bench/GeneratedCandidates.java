package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.gen.CandidateGenerator;
import io.archmeter.grammar.ArchParser;

/**
 * The inputs of every benchmark: seeded {@link CandidateGenerator} chains on 224×224×3, so that
 * each benchmark, each test and each machine sees the same candidates without a data file.
 * Built in {@code @Setup(Level.Trial)}, never inside a measured method.
 */
public final class GeneratedCandidates {
    /** Seed of every benchmark input. Changing it changes every figure a little: keep it. */
    public static final long SEED = 20_261_129L;
    public static final int HEIGHT = 224;
    public static final int WIDTH = 224;
    public static final int CHANNELS = 3;

    private GeneratedCandidates() {
    }

    /** {@code count} architecture strings of exactly {@code depth} layers. */
    public static String[] strings(long seed, int count, int depth) {
        CandidateGenerator generator = new CandidateGenerator(seed);
        String[] archs = new String[count];
        for (int i = 0; i < count; i++) {
            archs[i] = generator.next(depth);
        }
        return archs;
    }

    /**
     * {@code count} MobileNet-style candidates of {@code blocks} inverted-residual blocks
     * ({@link CandidateGenerator#nextBlocks}) parsed into one batch: graphs with residual joins
     * and squeeze-excite, the shape of the search spaces in use.
     */
    public static CandidateBatch blockBatch(long seed, int count, int blocks) {
        CandidateGenerator generator = new CandidateGenerator(seed);
        CandidateBatch batch = new CandidateBatch(count, count * (blocks * 12 + 8));
        for (int i = 0; i < count; i++) {
            ArchParser.parseCandidate(generator.nextBlocks(blocks), HEIGHT, WIDTH, CHANNELS, batch);
        }
        return batch;
    }

    /** {@code count} candidates of {@code depth} layers parsed into one batch, without keeping the strings. */
    public static CandidateBatch batch(long seed, int count, int depth) {
        return batches(seed, count, depth, count)[0];
    }

    /**
     * {@code count} candidates of {@code depth} layers cut into {@code count / batchSize} batches
     * of {@code batchSize} candidates each: the same candidates for every batch size, so that a
     * batch-size sweep changes only how the work is cut.
     */
    public static CandidateBatch[] batches(long seed, int count, int depth, int batchSize) {
        if (batchSize < 1 || count % batchSize != 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " must divide " + count);
        }
        CandidateGenerator generator = new CandidateGenerator(seed);
        CandidateBatch[] batches = new CandidateBatch[count / batchSize];
        for (int b = 0; b < batches.length; b++) {
            CandidateBatch batch = new CandidateBatch(batchSize, batchSize * depth);
            for (int i = 0; i < batchSize; i++) {
                ArchParser.parseCandidate(generator.next(depth), HEIGHT, WIDTH, CHANNELS, batch);
            }
            batches[b] = batch;
        }
        return batches;
    }
}
