package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;
import io.archmeter.model.Op;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The library as a search loop uses it: each iteration builds one MobileNetV2-like candidate with
 * {@link CandidateBuilder} (no strings) and scores it with {@code engine.score(batch, 0, metrics)}
 * into a reused {@link Metrics}, one candidate at a time, on one thread. The candidates follow
 * torchvision's MobileNetV2 (stem, 17 inverted residuals in 7 stages of 16 to 320 channels, 1x1 to
 * 1280, classifier: about 150 layers, graphs with residual joins), with each block's kernel (3, 5
 * or 7) and expansion (3, 4 or 6; the first block 1) drawn in {@code @Setup(Level.Trial)}, as in
 * ProxylessNAS/OFA-style spaces. Reports <b>candidates/s</b> built and scored.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BuilderLoopBenchmark {
    static final int CANDIDATES = 1_000;

    /** torchvision's MobileNetV2 stages: expansion, output channels, blocks, stride of the first block. */
    static final int[][] STAGES = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2},
        {6, 320, 1, 1}};

    /** Inverted residual blocks per candidate. */
    static final int BLOCKS = 17;

    private static final int[] KERNELS = {3, 5, 7};
    private static final int[] EXPANSIONS = {3, 4, 6};

    int candidates = CANDIDATES;
    /** Per candidate and block: the kernel and the expansion ratio. */
    int[][] kernel;
    int[][] expansion;
    Engine engine;
    CandidateBatch batch;
    CandidateBuilder builder;
    Metrics metrics;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom random = new SplittableRandom(GeneratedCandidates.SEED);
        kernel = new int[candidates][BLOCKS];
        expansion = new int[candidates][BLOCKS];
        for (int i = 0; i < candidates; i++) {
            for (int blk = 0; blk < BLOCKS; blk++) {
                kernel[i][blk] = KERNELS[random.nextInt(KERNELS.length)];
                expansion[i][blk] = blk == 0 ? 1 : EXPANSIONS[random.nextInt(EXPANSIONS.length)];
            }
        }
        engine = new Engine(Conventions.DEFAULT);
        batch = new CandidateBatch();
        builder = new CandidateBuilder(batch);
        metrics = new Metrics();
    }

    /** Builds candidate {@code i} into the (cleared) batch, as a search loop would. */
    void build(int i) {
        batch.clear();
        CandidateBuilder b = builder.begin(GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS)
                .conv(3, 3, 2, 2, 1, 1, 1, 1, 1, 32, false).bn().relu6();
        int blk = 0;
        for (int[] stage : STAGES) {
            for (int r = 0; r < stage[2]; r++, blk++) {
                b.invertedResidual(kernel[i][blk], r == 0 ? stage[3] : 1, (double) expansion[i][blk], stage[1], Op.RELU6);
            }
        }
        b.conv(1, 1, 1, 1, 0, 0, 1, 1, 1, 1280, false).bn().relu6().gap().simple(Op.DROPOUT).fc(1000).end();
    }

    /** Builds and scores every candidate once; returns a checksum of their MACs and parameters. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public long buildAndScore() {
        long sum = 0;
        for (int i = 0; i < candidates; i++) {
            build(i);
            engine.score(batch, 0, metrics);
            sum += metrics.macs() + 31 * metrics.params();
        }
        return sum;
    }
}
