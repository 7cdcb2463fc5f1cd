package io.archmeter.grammar;

import io.archmeter.model.Op;
import io.archmeter.model.OpCode;

import java.util.StringJoiner;

/** Which keys each op takes and which it requires: the grammar's table, in one place. */
final class OpSyntax {
    private static final int CONV_KEYS = bits(Key.K, Key.S, Key.P, Key.D, Key.G, Key.C, Key.B);
    private static final int DW_KEYS = bits(Key.K, Key.S, Key.P, Key.D, Key.M, Key.B);
    private static final int MAXPOOL_KEYS = bits(Key.K, Key.S, Key.P, Key.D, Key.CEIL);
    private static final int AVGPOOL_KEYS = bits(Key.K, Key.S, Key.P, Key.CEIL);
    private static final int FC_KEYS = bits(Key.C, Key.B);

    /** Pseudo op codes of the block tokens: they expand into several records, never stored themselves. */
    static final int BLOCK_CN = OpCode.COUNT;
    static final int BLOCK_IR = OpCode.COUNT + 1;
    static final int BLOCK_DS = OpCode.COUNT + 2;
    static final int BLOCK_DSA = OpCode.COUNT + 3;
    static final int BLOCK_RES = OpCode.COUNT + 4;
    static final int BLOCK_BOT = OpCode.COUNT + 5;
    static final int BLOCK_FIRE = OpCode.COUNT + 6;
    static final String[] BLOCK_NAMES = {"cn", "ir", "ds", "dsa", "res", "bot", "fire"};
    private static final int ALL = OpCode.COUNT + BLOCK_NAMES.length;

    private static final int[] ALLOWED = new int[ALL];
    private static final int[] REQUIRED = new int[ALL];

    static {
        ALLOWED[OpCode.CONV] = CONV_KEYS;
        REQUIRED[OpCode.CONV] = Key.K.bit();
        ALLOWED[OpCode.DEPTHWISE] = DW_KEYS;
        REQUIRED[OpCode.DEPTHWISE] = Key.K.bit();
        ALLOWED[OpCode.MAX_POOL] = MAXPOOL_KEYS;
        REQUIRED[OpCode.MAX_POOL] = Key.K.bit();
        ALLOWED[OpCode.AVG_POOL] = AVGPOOL_KEYS;
        REQUIRED[OpCode.AVG_POOL] = Key.K.bit();
        ALLOWED[OpCode.FC] = FC_KEYS;
        REQUIRED[OpCode.FC] = Key.C.bit();
        ALLOWED[BLOCK_CN] = bits(Key.K, Key.S, Key.C, Key.R);
        REQUIRED[BLOCK_CN] = Key.K.bit();
        ALLOWED[BLOCK_IR] = bits(Key.K, Key.S, Key.E, Key.C, Key.R, Key.SE, Key.SEH);
        REQUIRED[BLOCK_IR] = bits(Key.K, Key.C);
        ALLOWED[BLOCK_DS] = bits(Key.K, Key.S, Key.C, Key.R, Key.SE, Key.SEH);
        REQUIRED[BLOCK_DS] = bits(Key.K, Key.C);
        ALLOWED[BLOCK_DSA] = ALLOWED[BLOCK_DS];
        REQUIRED[BLOCK_DSA] = REQUIRED[BLOCK_DS];
        ALLOWED[BLOCK_RES] = bits(Key.S, Key.C, Key.R);
        REQUIRED[BLOCK_RES] = Key.C.bit();
        ALLOWED[BLOCK_BOT] = bits(Key.S, Key.C, Key.W, Key.G, Key.R);
        REQUIRED[BLOCK_BOT] = Key.C.bit();
        ALLOWED[BLOCK_FIRE] = bits(Key.Q, Key.C);
        REQUIRED[BLOCK_FIRE] = bits(Key.Q, Key.C);
    }

    /** True for the block tokens. */
    static boolean isBlock(int op) {
        return op >= BLOCK_CN;
    }

    /** True for blocks that take an activation part and {@code noskip}. */
    static boolean takesFlags(int op) {
        return op == BLOCK_CN || op == BLOCK_IR || op == BLOCK_DS || op == BLOCK_DSA;
    }

    /** The token of an op or block code. */
    static String name(int op) {
        return isBlock(op) ? BLOCK_NAMES[op - BLOCK_CN] : Op.ofCode(op).token();
    }

    private OpSyntax() {
    }

    static int allowed(int op) {
        return ALLOWED[op];
    }

    static int required(int op) {
        return REQUIRED[op];
    }

    /** "k, s, p, d, g, c, b" for an op's keys in a mask. */
    static String list(int mask) {
        StringJoiner j = new StringJoiner(", ");
        for (Key k : Key.ALL) {
            if ((mask & k.bit()) != 0) {
                j.add(k.name);
            }
        }
        return j.toString();
    }

    static String describe(int op) {
        int a = ALLOWED[op];
        return a == 0 ? name(op) + " takes no keys" : "keys of " + name(op) + ": " + list(a);
    }

    private static int bits(Key... keys) {
        int m = 0;
        for (Key k : keys) {
            m |= k.bit();
        }
        return m;
    }
}
