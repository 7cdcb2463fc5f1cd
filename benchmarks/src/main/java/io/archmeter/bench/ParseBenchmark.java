package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.AsciiText;
import io.archmeter.grammar.TokenCache;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static io.archmeter.bench.BenchmarkDefaults.PARSED_CANDIDATES;

/**
 * Parsing architecture strings into the primitive encoding: {@value BenchmarkDefaults#PARSED_CANDIDATES}
 * generated strings of {@link #depth} layers per invocation, into a batch cleared first (so no
 * allocation once it has grown). The primary score is <b>candidates/s</b>; the secondary metric
 * {@code bytes} ({@link ParsedBytes}) is characters parsed per second, i.e. bytes/s of ASCII
 * input (÷ 10⁶ for MB/s).
 *
 * <ul>
 *   <li>{@link #archParser}: the library's {@link ArchParser#parseCandidate}.</li>
 *   <li>{@link #tokenCache}: the same parser with the library's {@link TokenCache} (as the filter
 *       pipeline uses it), which copies the record of a token seen before instead of parsing it;
 *       its ratio to {@link #archParser} is what the cache pays.</li>
 *   <li>{@link #tokenCacheBytes}: the same strings as ASCII bytes in one array, each read through an
 *       {@link AsciiText} view with the library's {@link TokenCache}: how {@code filter --threads} and the
 *       Python bridge ({@code score_many}) parse, tokens found by their 8-byte words.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ParseBenchmark {
    @Param({"8", "20", "60"})
    public int depth;

    String[] archs;
    long chars;
    CandidateBatch batch;
    TokenCache cache;
    /** The strings' bytes one after another, string i ending at {@code ends[i]}. */
    byte[] text;
    int[] ends;
    AsciiText view;

    /** Characters parsed, reported by JMH per second as the secondary metric {@code bytes}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ParsedBytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setup() {
        archs = GeneratedCandidates.strings(GeneratedCandidates.SEED, PARSED_CANDIDATES, depth);
        chars = 0;
        for (String a : archs) {
            chars += a.length();
        }
        batch = new CandidateBatch(PARSED_CANDIDATES, PARSED_CANDIDATES * depth);
        cache = new TokenCache();
        text = String.join("", archs).getBytes(StandardCharsets.US_ASCII);
        ends = new int[archs.length];
        for (int i = 0, e = 0; i < archs.length; i++) {
            e += archs[i].length();
            ends[i] = e;
        }
        view = new AsciiText();
    }

    @Benchmark
    @OperationsPerInvocation(PARSED_CANDIDATES)
    public CandidateBatch archParser(ParsedBytes counter) {
        final CandidateBatch b = batch.clear();
        for (String arch : archs) {
            ArchParser.parseCandidate(arch, GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS, b);
        }
        counter.bytes += chars;
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(PARSED_CANDIDATES)
    public CandidateBatch tokenCache(ParsedBytes counter) {
        final CandidateBatch b = batch.clear();
        for (String arch : archs) {
            ArchParser.parseCandidate(arch, GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS,
                    ArchParser.DEFAULT_CELL_CLASSES, b, cache);
        }
        counter.bytes += chars;
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(PARSED_CANDIDATES)
    public CandidateBatch tokenCacheBytes(ParsedBytes counter) {
        final CandidateBatch b = batch.clear();
        for (int i = 0; i < ends.length; i++) {
            ArchParser.parseCandidate(view.set(text, i == 0 ? 0 : ends[i - 1], ends[i]), GeneratedCandidates.HEIGHT,
                    GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS, ArchParser.DEFAULT_CELL_CLASSES, b, cache);
        }
        counter.bytes += chars;
        return b;
    }
}
