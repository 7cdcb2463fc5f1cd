package io.archmeter.examples;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;

import java.util.SplittableRandom;

/**
 * A tiny random architecture search under a budget, the way a search loop embeds archmeter:
 * candidates are built from integers (no strings), scored into a reused {@link Metrics}, and the
 * same batch and builder serve every iteration, so the loop allocates nothing once warm.
 *
 * <p>Run it (after {@code mvn -B verify}): {@code java -cp
 * examples/target/classes:analyzer/target/archmeter.jar io.archmeter.examples.RandomSearchExample}.
 */
public final class RandomSearchExample {

    /** The best candidate found: its search-space choices and its metrics. */
    public record Best(int[] widths, int[] kernels, long macs, long params, long rf, int tried, int withinBudget) {
    }

    private RandomSearchExample() {
    }

    /**
     * Samples {@code trials} MobileNet-like candidates on 224×224×3 (five stages of a depthwise
     * separable block, a width and a kernel per stage) and keeps the one with the largest
     * receptive field, then the most parameters, within {@code maxMacs} and {@code maxParams}.
     */
    public static Best search(long seed, int trials, long maxMacs, long maxParams) {
        SplittableRandom random = new SplittableRandom(seed);
        Engine engine = new Engine(Conventions.DEFAULT);
        CandidateBatch batch = new CandidateBatch();
        CandidateBuilder b = new CandidateBuilder(batch);
        Metrics m = new Metrics();
        int[] widths = new int[5];
        int[] kernels = new int[5];
        int[] bestWidths = null;
        int[] bestKernels = null;
        long bestRf = -1, bestParams = -1, bestMacs = -1;
        int within = 0;
        for (int t = 0; t < trials; t++) {
            for (int s = 0; s < 5; s++) {
                widths[s] = 16 << random.nextInt(s + 1);          // 16 … 16·2^s channels
                kernels[s] = 3 + 2 * random.nextInt(3);            // 3, 5 or 7
            }
            batch.clear();
            b.begin(224, 224, 3).conv(3, 2, 16).bn().relu6();
            for (int s = 0; s < 5; s++) {
                b.depthwise(kernels[s], s == 0 ? 1 : 2).bn().relu6().conv(1, 1, widths[s]).bn().relu6();
            }
            b.gap().fc(1000).end();
            engine.score(batch, 0, m);
            if (m.macs() > maxMacs || m.params() > maxParams) {
                continue;
            }
            within++;
            long rf = Math.min(m.receptiveFieldH(), m.receptiveFieldW());
            if (rf > bestRf || rf == bestRf && m.params() > bestParams) {
                bestRf = rf;
                bestParams = m.params();
                bestMacs = m.macs();
                bestWidths = widths.clone();
                bestKernels = kernels.clone();
            }
        }
        return new Best(bestWidths, bestKernels, bestMacs, bestParams, bestRf, trials, within);
    }

    /** Scores a whole population at once, in parallel above the engine's threshold. */
    public static int countWithinBudget(CandidateBatch population, long maxMacs) {
        BatchResults results = new Engine(Conventions.DEFAULT).scoreAll(population, new BatchResults());
        int n = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.isValid(i) && results.get(i, Metric.MACS) <= maxMacs) {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        Best best = search(42, 100_000, 25_000_000L, 200_000L);
        System.out.printf("tried %,d candidates, %,d within 25M MACs and 200k params%n", best.tried(), best.withinBudget());
        System.out.printf("best: widths %s kernels %s -> rf %d, %,d MACs, %,d params%n",
                java.util.Arrays.toString(best.widths()), java.util.Arrays.toString(best.kernels()),
                best.rf(), best.macs(), best.params());
    }
}
