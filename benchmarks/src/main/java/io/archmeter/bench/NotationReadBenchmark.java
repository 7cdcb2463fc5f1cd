package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import io.archmeter.spaces.nb101.Nb101Spec;
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

import java.util.concurrent.TimeUnit;

/**
 * Reading a search space's notation (the registry recognises it, the space parses it and writes
 * its network through the builder: {@link ArchParser#parseCandidate}, what {@code filter} does per
 * row) against parsing an equivalent plain architecture string: the same layers, token by token,
 * as a chain (joins left out: the grammar writes them as group closers). Candidates/s,
 * {@value #CANDIDATES} per invocation, one thread. Target (issue #11): {@link #readNotation} at
 * least half of {@link #parsePlainString}.
 *
 * <p>Spaces: {@code nb101} (compact {@code nb101:…}), {@code nb101-json} (the same cells as
 * {@code {"matrix": …, "ops": …}}), {@code darts} (genotypes, CIFAR network: ~1,600 layers),
 * {@code regnet} (designs of the pycls ranges).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NotationReadBenchmark {
    static final int CANDIDATES = 200;

    @Param({"nb101", "nb101-json", "darts", "regnet"})
    public String space;

    String[] notations;
    String[] plain;
    InputShape input;
    CandidateBatch batch;

    @Setup(Level.Trial)
    public void setup() {
        final boolean json = space.endsWith("-json");
        SearchSpace s = SearchSpaces.STANDARD.named(json ? "nb101" : space).orElseThrow();
        input = s.defaultInput();
        notations = new String[CANDIDATES];
        plain = new String[CANDIDATES];
        SpaceRandom random = new SpaceRandom();
        CandidateBatch b = new CandidateBatch();
        for (int i = 0; i < CANDIDATES; i++) {
            StringBuilder sb = new StringBuilder();
            s.sample(random.seed(GeneratedCandidates.SEED, i), SpaceOptions.DEFAULTS, null, sb);
            notations[i] = json ? Nb101Spec.parse(sb).json() : sb.toString();
            b.clear();
            ArchParser.parseCandidate(notations[i], input.height(), input.width(), input.channels(), b);
            plain[i] = plainString(b);
        }
        batch = new CandidateBatch(CANDIDATES, CANDIDATES * 2048);
    }

    /** The layers of candidate 0 of {@code b} as a chain string, joins left out. */
    static String plainString(CandidateBatch b) {
        StringBuilder sb = new StringBuilder();
        int[] r = b.records();
        for (int l = b.firstLayer(0); l < b.endLayer(0); l++) {
            int o = LayerRecord.offset(l);
            if (!Op.ofCode(r[o + LayerRecord.OP_OFFSET]).isJoin()) {
                sb.append(sb.length() == 0 ? "" : " ").append(ArchFormatter.token(r, o));
            }
        }
        return sb.toString();
    }

    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public CandidateBatch readNotation() {
        final CandidateBatch b = batch.clear();
        for (String s : notations) {
            ArchParser.parseCandidate(s, input.height(), input.width(), input.channels(), b);
        }
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public CandidateBatch parsePlainString() {
        final CandidateBatch b = batch.clear();
        for (String s : plain) {
            ArchParser.parseCandidate(s, input.height(), input.width(), input.channels(), b);
        }
        return b;
    }
}
