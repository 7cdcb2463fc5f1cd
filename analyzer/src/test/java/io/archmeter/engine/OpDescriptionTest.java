package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.encoding.Parts;
import io.archmeter.grammar.ArchFormatter;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;
import io.archmeter.model.OpCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every op is described completely, and what its description says is what the engine computes.
 * The shapes and receptive fields expected here are computed in the test from the textbook rules
 * (the sliding-window size, r = 1 + (k−1)·d on a first layer), not read from archmeter.
 */
@DisplayName("every op's description")
class OpDescriptionTest {
    private static final int H = 9;
    private static final int W = 8;
    private static final int C = 12;

    @Test
    void everyOpCodeHasExactlyOneDescriptionAndEveryDescriptionItsCode() throws IllegalAccessException {
        Set<Integer> codes = new HashSet<>();
        for (Field f : OpCode.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && !f.getName().equals("COUNT")) {
                int code = f.getInt(null);
                assertTrue(codes.add(code), "two OpCode constants share code " + code);
                assertEquals(f.getName(), Op.ofCode(code).name(), "OpCode." + f.getName() + " is described by Op." + f.getName());
            }
        }
        assertEquals(OpCode.COUNT, codes.size());
        assertEquals(OpCode.COUNT, Op.values().length);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOpHasEveryTrait(Op op) {
        assertNotNull(op.family(), "family");
        assertNotNull(op.memory(), "memory");
        assertNotNull(op.spatial(), "spatial rule");
        assertNotNull(op.channels(), "channel rule");
        assertNotNull(op.field(), "receptive-field rule");
        assertFalse(op.description().isBlank(), "description");
        assertTrue(op.token().matches("[a-z][a-z0-9]*"), "token " + op.token());
        for (KeyUse u : op.keys()) {
            assertTrue(LayerRecord.fieldOf(u.key()) >= 0 || LayerRecord.flagOf(u.key()) != 0,
                    op.token() + ": key " + u.key().token() + " has a home in the record");
        }
        assertEquals(op.isJoin(), op.family() == Op.Family.JOIN);
    }

    @Test
    void tokensAreDistinct() {
        assertEquals(Op.values().length, Arrays.stream(Op.values()).map(Op::token).distinct().count());
    }

    /** One layer of {@code op} with its required keys set to their typical values (k 3, g 2, c 10). */
    private static Parts typicalParts(Op op) {
        Parts p = new Parts();
        for (KeyUse u : op.keys()) {
            if (u.rule() == KeyUse.Default.REQUIRED) {
                p.set(u.key(), u.key() == Key.C ? 10 : u.example());
            }
        }
        return p;
    }

    private static LayerTable traceOne(Op op, Parts parts) {
        return new Engine(Conventions.DEFAULT.withCountElementwise(true)).trace(batchOf(op, parts), 0);
    }

