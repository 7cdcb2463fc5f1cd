package io.archmeter.bridge;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.Op;

import java.nio.IntBuffer;

/**
 * Descriptor of a build program: candidates written as {@link CandidateBuilder} calls in one
 * {@code int} array, so that a Python search loop builds a whole population without strings and
 * hands it over in one crossing. Each call is an instruction code followed by its arguments; a
 * candidate is {@link #BEGIN} … {@link #END}:
 *
 * <pre>
 *   code  instruction        arguments                                        builder call
 *   1     BEGIN              h w c                                            begin(h, w, c)
 *   2     END                                                                 end()
 *   3     CONV               kh kw sh sw ph pw dh dw groups cout bias         conv(…); ph, pw = -1: "same"; cout 0: input's
 *   4     DEPTHWISE          kh kw sh sw ph pw dh dw multiplier bias          depthwise(…); ph, pw = -1: "same"
 *   5     POOL               op kh kw sh sw ph pw ceil                        pool(Op.ofCode(op), …)
 *   6     FC                 out bias                                         fc(out, bias)
 *   7     SIMPLE             op                                               simple(Op.ofCode(op))
 *   8     GROUP                                                               beginGroup()
 *   9     BRANCH                                                              nextBranch()
 *   10    JOIN               op                                               endGroup(Op.ofCode(op))
 *   11    INVERTED_RESIDUAL  k s expandMilli c seMilli act                    invertedResidual(…, Op.ofCode(act))
 *   12    BASIC_BLOCK        s c                                              basicBlock(s, c)
 *   13    BOTTLENECK         s c width groups                                 bottleneck(s, c, width, groups)
 * </pre>
 *
 * Booleans are 0 or 1; {@code op} is an {@link Op#code()} ({@link ScoringSession#opTokens()} lists
 * them by code). Example, {@code conv_k3_s2_c16 relu gap fc_c10} on 32×32×3:
 * <pre>
 *   1 32 32 3   3 3 3 2 2 -1 -1 1 1 1 16 1   7 &lt;relu&gt;   7 &lt;gap&gt;   6 10 1   2
 * </pre>
 * A call the builder refuses makes its candidate invalid ({@link RowStatus#BUILD}, with the
 * builder's message) and the program goes on at the candidate's END; a malformed program (an
 * unknown code, a missing END, arguments cut short) is refused as a whole.
 */
public final class BuildProgram {
    public static final int BEGIN = 1;
    public static final int END = 2;
    public static final int CONV = 3;
    public static final int DEPTHWISE = 4;
    public static final int POOL = 5;
    public static final int FC = 6;
    public static final int SIMPLE = 7;
    public static final int GROUP = 8;
    public static final int BRANCH = 9;
    public static final int JOIN = 10;
    public static final int INVERTED_RESIDUAL = 11;
    public static final int BASIC_BLOCK = 12;
    public static final int BOTTLENECK = 13;
    /** Padding argument meaning "same": floor(d·(k−1)/2), as the grammar's default. */
    public static final int SAME_PADDING = -1;

    private static final int[] ARITY = {-1, 3, 0, 11, 10, 8, 2, 1, 0, 0, 1, 6, 2, 4};
    private static final String[] NAMES = {null, "begin", "end", "conv", "depthwise", "pool", "fc", "simple", "group",
        "branch", "join", "inverted_residual", "basic_block", "bottleneck"};

    private BuildProgram() {
    }

    /** Number of arguments of instruction {@code code}. */
    public static int arity(int code) {
        if (code < BEGIN || code >= ARITY.length) {
            throw new IllegalArgumentException("build program: " + code + " is not an instruction code (1.." + (ARITY.length - 1) + ")");
        }
        return ARITY[code];
    }

