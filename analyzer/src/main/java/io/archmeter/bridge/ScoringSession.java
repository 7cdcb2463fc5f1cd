package io.archmeter.bridge;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.InvalidArchitectureException;
import io.archmeter.engine.LayerTable;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.grammar.TokenCache;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import io.archmeter.model.InputShape;
import io.archmeter.model.Op;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * What the Python package ({@code python/archmeter}) calls through JPype, and {@code serve} in
 * process: one crossing per candidate or per batch, each doing the whole work (parse, score, write).
 *
 * <h2>One candidate: {@link #score}</h2>
 * <pre>{@code
 * ScoringSession s = ScoringSession.create("multiply", false, "fp32", "fp32", 10);
 * ByteBuffer out = ByteBuffer.allocateDirect(Columns.COUNT * 8);   // Python: a bytearray it owns
 * s.bind(out);
 * int status = s.score("conv_k3_s2_c16 bn relu gap fc_c10", 32, 32, 3);
 * // status RowStatus.OK: out holds Columns.COUNT longs in native order, e.g.
 * //   macs 110,752 = 3·3·3·16 · 16·16 (conv) + 16·10 (fc); params 650 = (27 + 1)·16 + 2·16 (bn) + (16 + 1)·10
 * // any other status: s.reason() says why
 * }</pre>
 * Python reads the bound buffer with one {@code struct.unpack_from}: no call per metric, which is
 * what costs (platform notes: each crossing is a few µs). An invalid candidate is a status and a
 * {@link #reason()}, not an exception: evolutionary searches make many, and a Java exception
 * crossing into Python costs tens of µs.
 *
 * <h2>A batch: {@link #scoreStrings}, {@link #scorePacked}, {@link #scoreProgram}</h2>
 * Rows in, columns out: column k of row i at long {@code k·n + i} of {@code out}, the row's
 * {@link RowStatus} at byte i of {@code status}; {@link #reasons()} then lists the invalid rows'
 * reasons, the words of {@code archmeter filter}'s rejects. The buffers are NumPy arrays' memory
 * (JPype's {@code convertToDirectBuffer}); nothing is kept after the call returns. Batches of
 * {@link #PARALLEL_ROWS} rows or more are cut into one part per core, parsed and scored in parallel
 * (in the common fork-join pool).
 *
 * <p>Inputs: {@code h = w = c = 0} (or a null / empty input spec) is the notation's default
 * ({@link InputDefaults}: 32×32×3 for NAS-Bench-101/201 cells, NATS-Bench strings and DARTS genotypes, else 224×224×3).
 *
 * <p><b>Not thread-safe</b>: one session per thread (the Python package keeps one per thread).
 */
public final class ScoringSession {
    /** Rows below which a batch is parsed and scored on the caller's thread only. */
    public static final int PARALLEL_ROWS = 2048;

    private final Conventions conventions;
    private final int cellClasses;
    /** Scores the parts of a batch: each part is already one thread's work, so the engine stays serial. */
    private final Engine serial;
    /** Scores build programs, which are decoded on one thread: parallel above the engine's threshold. */
    private final Engine engine;
    private final CandidateBatch one = new CandidateBatch(1, 64);
    private final TokenCache tokens = new TokenCache();
    private final long[] record = new long[MetricRecord.LENGTH];
    private final int[] hwc = new int[3];
    private final CandidateBuilder oneBuilder = new CandidateBuilder(one);
    private final int[] oneCandidate = new int[1];
    private final String[] oneReason = new String[1];
    private LongBuffer single;
    private IntBuffer boundProgram;
    private String reason;
    private LayerTable table;
    private BatchPart[] parts = new BatchPart[0];
    private String[] rowReasons = new String[0];
    /** The heap copy of the last packed batch's text, reused by the next (it grows to the largest). */
    private byte[] packedText;
    /** The row ends of the last packed batch, reused likewise. */
    private int[] packedEnds;
    private int rows;

    /**
     * A session costing under {@code conventions}, search-space networks with {@code cellClasses}
     * classes (0, {@link io.archmeter.spaces.SpaceOptions#SPACE_DEFAULT}: each space's own).
     */
    public ScoringSession(Conventions conventions, int cellClasses) {
        this.conventions = Objects.requireNonNull(conventions, "conventions");
        if (cellClasses < 0) {
            throw new IllegalArgumentException("classes must be at least 1 (or 0 for each space's own), not " + cellClasses);
        }
        this.cellClasses = cellClasses;
        this.serial = new Engine(conventions, Integer.MAX_VALUE);
        this.engine = new Engine(conventions);
    }

    /**
     * A session from the conventions' names, as the command line spells them.
     *
     * @param flops            {@code multiply} or {@code strict}
     * @param countElementwise whether pooling, batch norm, activations and LRN add FLOPs
     * @param weightDtype      fp32, fp16, bf16, int8 or fp64
     * @param actDtype         fp32, fp16, bf16, int8 or fp64
     * @param cellClasses      classes of search-space networks (e.g. 10, 100, 120); 0 for each space's own
     * @throws IllegalArgumentException naming the value that is not valid and the valid ones
     */
    public static ScoringSession create(String flops, boolean countElementwise, String weightDtype, String actDtype,
                                        int cellClasses) {
        return new ScoringSession(new Conventions(FlopsConvention.parse(flops), countElementwise, DType.parse(weightDtype),
                DType.parse(actDtype)), cellClasses);
    }

    public Conventions conventions() {
        return conventions;
    }

    public int cellClasses() {
        return cellClasses;
    }

    /** The output columns, in order: {@link Columns}. */
    public static String[] columnNames() {
        return Columns.names();
    }

    /** Op tokens by {@link Op#code()}: the op numbers of a {@link BuildProgram}. */
    public static String[] opTokens() {
        Op[] ops = Op.values();
        String[] t = new String[ops.length];
        for (Op op : ops) {
            t[op.code()] = op.token();
        }
        return t;
    }

    /** The kind of a {@link RowStatus}: ok, syntax, shapes, input or build. */
    public static String kind(int status) {
        return RowStatus.kind(status);
    }

    /**
     * {@code HxWxC} as {@code {h, w, c}}.
     *
     * @throws IllegalArgumentException with the reason {@code archmeter filter} gives such a cell
     */
    public static int[] parseInput(String spec) {
        InputShape s;
        try {
            s = InputShape.parse(Objects.requireNonNull(spec, "input"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RowStatus.badInput(spec), e);
        }
        if (s.looksChannelsFirst()) {
            throw new IllegalArgumentException(RowStatus.channelsFirst(s));
        }
        return new int[] {s.height(), s.width(), s.channels()};
    }

    // ---------------------------------------------------------------- one candidate

    /**
     * Makes {@link #score} also write each candidate's {@link Columns#COUNT} columns to {@code out}
     * (from byte 0, in native byte order), the buffer the caller reads. Kept until the next bind.
     */
    public void bind(ByteBuffer out) {
        if (out.capacity() < Columns.COUNT * Long.BYTES) {
            throw new IllegalArgumentException("the output buffer holds " + out.capacity() + " bytes; "
                    + Columns.COUNT * Long.BYTES + " needed");
        }
        single = out.duplicate().order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    /**
     * Parses and scores {@code arch} on an h×w×c input (all 0: the notation's default).
     *
     * @return {@link RowStatus#OK}, and the columns are in the bound buffer and {@link #value};
     *         or another status, and {@link #reason()} says why
     */
    public int score(CharSequence arch, int h, int w, int c) {
        int status = parse(arch, h, w, c);
        if (status == RowStatus.OK) {
            try {
                engine.score(one, 0, record, 0);
            } catch (InvalidArchitectureException e) {
                return fail(RowStatus.SHAPES, e.getMessage());
            }
            publish();
        }
        return status;
    }

    /** Copies the scored record's columns to the bound buffer, where the caller reads them. */
    private void publish() {
        if (single != null) {
            for (int k = 0; k < Columns.COUNT; k++) {
                single.put(k, Columns.get(record, 0, k));
            }
        }
    }

    private int parse(CharSequence arch, int h, int w, int c) {
        Objects.requireNonNull(arch, "arch");
        reason = null;
        table = null;
        one.clear();
        if (h == 0 && w == 0 && c == 0) {
            InputDefaults.of(arch, hwc);
        } else if (h < 1 || w < 1 || c < 1) {
            reason = RowStatus.badInput(h, w, c);
            return RowStatus.INPUT;
        } else if (new InputShape(h, w, c).looksChannelsFirst()) {
            reason = RowStatus.channelsFirst(new InputShape(h, w, c));
            return RowStatus.INPUT;
        } else {
            hwc[0] = h;
            hwc[1] = w;
            hwc[2] = c;
        }
        try {
            ArchParser.parseCandidate(arch, hwc[0], hwc[1], hwc[2], cellClasses, one, tokens);
        } catch (IllegalArgumentException e) {
            return fail(RowStatus.SYNTAX, e.getMessage());
        }
        return RowStatus.OK;
    }

    private int fail(byte status, String message) {
        reason = RowStatus.reason(status, message);
        return status;
    }

    /**
     * Makes {@link #scoreBuilt} read its build program from {@code program} (native-order ints from
     * byte 0), a buffer the caller fills before each call. Kept until the next bind.
     */
    public void bindProgram(ByteBuffer program) {
        boundProgram = program.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    /**
     * Scores the one candidate of the first {@code length} ints of the bound build program, as
     * {@link #score} scores a string: the Java side of {@code Analyzer.score(builder)}.
     *
     * @return a {@link RowStatus}; {@link #reason()} says why when it is not OK
     * @throws IllegalArgumentException if the program is malformed or does not hold one candidate
     */
    public int scoreBuilt(int length) {
        if (boundProgram == null || length < 0 || length > boundProgram.capacity()) {
            throw new IllegalArgumentException("no bound build program of " + length + " ints: call bindProgram first");
        }
        reason = null;
        table = null;
        one.clear();
        if (BuildProgram.decode(boundProgram, length, oneBuilder, oneCandidate, oneReason) != 1) {
            throw new IllegalArgumentException("build program: one candidate expected");
        }
        if (oneCandidate[0] < 0) {
            reason = oneReason[0];
            return RowStatus.BUILD;
        }
        hwc[0] = one.inputHeight(0);
        hwc[1] = one.inputWidth(0);
        hwc[2] = one.inputChannels(0);
        try {
            engine.score(one, 0, record, 0);
        } catch (InvalidArchitectureException e) {
            return fail(RowStatus.SHAPES, e.getMessage());
        }
        publish();
        return RowStatus.OK;
    }

    /** Column {@code k} of the candidate {@link #score} scored last. */
    public long value(int k) {
        return Columns.get(record, 0, k);
    }

    /** Why the last {@link #score} or {@link #trace} failed (the words of {@code filter}'s rejects), or null. */
    public String reason() {
        return reason;
    }

    /** The input shape the last {@link #score} or {@link #trace} used, {@code HxWxC}. */
    public String lastInput() {
        return hwc[0] + "x" + hwc[1] + "x" + hwc[2];
    }

    // ---------------------------------------------------------------- per layer

    /** Names of the per-layer columns of {@link #layerValues()}, in order. */
    public static String[] layerColumnNames() {
        return LayerColumns.names();
    }

    /**
     * Parses and scores {@code arch} layer by layer ({@link Engine#trace}, the table of
     * {@code archmeter summary}); then {@link #layerValues()}, {@link #layerTokens()} and
     * {@link #layerInputs()} describe its layers, and the totals are where {@link #score} puts them.
     *
     * @return a {@link RowStatus}; {@link #reason()} says why when it is not OK
     */
    public int trace(CharSequence arch, int h, int w, int c) {
        int status = parse(arch, h, w, c);
        if (status != RowStatus.OK) {
            return status;
        }
        try {
            table = engine.trace(one, 0);
        } catch (InvalidArchitectureException e) {
            return fail(RowStatus.SHAPES, e.getMessage());
        }
        for (int f = 0; f < MetricRecord.LENGTH; f++) {
            record[f] = table.totals().get(f);
        }
        publish();
        return status;
    }

    /** Per layer of the last {@link #trace}, its {@link #layerColumnNames()} columns: layers × columns longs, row-major. */
    public long[] layerValues() {
        return LayerColumns.values(requireTable());
    }

    /** Per layer of the last {@link #trace}, its canonical token (e.g. {@code conv_k3_s2_p1_c16}). */
    public String[] layerTokens() {
        return LayerColumns.tokens(requireTable());
    }

    /**
     * Per layer of the last {@link #trace}, two ints: the 1-based layer each input comes from (0: the
     * network input), and -1 where the layer has no second input.
     */
    public int[] layerInputs() {
        return LayerColumns.inputs(requireTable());
    }

    private LayerTable requireTable() {
        if (table == null) {
            throw new IllegalStateException("no traced candidate: call trace first (and check its status)");
        }
        return table;
    }

    // ---------------------------------------------------------------- batches

    /**
     * Scores {@code archs} as rows {@code [first, first + archs.length)} of arrays of {@code total}
     * rows (a large batch is sent in chunks): row i on input {@code inputTable[inputIndex[i - first]]}
     * ({@code inputIndex}: native-order ints, one per row of this call, or null for entry 0 on every
     * row; a null table is the notation's default).
     *
     * @param out    total × {@link Columns#COUNT} longs, native order, column-major: column k of row i at {@code k·total + i}
     * @param status total bytes: row i's {@link RowStatus} at byte i
     * @return the number of invalid rows in this call; {@link #reasons()} lists why
     * @throws IllegalArgumentException if a buffer is too small or an input index is not in the table
     */
    public int scoreStrings(String[] archs, String[] inputTable, ByteBuffer inputIndex, ByteBuffer out, ByteBuffer status,
                            int first, int total) {
        return scoreRows(Rows.of(archs), inputTable, inputIndex, out, status, first, total);
    }

    /**
     * As {@link #scoreStrings}, for {@code n} ASCII strings packed one after another in {@code text},
     * row i of the call ending at byte {@code ends[i]} ({@code ends}: n native-order ints): a batch
     * without a Java string per row.
     */
    public int scorePacked(ByteBuffer text, ByteBuffer ends, int n, String[] inputTable, ByteBuffer inputIndex,
                           ByteBuffer out, ByteBuffer status, int first, int total) {
        Rows rows = Rows.packed(text.duplicate(), ints(ends, n, "ends"), n, packedText, packedEnds);
        packedText = rows.text();
        packedEnds = rows.ends();
        return scoreRows(rows, inputTable, inputIndex, out, status, first, total);
    }

    /**
     * As {@link #scorePacked}, for {@code n} ASCII strings joined by line breaks ({@code "\n".join(archs)}
     * in Python): the rows are told apart here, so the caller sends no row ends (computing them cost
     * Python more than packing the text). A string that holds a line break itself would make more rows
     * than {@code n}: then nothing is scored or written and the call returns -1, for the caller to
     * send that batch with its row ends instead ({@link #scorePacked}).
     *
     * @return the number of invalid rows, as {@link #scoreStrings}; or -1 if {@code text} is not n lines
     */
    public int scoreLines(ByteBuffer text, int n, String[] inputTable, ByteBuffer inputIndex,
                          ByteBuffer out, ByteBuffer status, int first, int total) {
        return scoreLines(text, text.limit(), n, inputTable, inputIndex, out, status, first, total);
    }

    /**
     * As {@link #scoreLines(ByteBuffer, int, String[], ByteBuffer, ByteBuffer, ByteBuffer, int, int)}
     * for the lines in bytes {@code [0, length)} of {@code text}: a buffer the caller keeps and reuses,
     * larger than the batch (Python copies each batch into one it owns, see {@code _Session.scratch}).
     */
    public int scoreLines(ByteBuffer text, int length, int n, String[] inputTable, ByteBuffer inputIndex,
                          ByteBuffer out, ByteBuffer status, int first, int total) {
        if (n < 0) {
            throw new IllegalArgumentException(n + " rows");
        }
        if (length < 0 || length > text.limit()) {
            throw new IllegalArgumentException("the text buffer holds " + text.limit() + " bytes; " + length + " to read");
        }
        final byte[] bytes = packedText != null && packedText.length >= length ? packedText : new byte[length];
        packedText = bytes;
        // copying the text to the heap and finding its line breaks are done in parts too: serially they
        // cost as much as a quarter of the parts' parsing and scoring (about 15 MB for 100,000 rows)
        final int k = parts(n);
        final int[] breaks = new int[k + 1];
        if (k == 1) {
            breaks[1] = part(0).splitLines(text.duplicate(), bytes, 0, length);
        } else {
            for (int p = 0; p < k; p++) {
                part(p);
            }
            final BatchPart[] ps = parts;
            IntStream.range(0, k).parallel().forEach(p -> breaks[p + 1] = ps[p].splitLines(text.duplicate(), bytes,
                    (int) ((long) length * p / k), (int) ((long) length * (p + 1) / k)));
        }
        for (int p = 0; p < k; p++) {
            breaks[p + 1] += breaks[p];
        }
        if (breaks[k] != Math.max(n - 1, 0) || (n == 0 && length > 0)) {
            return -1;
        }
        if (packedEnds == null || packedEnds.length < n) {
            packedEnds = new int[Math.max(n, 2 * (packedEnds == null ? 0 : packedEnds.length))];
        }
        for (int p = 0; p < k; p++) {
            parts[p].lineBreaks(packedEnds, breaks[p]);
        }
        if (n > 0) {
            packedEnds[n - 1] = length;
        }
        return scoreRows(Rows.ascii(bytes, packedEnds, n, 1), inputTable, inputIndex, out, status, first, total);
    }

    /**
     * Scores the {@code n} candidates of a {@link BuildProgram} ({@code length} native-order ints of
     * {@code program}), written as {@link #scoreStrings} writes rows {@code [0, n)} of n.
     *
     * @throws IllegalArgumentException if the program is malformed or does not hold n candidates
     */
    public int scoreProgram(ByteBuffer program, int length, int n, ByteBuffer out, ByteBuffer status) {
        Target t = new Target(out, status, 0, n, n);
        begin(n);
        part(0).build(ints(program, length, "program"), length, n, engine, t, rowReasons);
        return invalid();
    }

    /** The reasons of the last batch call's invalid rows, in row order (as many as it returned). */
    public String[] reasons() {
        String[] r = new String[invalid()];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (rowReasons[i] != null) {
                r[k++] = rowReasons[i];
            }
        }
        return r;
    }

    private int scoreRows(Rows archs, String[] inputTable, ByteBuffer inputIndex, ByteBuffer out, ByteBuffer status,
                          int first, int total) {
        final int n = archs.size();
        final Target t = new Target(out, status, first, n, total);
        final InputTable inputs = InputTable.of(inputTable);
        final BatchPart.InputIndex index;
        if (inputIndex == null) {
            index = row -> 0;
        } else {
            IntBuffer ix = ints(inputIndex, n, "inputIndex");
            index = ix::get;
        }
        begin(n);
        final int k = parts(n);
        if (k == 1) {
            part(0).run(archs, 0, n, inputs, index, cellClasses, serial, t, rowReasons);
        } else {
            for (int p = 0; p < k; p++) {
                part(p);
            }
            final BatchPart[] ps = parts;
            final String[] rs = rowReasons;
            // each part writes its own rows through its own views of the buffers (no shared position)
            IntStream.range(0, k).parallel().forEach(p -> ps[p].run(archs, (int) ((long) n * p / k), (int) ((long) n * (p + 1) / k),
                    inputs, index, cellClasses, serial, t.view(), rs));
        }
        return invalid();
    }

    /** Parts a batch of n rows is cut into: one per core (the caller's thread is one), one below {@link #PARALLEL_ROWS}. */
    private static int parts(int n) {
        return n < PARALLEL_ROWS ? 1 : Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, n / (PARALLEL_ROWS / 2));
    }

    private void begin(int n) {
        if (rowReasons.length < n) {
            rowReasons = new String[Math.max(n, 2 * rowReasons.length)];
        } else {
            Arrays.fill(rowReasons, 0, Math.min(rows, rowReasons.length), null);
        }
        rows = n;
    }

    private int invalid() {
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (rowReasons[i] != null) {
                k++;
            }
        }
        return k;
    }

    private BatchPart part(int p) {
        if (p >= parts.length) {
            parts = Arrays.copyOf(parts, p + 1);
        }
        if (parts[p] == null) {
            parts[p] = new BatchPart();
        }
        return parts[p];
    }

    private static IntBuffer ints(ByteBuffer b, int n, String what) {
        if (n < 0 || b.capacity() < (long) n * Integer.BYTES) {
            throw new IllegalArgumentException("the " + what + " buffer holds " + b.capacity() + " bytes; " + n + " ints needed");
        }
        return b.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
    }
}