    private static CandidateBatch batchOf(Op op, Parts parts) {
        CandidateBatch batch = new CandidateBatch();
        CandidateBuilder b = new CandidateBuilder(batch).begin(H, W, C);
        if (op.isJoin()) {
            // ( | conv 1x1 to C )op: both inputs H x W x C
            b.beginGroup().nextBranch().conv(1, 1, 1, C, false).endGroup(op);
        } else {
            b.layer(op, parts);
        }
        b.end();
        return batch;
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void theEngineHasAFormulaForEveryOpAndItAgreesWithTheDescription(Op op) {
        Parts parts = typicalParts(op);
        LayerTable t = traceOne(op, parts);
        int j = t.size() - 1;
        long outH = t.get(j, LayerMetricsRecord.OUT_H_OFFSET);
        long outW = t.get(j, LayerMetricsRecord.OUT_W_OFFSET);
        long outC = t.get(j, LayerMetricsRecord.OUT_C_OFFSET);
        int k = parts.has(Key.K) ? parts.get(Key.K) : 1;
        // spatial rule, by the sliding-window formula with the op's defaults (stride 1 or k, "same" or no padding)
        switch (op.spatial()) {
            case KEEP, FROM_INPUTS -> assertEquals(List.of((long) H, (long) W), List.of(outH, outW), "spatial: unchanged");
            case TO_ONE -> assertEquals(List.of(1L, 1L), List.of(outH, outW), "spatial: 1x1");
            case WINDOW -> {
                int s = op.use(Key.S).rule() == KeyUse.Default.KERNEL ? k : 1;
                int p = op.use(Key.P).rule() == KeyUse.Default.SAME_PADDING ? (k - 1) / 2 : 0;
                assertEquals((H + 2 * p - (k - 1) - 1) / s + 1, outH, "spatial: window rule along H");
                assertEquals((W + 2 * p - (k - 1) - 1) / s + 1, outW, "spatial: window rule along W");
            }
            case CROP -> assertEquals(List.of((long) H - parts.get(Key.O), (long) W - parts.getWidth(Key.O)), List.of(outH, outW),
                    "spatial: the offset's rows and columns dropped");
        }
        switch (op.channels()) {
            case KEEP -> assertEquals(C, outC, "channels kept");
            case SUM -> assertEquals(2L * C, outC, "channels summed");
            case C -> assertEquals(10, outC, "channels: c");
            case C_OR_MULTIPLIER -> assertEquals(parts.has(Key.C) ? 10 : C, outC, "channels: c, or C_in * m");
            case FLATTEN -> assertEquals((long) H * W * C, outC, "channels: H*W*C");
        }
        long rfH = t.get(j, LayerMetricsRecord.RF_H_OFFSET);
        boolean global = t.isGlobal(j);
        switch (op.field()) {
            case KEEP, UNION -> {
                assertEquals(1, rfH, "field unchanged");
                assertFalse(global);
            }
            case WHOLE -> assertTrue(global, "sees the whole input");
            case WINDOW -> {
                assertEquals(k, rfH, "r = 1 + (k-1) on a first layer");
                assertFalse(global);
            }
            case SHIFT -> {
                assertEquals(1, rfH, "r unchanged by a shift");
                assertEquals(-parts.get(Key.O), t.get(j, LayerMetricsRecord.PAD_H_OFFSET), "P = -o on a first layer");
                assertFalse(global);
            }
        }
        long actBytes = t.get(j, LayerMetricsRecord.ACT_BYTES_OFFSET);
        assertEquals(op.allocates(), actBytes > 0, "allocates its output: " + op.memory());
        assertEquals(op.memory() == Op.Memory.VIEW, batchOf(op, parts).isGraph(0) && !op.isJoin(),
                "a view of part of its input, and only one, makes a candidate a graph (its input stays alive)");
        if (op.allocates()) {
            assertEquals(outH * outW * outC * 4, actBytes, "allocates exactly its output, fp32");
        }
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOpWrittenByTheBuilderIsValidAndFormatsToATokenThatParsesBackToTheSameRecord(Op op) {
        if (op.isJoin()) {
            return;   // joins format as the ")add" closing a group: covered by the group tests
        }
        CandidateBatch built = new CandidateBatch();
        new CandidateBuilder(built).begin(H, W, C).layer(op, typicalParts(op)).end();
        int[] record = Arrays.copyOf(built.records(), LayerRecord.LENGTH);
        LayerRecord.validate(record, 0);
        String token = ArchFormatter.token(record, 0);
        CandidateBatch parsed = ArchParser.parse(token, new InputShape(H, W, C));
        assertArrayEquals(record, Arrays.copyOf(parsed.records(), LayerRecord.LENGTH), token);
    }

    @Test
    void aRecordWithAnOpCodeThatHasNoDescriptionIsAnInvalidCandidateNotACrash() {
        CandidateBatch batch = new CandidateBatch();
        new CandidateBuilder(batch).begin(8, 8, 3).conv(3, 1, 8).relu().end();
        batch.records()[LayerRecord.offset(1) + LayerRecord.OP_OFFSET] = 99;     // written past validation
        BatchResults results = new Engine(Conventions.DEFAULT).scoreAll(batch, new BatchResults());
        assertFalse(results.isValid(0));
        assertTrue(results.error(0).contains("layer 2: unknown op code 99"), results.error(0));
    }

    /** A trait decided by where a code falls: {@code op >= OpCode.ADD}, {@code OpCode.RELU <= op}, {@code op < 19}. */
    private static final Pattern CODE_RANGE = Pattern.compile(
            "[<>]=?\\s*OpCode\\.(?!COUNT\\b)[A-Z_0-9]+|OpCode\\.(?!COUNT\\b)[A-Z_0-9]+\\s*[<>]|\\b(op|code)\\s*[<>]=?\\s*[1-9]");

    @Test
    void noSourceDecidesATraitByARangeOfOpCodes() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../benchmarks/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = CODE_RANGE.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertTrue(Files.isDirectory(Path.of("src/main/java")), "runs from the analyzer module");
        assertEquals(List.of(), found);
    }
}
