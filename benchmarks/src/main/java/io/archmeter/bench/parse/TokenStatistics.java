package io.archmeter.bench.parse;

import io.archmeter.gen.CandidateGenerator;

import java.util.HashSet;
import java.util.Set;

/**
 * How repetitive generated architecture strings are: tokens in all, distinct tokens, and so the
 * hit rate a per-token cache would reach (1 − distinct/total, every distinct token missing once).
 * A high hit rate is necessary for {@link io.archmeter.grammar.TokenCache} to pay, not sufficient: a hit must
 * also be cheaper than parsing, which {@code ParseBenchmark} measures.
 *
 * @param candidates candidates examined
 * @param depth      layers per candidate
 * @param tokens     tokens in all (candidates × depth)
 * @param distinct   distinct tokens
 */
public record TokenStatistics(int candidates, int depth, long tokens, int distinct) {

    /** Counts the tokens of {@code candidates} generated candidates of {@code depth} layers. */
    public static TokenStatistics of(long seed, int candidates, int depth) {
        CandidateGenerator generator = new CandidateGenerator(seed);
        Set<String> distinct = new HashSet<>();
        long tokens = 0;
        for (int i = 0; i < candidates; i++) {
            for (String token : generator.next(depth).split(" ")) {
                distinct.add(token);
                tokens++;
            }
        }
        return new TokenStatistics(candidates, depth, tokens, distinct.size());
    }

    /** Hit rate of a cache that starts empty and never evicts. */
    public double hitRate() {
        return tokens == 0 ? 0 : 1.0 - (double) distinct / tokens;
    }

    /** Prints the statistics for 8, 20 and 60 layers: {@code java -cp benchmarks.jar io.archmeter.bench.parse.TokenStatistics [candidates]}. */
    public static void main(String[] args) {
        int candidates = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (int depth : new int[] {8, 20, 60}) {
            TokenStatistics s = of(io.archmeter.bench.GeneratedCandidates.SEED, candidates, depth);
            System.out.printf("depth %2d: %,d tokens, %,d distinct, cache hit rate %.4f%%%n",
                    depth, s.tokens(), s.distinct(), 100 * s.hitRate());
        }
    }
}
