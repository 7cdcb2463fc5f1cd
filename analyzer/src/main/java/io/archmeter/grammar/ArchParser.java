package io.archmeter.grammar;

import io.archmeter.encoding.Block;
import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.encoding.LayerRecord;
import io.archmeter.encoding.Parts;
import io.archmeter.model.InputShape;
import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;
import io.archmeter.model.Suggest;
import io.archmeter.model.Syntax;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses architecture strings straight into the primitive encoding of a {@link CandidateBatch}:
 * the entry point of every notation. A string a search space of the registry recognises
 * ({@link SearchSpaces#STANDARD}: NAS-Bench-201 cells, NATS-Bench sizes, …) is expanded by that
 * space; any other is read in the archmeter grammar below. {@code filter}, {@code summary}, the
 * Spark module and the Python bridge all parse through {@link #parseCandidate}.
 *
 * <h2>The grammar</h2>
 * An architecture is layer tokens separated by spaces. A token is an op or a block followed by
 * {@code _}-separated parts, in any order; a part is a key (lowercase letters) and its value, an
 * unsigned integer or, for k, s, p and d, {@code AxB} (height × width):
 * <pre>
 *   conv_k3_s2_c32      3×3 convolution, stride 2, "same" padding 1, 32 channels, bias
 *   conv_k1x7_p0x3_c64  1×7 kernel, padding 0 along H and 3 along W
 *   dw_k5_s2_m1         depthwise 5×5, stride 2, channel multiplier 1
 *   maxpool_k3_s2_ceil1 3×3 max pooling, stride 2, rounding up (Caffe)
 *   shuffle_g2          channel shuffle in 2 groups (ShuffleNet)
 *   slice_c58_at58      channels 58 to 115 (the second half of ShuffleNetV2's split of 116)
 *   crop_o1             the input without its first row and column (x[:, :, 1:, 1:])
 *   gap fc_c1000        global average pooling, then fully connected to 1000
 * </pre>
 * Which keys each op takes and their defaults are the op's description ({@link Op#keys()}):
 * <table>
 *   <caption>Ops and keys (defaults in brackets)</caption>
 *   <tr><th>op</th><th>keys</th></tr>
 *   <tr><td>conv</td><td>k (required), s [1], p ["same": floor(d·(k−1)/2) per axis], d [1], g [1], c [input channels], b [1]</td></tr>
 *   <tr><td>dw</td><td>k (required), s [1], p ["same"], d [1], m [1], b [1]</td></tr>
 *   <tr><td>maxpool</td><td>k (required), s [k], p [0], d [1], ceil [0]</td></tr>
 *   <tr><td>avgpool</td><td>k (required), s [k], p [0], ceil [0]</td></tr>
 *   <tr><td>fc</td><td>c (required), b [1]</td></tr>
 *   <tr><td>shuffle</td><td>g (required; must divide the channels)</td></tr>
 *   <tr><td>slice</td><td>c (required: channels kept), at [0] (first channel): {@code x[:, at:at+c]}, a view</td></tr>
 *   <tr><td>crop</td><td>o (required: rows × columns dropped at the top and left): {@code x[:, :, o:, o:]}, a view</td></tr>
 *   <tr><td>gap, bn, relu, relu6, sigmoid, swish, hswish, hsigmoid, tanh, gelu, lrn, dropout, flatten, id</td><td>none</td></tr>
 * </table>
 * Blocks ({@link Block}: cn, ir, ds, dsa, res, bot, fire) take their own keys and, for those with
 * an activation, an activation name and {@code noskip} as bare parts; {@code ( a | b )add},
 * {@code )cat} and {@code )mul} write branch groups. An unknown op or key, a key the op does not
 * take, a repeated key, a missing required key, a malformed or out-of-range number: each is an
 * {@link ArchSyntaxException} that names the token, its position and what was expected, with the
 * nearest valid name when one is close. Nothing is ignored.
 *
 * <h2>How a token is parsed</h2>
 * In three steps: <em>reading its parts</em> into a {@link Parts} (the key values, checked against
 * the op's or block's description), then <em>expanding</em> a block or <em>writing</em> a layer
 * through the batch's {@link CandidateBuilder} — the same writer the library and the search spaces
 * use. Group tokens go to the builder's groups.
 *
 * <p>Stateless and thread-safe. Parsing a chain into a reused batch allocates nothing (the batch's
 * own builder is reused); branch groups allocate their bookkeeping as they first nest, and search
 * space strings and blocks may allocate small arrays.
 */
public final class ArchParser {
    /**
     * The classes of a search space's network when none are given: {@link SpaceOptions#SPACE_DEFAULT},
     * each space's own reference classifier (CIFAR-10's 10 for NAS-Bench-101/201, NATS-Bench and
     * DARTS on CIFAR-sized inputs; ImageNet's 1000 for RegNet, DARTS on 224x224 and the
     * MobileNet-family spaces).
     */
    public static final int DEFAULT_CELL_CLASSES = SpaceOptions.SPACE_DEFAULT;
    /** The options of the last explicit class count parsed (immutable, so a race only makes another). */
    private static SpaceOptions lastOptions = SpaceOptions.classes(10);

    /** Every word a layer token may start with: the ops that are not joins, then the blocks. */
    private static final Syntax[] WORDS;
    /** The join ops, written {@code )add} and so on. */
    private static final Op[] JOINS;
    /** The words' names, for "did you mean". */
    private static final String[] WORD_NAMES;
    /** The words by the hash of their token, open addressing: a token's word in one probe. */
    private static final Syntax[] WORD_TABLE = new Syntax[128];
    private static final int[] WORD_HASHES = new int[WORD_TABLE.length];
    /** The keys of one letter, by letter: k, s, p, … are most parts, and read without a loop. */
    private static final Key[] ONE_LETTER_KEYS = new Key[26];

    static {
        List<Syntax> words = new ArrayList<>();
        List<Op> joins = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.isJoin()) {
                joins.add(op);
            } else {
                words.add(op);
            }
        }
        words.addAll(List.of(Block.values()));
        WORDS = words.toArray(new Syntax[0]);
        JOINS = joins.toArray(new Op[0]);
        WORD_NAMES = words.stream().map(Syntax::token).toArray(String[]::new);
        if (WORDS.length * 2 > WORD_TABLE.length) {
            throw new AssertionError("the word table needs room: more than " + WORD_TABLE.length / 2 + " ops and blocks");
        }
        for (Syntax w : WORDS) {
            final int h = w.token().hashCode();
            int slot = mix(h) & (WORD_TABLE.length - 1);
            while (WORD_TABLE[slot] != null) {
                slot = (slot + 1) & (WORD_TABLE.length - 1);
            }
            WORD_TABLE[slot] = w;
            WORD_HASHES[slot] = h;
        }
        for (int i = 0; i < Key.COUNT; i++) {
            final Key key = Key.ofOrdinal(i);
            if (key.token().length() == 1) {
                ONE_LETTER_KEYS[key.token().charAt(0) - 'a'] = key;
            }
        }
    }

    private ArchParser() {
    }

    /** Parses {@code arch} on {@code input} into a new batch of one candidate. */
    public static CandidateBatch parse(CharSequence arch, InputShape input) {
        CandidateBatch batch = new CandidateBatch(1, 32);
        parseCandidate(arch, input.height(), input.width(), input.channels(), batch);
        return batch;
    }

    /**
     * Appends {@code arch} on an h×w×c input as the next candidate of {@code batch}. On a syntax
     * error the batch is left as it was and the exception is thrown.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, CandidateBatch batch) {
        parseCandidate(arch, h, w, c, DEFAULT_CELL_CLASSES, batch);
    }

    /**
     * As {@link #parseCandidate(CharSequence, int, int, int, CandidateBatch)}; a string of a search
     * space ({@link SearchSpaces#STANDARD}: a NAS-Bench-201 cell {@code |nor_conv_3x3~0|+|…|}, a
     * NATS-Bench size string {@code 8:16:32:48:64}, a NAS-Bench-101 spec, a DARTS genotype, a RegNet
     * design, {@code timm:…}, {@code ofa-mbv3:{…}}, …) gets a classifier of {@code cellClasses} outputs
     * ({@link SpaceOptions#SPACE_DEFAULT}: the space's own). The input is the caller's (a space's
     * reference input is {@code SearchSpaces.STANDARD.defaultInput(arch)}), except where the notation
     * states its own as part of the candidate (an OFA config's {@code r}, a {@code net_config}'s
     * resolution): that candidate is built on it.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, int cellClasses, CandidateBatch batch) {
        parseCandidate(arch, h, w, c, cellClasses, batch, null);
    }

    /**
     * As {@link #parseCandidate(CharSequence, int, int, int, int, CandidateBatch)}, appending tokens
     * seen before from {@code cache} (one per thread; null for none). Same records, same errors.
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, int cellClasses, CandidateBatch batch,
                                      TokenCache cache) {
        parseCandidate(arch, h, w, c, cellClasses, batch, cache, null);
    }

    /**
     * As {@link #parseCandidate(CharSequence, int, int, int, int, CandidateBatch, TokenCache)}, telling
     * {@code listener} (null for none) which layers each token wrote and at which group depth: see
     * {@link ParseListener} and {@link LayerSpans}.
     *
     * @throws ArchSyntaxException if a string of the grammar does not parse
     * @throws io.archmeter.spaces.NotationException if a search space's string does not read
     */
    public static void parseCandidate(CharSequence arch, int h, int w, int c, int cellClasses, CandidateBatch batch,
                                      TokenCache cache, ParseListener listener) {
        final CandidateBuilder b = batch.builder();
        b.begin(h, w, c);
        try {
            if (listener instanceof LayerSpans spans) {
                spans.clear();
            }
            final SearchSpace space = SearchSpaces.STANDARD.recognize(arch);
            if (space != null) {
                space.write(arch, options(cellClasses), b);
                if (listener != null) {
                    listener.token(1, 0, arch.length(), 0, b.layers(), 0);
                }
            } else {
                parseLayers(arch, b, cache, listener);
            }
            b.end();
        } catch (RuntimeException e) {
            b.abort();
            throw e;
        }
    }

    /** The options of {@code classes} classes ({@link SpaceOptions#SPACE_DEFAULT}: each space's own), without a new one per row. */
    private static SpaceOptions options(int classes) {
        if (classes == SpaceOptions.SPACE_DEFAULT) {
            return SpaceOptions.DEFAULTS;
        }
        SpaceOptions o = lastOptions;
        if (o.classes() != classes) {
            o = SpaceOptions.classes(classes);
            lastOptions = o;
        }
        return o;
    }

    /**
     * Appends the layers of an architecture string of the grammar (not a search space's notation)
     * to the open candidate of {@code b}: what a space whose candidates are grammar strings (the
     * synthetic chains of {@code generate}) writes with.
     *
     * @throws ArchSyntaxException if the string does not parse (the layers written so far stay: abort the candidate)
     */
    public static void writeLayers(CharSequence arch, CandidateBuilder b) {
        parseLayers(arch, b, null, null);
    }

    private static void parseLayers(CharSequence arch, CandidateBuilder b, TokenCache cache, ParseListener listener) {
        final int n = arch.length();
        // an architecture read as bytes, with a cache: its tokens are found by their 8-byte words (AsciiTokenTable),
        // runs of tokens seen before copied in one loop (TokenCache.appendRun) unless a listener follows each token
        final AsciiText ascii = cache != null && arch instanceof AsciiText a ? a : null;
        final boolean runs = ascii != null && listener == null;
        final Parts parts = b.parts();
        int pos = 0;
        int position = 0;
        while (true) {
            if (runs) {
                final long run = cache.appendRun(ascii, pos, b);
                position += (int) (run >>> 32);
                pos = (int) run;
            }
            while (pos < n && isSpace(arch.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                break;
            }
            int end = pos;
            int hash = 0;
            char ch;
            while (end < n && !isSpace(ch = arch.charAt(end))) {
                hash = 31 * hash + ch;
                end++;
            }
            position++;
            final int before = listener == null ? 0 : b.layers();
            final int depth = listener == null ? 0 : b.depth();
            final char first = arch.charAt(pos);
            if (first == '(' || first == '|' || first == ')') {
                structure(arch, pos, end, position, b);
            } else if (cache == null) {
                parseToken(arch, pos, end, position, b, parts);
            } else {
                final int cached = ascii != null ? cache.findAscii(ascii, pos, end) : cache.find(arch, pos, end, hash);
                if (cached >= 0) {
                    // a token seen before: copy its record
                    b.appendCopy(ascii != null ? cache.asciiRecordsArray() : cache.recordsArray(), cached);
                } else if (parseToken(arch, pos, end, position, b, parts)) {
                    final CandidateBatch batch = b.batch();
                    final int last = LayerRecord.offset(batch.layerCount() - 1);
                    if (ascii != null) {
                        cache.putAscii(ascii, pos, end, batch.records(), last);
                    } else {
                        cache.put(arch, pos, end, hash, batch.records(), last);
                    }
                }
            }
            if (listener != null) {
                // a group's join is written inside the group it closes; '(' reports the group it opens
                listener.token(position, pos, end, before, b.layers(), Math.max(depth, b.depth()));
            }
            pos = end;
        }
        if (position == 0) {
            throw new ArchSyntaxException(0, "", "empty architecture: expected layer tokens separated by spaces,"
                    + " e.g. 'conv_k3_c16 relu gap fc_c10'");
        }
        if (b.depth() > 0) {
            throw new ArchSyntaxException(0, "", "end of architecture: " + b.depth() + " branch group"
                    + (b.depth() == 1 ? " is" : "s are") + " not closed: expected " + joinTokens());
        }
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t';
    }

    /** The group tokens: {@code (} opens, {@code |} separates branches, {@code )add}, {@code )cat}, {@code )mul} join. */
    private static void structure(CharSequence s, int start, int end, int position, CandidateBuilder b) {
        final String token = s.subSequence(start, end).toString();
        try {
            if (token.equals("(")) {
                b.beginGroup();
            } else if (token.equals("|")) {
                b.nextBranch();
            } else {
                final Op join = token.charAt(0) == ')' ? lookupJoin(token) : null;
                if (join == null) {
                    throw error(s, start, end, position, token.charAt(0) == ')'
                            ? "a group closes with " + joinTokens()
                            : "'" + token.charAt(0) + "' stands alone, separated by spaces: '(' opens a group, '|' separates its branches");
                }
                b.endGroup(join);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a misplaced '|' or join, or a join past the candidate's layer limit
            throw error(s, start, end, position, e.getMessage());
        }
    }

    private static Op lookupJoin(String token) {
        for (Op join : JOINS) {
            if (token.length() == join.token().length() + 1 && token.endsWith(join.token())) {
                return join;
            }
        }
        return null;
    }

    /** "')add', ')cat' or ')mul'". */
    private static String joinTokens() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < JOINS.length; i++) {
            sb.append(i == 0 ? "" : i == JOINS.length - 1 ? " or " : ", ").append("')").append(JOINS[i].token()).append('\'');
        }
        return sb.toString();
    }

    /**
     * One layer or block token: reads its parts, then writes its layer or expands its block
     * through the builder. Returns true if it wrote exactly one layer from an op (cacheable).
     */
    private static boolean parseToken(CharSequence s, int start, int end, int position, CandidateBuilder b, Parts parts) {
        // reading parts: the word (op or block), then its keys and bare parts, checked against its description
        int opEnd = start;
        int hash = 0;
        char ch;
        while (opEnd < end && (ch = s.charAt(opEnd)) != '_') {
            hash = 31 * hash + ch;
            opEnd++;
        }
        final Syntax word = lookupWord(s, start, opEnd, hash);
        if (word == null) {
            throw unknownWordOrJoin(s, start, end, opEnd, position);
        }
        parts.clear();
        if (opEnd < end) {
            readParts(s, start, end, position, word, opEnd + 1, parts);
        }
        final int missing = word.requiredMask() & ~parts.given();
        if (missing != 0) {
            throw missingKeys(s, start, end, position, word, missing);
        }
        // writing a layer, or expanding a block
        try {
            if (word instanceof Op op) {
                b.layer(op, parts);
                return true;
            }
            b.block((Block) word, parts);
            return false;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the batch prefixes a record's error with "layer j of candidate i: ", which the token names better here
            final Throwable record = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw error(s, start, end, position, record.getMessage());
        }
    }

    /** Reads the parts {@code s[from, end)} of a token into {@code parts}: key values in their ranges, bare parts of blocks. */
    private static void readParts(CharSequence s, int start, int end, int position, Syntax word, int from, Parts parts) {
        int part = from;
        while (part <= end) {
            int partEnd = part;
            while (partEnd < end && s.charAt(partEnd) != '_') {
                partEnd++;
            }
            if (partEnd == part) {
                throw error(s, start, end, position, "empty part between '_' separators: expected a key and a value, e.g. k3");
            }
            if (!(word.takesBareParts() && readBarePart(s, start, end, position, part, partEnd, parts))) {
                readKey(s, start, end, position, word, part, partEnd, parts);
            }
            part = partEnd + 1;
        }
    }

    private static ArchSyntaxException unknownWordOrJoin(CharSequence s, int start, int end, int opEnd, int position) {
        final Op join = lookupJoin(")" + s.subSequence(start, opEnd));
        if (join != null) {
            return error(s, start, end, position, "'" + join.token() + "' joins a branch group: write ( a | b )" + join.token());
        }
        return unknownWord(s, start, end, opEnd, position);
    }

    private static ArchSyntaxException missingKeys(CharSequence s, int start, int end, int position, Syntax word, int missing) {
        return error(s, start, end, position, "missing required key " + Key.list(missing) + hint(word, missing));
    }

    /** " (kernel size, e.g. conv_k3)" when one key is missing. */
    private static String hint(Syntax word, int missing) {
        if (Integer.bitCount(missing) != 1) {
            return "";
        }
        final KeyUse u = word.use(Key.ofOrdinal(Integer.numberOfTrailingZeros(missing)));
        return " (" + u.meaning() + ", e.g. " + word.token() + "_" + u.key().token() + u.example() + ")";
    }

    /** An activation name or {@code noskip}; false if the part is neither (then it is a key). */
    private static boolean readBarePart(CharSequence s, int start, int end, int position, int part, int partEnd, Parts parts) {
        if (regionIs(s, part, partEnd, "noskip")) {
            parts.noskip(true);
            return true;
        }
        final Syntax w = lookupWord(s, part, partEnd, hash(s, part, partEnd));
        if (!(w instanceof Op act) || !act.isActivation()) {
            return false;
        }
        if (parts.activation() != null) {
            throw error(s, start, end, position, "two activations given: " + parts.activation().token() + " and " + act.token());
        }
        parts.activation(act);
        return true;
    }

    private static void readKey(CharSequence s, int start, int end, int position, Syntax word, int part, int partEnd, Parts parts) {
        int keyEnd = part;
        while (keyEnd < partEnd && s.charAt(keyEnd) >= 'a' && s.charAt(keyEnd) <= 'z') {
            keyEnd++;
        }
        if (keyEnd == part) {
            throw noKey(s, start, end, position, word, part, partEnd);
        }
        final Key key = lookupKey(s, part, keyEnd);
        if (key == null || (word.keyMask() & key.bit()) == 0) {
            throw badKey(s, start, end, position, word, part, keyEnd, key);
        }
        if (parts.has(key)) {
            throw twice(s, start, end, position, key);
        }
        if (keyEnd == partEnd) {
            throw noValue(s, start, end, position, key);
        }
        if (key.isDecimal()) {
            parts.set(key, decimal(s, start, end, position, key, keyEnd, partEnd));
            return;
        }
        // value: digits, or digits 'x' digits for pair keys
        final int v1End = digitsEnd(s, keyEnd, partEnd);
        final int a = number(s, start, end, position, key, keyEnd, v1End, keyEnd, partEnd);
        int b = a;
        if (v1End < partEnd) {
            if (s.charAt(v1End) != 'x' || !key.isPair()) {
                throw malformed(s, start, end, position, key, keyEnd, partEnd);
            }
            final int v2End = digitsEnd(s, v1End + 1, partEnd);
            if (v2End != partEnd) {
                throw malformed(s, start, end, position, key, keyEnd, partEnd);
            }
            b = number(s, start, end, position, key, v1End + 1, v2End, keyEnd, partEnd);
        }
        parts.set(key, a, b);
    }

    /** The word written {@code s[from, to)}, whose {@link String#hashCode()} is {@code hash}, or null: one probe, usually. */
    private static Syntax lookupWord(CharSequence s, int from, int to, int hash) {
        int slot = mix(hash) & (WORD_TABLE.length - 1);
        Syntax w;
        while ((w = WORD_TABLE[slot]) != null) {
            if (WORD_HASHES[slot] == hash && regionIs(s, from, to, w.token())) {
                return w;
            }
            slot = (slot + 1) & (WORD_TABLE.length - 1);
        }
        return null;
    }

    private static int hash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static boolean regionIs(CharSequence s, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(from + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A decimal with at most three places, in thousandths: {@code 0.25} is 250, {@code 6} is 6000. */
    private static int decimal(CharSequence s, int start, int end, int position, Key key, int from, int to) {
        int dot = digitsEnd(s, from, to);
        int fracEnd = dot;
        if (dot < to && s.charAt(dot) == '.') {
            fracEnd = digitsEnd(s, dot + 1, to);
            if (fracEnd == dot + 1) {
                fracEnd = -1;
            }
        }
        if (dot == from || fracEnd != to || fracEnd - dot > 4) {
            throw error(s, start, end, position, "value '" + s.subSequence(from, to) + "' of key '" + key.token()
                    + "' is not a decimal with at most 3 places (e.g. " + key.token() + (key == Key.E ? "6 or e3.67)" : "0.25)"));
        }
        long milli = 0;
        for (int i = from; i < dot; i++) {
            milli = milli * 10 + (s.charAt(i) - '0');
            if (milli > 1_000_000) {
                throw error(s, start, end, position, key.meaning() + " '" + key.token() + "' is too large: at most 1000");
            }
        }
        milli *= Key.ONE;
        int scale = 100;
        for (int i = dot + 1; i < fracEnd; i++) {
            milli += (long) (s.charAt(i) - '0') * scale;
            scale /= 10;
        }
        if (milli < 1) {
            throw error(s, start, end, position, key.meaning() + " '" + key.token() + "' is 0: expected more than 0");
        }
        return (int) milli;
    }

    private static Key lookupKey(CharSequence s, int from, int to) {
        if (to - from == 1) {
            final char ch = s.charAt(from);
            return ch >= 'a' && ch <= 'z' ? ONE_LETTER_KEYS[ch - 'a'] : null;
        }
        for (int i = 0; i < Key.COUNT; i++) {
            final Key key = Key.ofOrdinal(i);
            if (regionIs(s, from, to, key.token())) {
                return key;
            }
        }
        return null;
    }

    private static int digitsEnd(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int number(CharSequence s, int start, int end, int position, Key key, int from, int to,
                              int valueStart, int partEnd) {
        if (from == to) {
            throw malformed(s, start, end, position, key, valueStart, partEnd);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw outOfRange(s, start, end, position, key, v);
            }
        }
        if (v < key.min() || v > key.max()) {
            throw outOfRange(s, start, end, position, key, v);
        }
        return (int) v;
    }

    // ---- slow paths: messages ---------------------------------------------------------------

    private static ArchSyntaxException outOfRange(CharSequence s, int start, int end, int position, Key key, long v) {
        if (v > Integer.MAX_VALUE) {
            return error(s, start, end, position, "value of '" + key.token() + "' is too large: at most " + Integer.MAX_VALUE);
        }
        return error(s, start, end, position, key.meaning() + " '" + key.token() + "' is " + v + ": expected "
                + (key.max() == 1 ? "0 or 1" : "at least " + key.min()));
    }

    private static ArchSyntaxException noKey(CharSequence s, int start, int end, int position, Syntax word, int part, int partEnd) {
        return error(s, start, end, position, "part '" + s.subSequence(part, partEnd)
                + "' does not start with a key (lowercase letters): expected e.g. k3; " + word.describeKeys());
    }

    private static ArchSyntaxException noValue(CharSequence s, int start, int end, int position, Key key) {
        return error(s, start, end, position, "key '" + key.token() + "' has no value: expected " + key.meaning()
                + (key.isPair() ? " as an integer or HxW, e.g. " + key.token() + "3"
                : key.isDecimal() ? " as a decimal, e.g. " + key.token() + "0.25" : " as an integer, e.g. " + key.token() + "1"));
    }

    private static ArchSyntaxException twice(CharSequence s, int start, int end, int position, Key key) {
        return error(s, start, end, position, "key '" + key.token() + "' is given twice");
    }

    private static ArchSyntaxException error(CharSequence s, int start, int end, int position, String problem) {
        return new ArchSyntaxException(position, s.subSequence(start, end).toString(), problem);
    }

    private static ArchSyntaxException malformed(CharSequence s, int start, int end, int position, Key key, int from, int partEnd) {
        String value = s.subSequence(from, partEnd).toString();
        String expected = key.isPair() ? "an unsigned integer or HxW (e.g. " + key.token() + "3 or " + key.token() + "1x7)"
                : "an unsigned integer (e.g. " + key.token() + (key.max() == 1 ? "0" : "2") + ")";
        String hint = value.indexOf('.') >= 0 ? "; '" + key.token() + "' takes no decimal" : "";
        return error(s, start, end, position, "value '" + value + "' of key '" + key.token() + "' is not " + expected + hint);
    }

    private static ArchSyntaxException unknownWord(CharSequence s, int start, int end, int opEnd, int position) {
        String name = s.subSequence(start, opEnd).toString();
        String near = Suggest.nearest(name, WORD_NAMES);
        String problem = (name.isEmpty() ? "missing op before '_'" : "unknown op '" + name + "'")
                + (near != null ? " (did you mean '" + near + "'?)" : "")
                + "; expected one of " + String.join(", ", WORD_NAMES);
        return error(s, start, end, position, problem);
    }

    private static ArchSyntaxException badKey(CharSequence s, int start, int end, int position, Syntax word, int from, int to, Key key) {
        String name = s.subSequence(from, to).toString();
        int allowed = word.keyMask();
        if (allowed == 0) {
            return error(s, start, end, position, word.token() + " takes no keys, but '" + name + "' was given");
        }
        String what = key == null ? "unknown key '" + name + "' for " + word.token() : "key '" + name + "' does not apply to " + word.token();
        String[] names = Key.list(allowed).split(", ");
        String near = key == null ? Suggest.nearest(name, names) : null;
        return error(s, start, end, position, what + (near != null ? " (did you mean '" + near + "'?)" : "")
                + " (expected one of " + Key.list(allowed) + ")");
    }
}
