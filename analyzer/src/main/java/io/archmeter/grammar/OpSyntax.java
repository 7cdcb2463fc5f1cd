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

    private static final int[] ALLOWED = new int[OpCode.COUNT];
    private static final int[] REQUIRED = new int[OpCode.COUNT];

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
        return a == 0 ? Op.ofCode(op).token() + " takes no keys" : "keys of " + Op.ofCode(op).token() + ": " + list(a);
    }

    private static int bits(Key... keys) {
        int m = 0;
        for (Key k : keys) {
            m |= k.bit();
        }
        return m;
    }
}