    /**
     * Decodes {@code p[0, length)} into {@code b}'s batch. Candidate j of the program becomes batch
     * candidate {@code candidate[j]}, or -1 with its reason in {@code reasons[j]}.
     *
     * @return the number of candidates in the program
     * @throws IllegalArgumentException if the program is malformed, or holds more than {@code candidate.length} candidates
     */
    static int decode(IntBuffer p, int length, CandidateBuilder b, int[] candidate, String[] reasons) {
        int pc = 0;
        int j = -1;
        boolean open = false;
        boolean failed = false;
        int call = 0;
        while (pc < length) {
            final int code = p.get(pc);
            final int arity = arity(code);
            if (pc + 1 + arity > length) {
                throw new IllegalArgumentException("build program: " + NAMES[code] + " at " + pc + " needs " + arity + " arguments");
            }
            if (code == BEGIN) {
                if (open) {
                    throw new IllegalArgumentException("build program: begin at " + pc + " inside candidate " + j + ": end it first");
                }
                j++;
                if (j >= candidate.length) {
                    throw new IllegalArgumentException("build program: more than the " + candidate.length + " candidates announced");
                }
                candidate[j] = -1;
                reasons[j] = null;
                open = true;
                failed = false;
                call = 0;
            } else if (!open) {
                throw new IllegalArgumentException("build program: " + NAMES[code] + " at " + pc + " outside a candidate: begin one first");
            }
            call++;
            if (!failed) {
                try {
                    execute(code, p, pc + 1, b);
                    if (code == END) {
                        candidate[j] = b.batch().size() - 1;
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    b.batch().abort();
                    reasons[j] = RowStatus.reason(RowStatus.BUILD, "call " + call + " (" + NAMES[code] + "): " + e.getMessage());
                    failed = true;
                }
            }
            if (code == END) {
                open = false;
            }
            pc += 1 + arity;
        }
        if (open) {
            throw new IllegalArgumentException("build program: candidate " + j + " has no end");
        }
        return j + 1;
    }

    private static void execute(int code, IntBuffer p, int a, CandidateBuilder b) {
        switch (code) {
            case BEGIN -> b.begin(p.get(a), p.get(a + 1), p.get(a + 2));
            case END -> b.end();
            case CONV -> b.conv(p.get(a), p.get(a + 1), p.get(a + 2), p.get(a + 3),
                    pad(p.get(a + 4), p.get(a), p.get(a + 6)), pad(p.get(a + 5), p.get(a + 1), p.get(a + 7)),
                    p.get(a + 6), p.get(a + 7), p.get(a + 8), p.get(a + 9), flag(p.get(a + 10)));
            case DEPTHWISE -> b.depthwise(p.get(a), p.get(a + 1), p.get(a + 2), p.get(a + 3),
                    pad(p.get(a + 4), p.get(a), p.get(a + 6)), pad(p.get(a + 5), p.get(a + 1), p.get(a + 7)),
                    p.get(a + 6), p.get(a + 7), p.get(a + 8), flag(p.get(a + 9)));
            case POOL -> b.pool(Op.ofCode(p.get(a)), p.get(a + 1), p.get(a + 2), p.get(a + 3), p.get(a + 4),
                    p.get(a + 5), p.get(a + 6), flag(p.get(a + 7)));
            case FC -> b.fc(p.get(a), flag(p.get(a + 1)));
            case SIMPLE -> b.simple(Op.ofCode(p.get(a)));
            case GROUP -> b.beginGroup();
            case BRANCH -> b.nextBranch();
            case JOIN -> b.endGroup(Op.ofCode(p.get(a)));
            case INVERTED_RESIDUAL -> b.invertedResidual(p.get(a), p.get(a + 1), p.get(a + 2), p.get(a + 3), p.get(a + 4),
                    Op.ofCode(p.get(a + 5)));
            case BASIC_BLOCK -> b.basicBlock(p.get(a), p.get(a + 1));
            case BOTTLENECK -> b.bottleneck(p.get(a), p.get(a + 1), p.get(a + 2), p.get(a + 3));
            default -> throw new IllegalArgumentException("build program: " + code + " is not an instruction code");
        }
    }

    /** A padding argument: {@link #SAME_PADDING} resolves as the grammar does. */
    private static int pad(int p, int k, int d) {
        return p == SAME_PADDING ? CandidateBuilder.samePad(k, d) : p;
    }

    private static boolean flag(int v) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("a yes/no argument is 0 or 1, not " + v);
        }
        return v == 1;
    }
}
