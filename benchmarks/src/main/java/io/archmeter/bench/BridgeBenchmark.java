package io.archmeter.bench;

import io.archmeter.bridge.Columns;
import io.archmeter.bridge.ScoringSession;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.BatchResults;
import io.archmeter.engine.Engine;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.TokenCache;
import io.archmeter.model.Conventions;
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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of the Python package's calls ({@link ScoringSession}): what one JVM call of
 * {@code Analyzer.score_many} and {@code Analyzer.score} costs once JPype has crossed, against the
 * same work done with the library directly. Candidates/s; the Python figures themselves (JPype's
 * crossing included, against a pure-Python counter) are {@code python/bench/bench.py}'s.
 *
 * <ul>
 *   <li>{@link #scorePacked}: {@value #BATCH} strings as one buffer of bytes and the row ends (how Python
 *       sends an ASCII batch whose strings hold line breaks), parsed and scored in parallel parts, columns
 *       written to direct buffers.</li>
 *   <li>{@link #scoreLines}: the same strings as Python sends an ASCII batch since 2026-12-01 (one buffer
 *       of lines, {@code "\n".join(archs)}: the bridge finds the rows, Python computes no row ends).</li>
 *   <li>{@link #scoreStrings}: the same from a {@code String[]} (non-ASCII batches, {@code serve}).</li>
 *   <li>{@link #parseAndScore}: the baseline: the library's parser with its token cache into one batch,
 *       then {@link Engine#scoreAll} (parallel). Bridge / baseline is what the packing, the parts and
 *       the columns cost or gain.</li>
 *   <li>{@link #scoreOne}: {@link ScoringSession#score} of one string into the bound buffer,
 *       {@value #ONE} per invocation: the Java share of one {@code Analyzer.score} call.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BridgeBenchmark {
    /** Candidates of one batch call: the size of the Python target (score_many of 100,000 strings). */
    public static final int BATCH = 100_000;
    /** Candidates scored one call each per invocation. */
    public static final int ONE = 1_000;

    @Param({"20"})
    public int depth;

    /** Candidates per batch; {@link #BATCH} when measured, fewer in the test of the bodies. */
    int candidates = BATCH;

    String[] archs;
    ByteBuffer text;
    ByteBuffer ends;
    ByteBuffer lines;
    ByteBuffer out;
    ByteBuffer status;
    ScoringSession session;
    CandidateBatch batch;
    TokenCache cache;
    Engine engine;
    BatchResults results;

    @Setup(Level.Trial)
    public void setup() {
        archs = GeneratedCandidates.strings(GeneratedCandidates.SEED, candidates, depth);
        byte[] bytes = String.join("", archs).getBytes(StandardCharsets.US_ASCII);
        text = ByteBuffer.allocateDirect(bytes.length).put(bytes);
        ends = ByteBuffer.allocateDirect(candidates * Integer.BYTES).order(ByteOrder.nativeOrder());
        for (int i = 0, e = 0; i < candidates; i++) {
            e += archs[i].length();
            ends.putInt(i * Integer.BYTES, e);
        }
        byte[] joined = String.join("\n", archs).getBytes(StandardCharsets.US_ASCII);
        lines = ByteBuffer.allocateDirect(joined.length).put(0, joined);
        out = ByteBuffer.allocateDirect(candidates * Columns.COUNT * Long.BYTES);
        status = ByteBuffer.allocateDirect(candidates);
        session = new ScoringSession(Conventions.DEFAULT, ArchParser.DEFAULT_CELL_CLASSES);
        session.bind(ByteBuffer.allocateDirect(Columns.COUNT * Long.BYTES));
        batch = new CandidateBatch(candidates, candidates * depth);
        cache = new TokenCache();
        engine = new Engine(Conventions.DEFAULT);
        results = new BatchResults();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ByteBuffer scorePacked() {
        int h = GeneratedCandidates.HEIGHT;
        session.scorePacked(text, ends, candidates, new String[] {h + "x" + GeneratedCandidates.WIDTH + "x" + GeneratedCandidates.CHANNELS},
                null, out, status, 0, candidates);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ByteBuffer scoreLines() {
        int h = GeneratedCandidates.HEIGHT;
        session.scoreLines(lines, candidates, new String[] {h + "x" + GeneratedCandidates.WIDTH + "x" + GeneratedCandidates.CHANNELS},
                null, out, status, 0, candidates);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ByteBuffer scoreStrings() {
        int h = GeneratedCandidates.HEIGHT;
        session.scoreStrings(archs, new String[] {h + "x" + GeneratedCandidates.WIDTH + "x" + GeneratedCandidates.CHANNELS},
                null, out, status, 0, candidates);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResults parseAndScore() {
        final CandidateBatch b = batch.clear();
        for (String arch : archs) {
            ArchParser.parseCandidate(arch, GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS,
                    ArchParser.DEFAULT_CELL_CLASSES, b, cache);
        }
        return engine.scoreAll(b, results);
    }

    @Benchmark
    @OperationsPerInvocation(ONE)
    public long scoreOne() {
        long sum = 0;
        for (int i = 0; i < ONE; i++) {
            session.score(archs[i], GeneratedCandidates.HEIGHT, GeneratedCandidates.WIDTH, GeneratedCandidates.CHANNELS);
            sum += session.value(0);
        }
        return sum;
    }
}
