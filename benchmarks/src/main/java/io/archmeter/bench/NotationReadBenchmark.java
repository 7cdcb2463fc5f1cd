package io.archmeter.bench;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;
import io.archmeter.spaces.nb101.Nb101Network;
import io.archmeter.spaces.nb101.Nb101Spec;
import io.archmeter.spaces.regnet.RegNetNetwork;
import io.archmeter.spaces.regnet.RegNetParams;
import io.archmeter.spaces.scan.GenerableSpace;
import io.archmeter.spaces.scan.GenerableSpaces;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading a search space's notation (parse it and expand it into the primitive encoding) against
 * parsing an equivalent plain architecture string: the same layers, token by token, as a chain
 * (joins left out: the grammar writes them as group closers). Candidates/s, {@value #CANDIDATES}
 * per invocation. Target (issue #11): {@link #readNotation} at least half of {@link #parsePlainString}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NotationReadBenchmark {
    static final int CANDIDATES = 1_000;

    @Param({"nb101", "regnet"})
    public String space;

    String[] notations;
    String[] plain;
    InputShape input;
    int classes;
    CandidateBatch batch;
    final Nb101Network nb101 = new Nb101Network();
    final RegNetNetwork regnet = new RegNetNetwork();

    @Setup(Level.Trial)
    public void setup() {
        GenerableSpace s = GenerableSpaces.named(space);
        input = s.defaultInput();
        classes = s.defaultClasses();
        GenerableSpace.Cursor cursor = s.cursor();
        List<String> n = new ArrayList<>();
        List<String> p = new ArrayList<>();
        CandidateBatch b = new CandidateBatch();
        for (long i = 0; n.size() < CANDIDATES; i++) {
            cursor.sample(GeneratedCandidates.SEED, i);
            StringBuilder sb = new StringBuilder();
            cursor.appendNotation(sb);
            b.clear();
            try {
                cursor.appendCandidate(b, input, classes);
            } catch (IllegalArgumentException e) {
                continue;           // e.g. an NB-101 cell waiting for the slice op
            }
            n.add(sb.toString());
            p.add(plainString(b));
        }
        notations = n.toArray(new String[0]);
        plain = p.toArray(new String[0]);
        batch = new CandidateBatch(CANDIDATES, CANDIDATES * 256);
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
        final boolean isNb101 = space.equals("nb101");
        for (String s : notations) {
            b.begin(input.height(), input.width(), input.channels());
            if (isNb101) {
                nb101.append(b, Nb101Spec.parse(s), classes);
            } else {
                regnet.append(b, RegNetParams.parse(s), classes);
            }
            b.end();
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
