package io.archmeter.grammar;

import io.archmeter.encoding.LayerRecord;
import io.archmeter.model.Key;
import io.archmeter.model.KeyUse;
import io.archmeter.model.Op;

import java.util.List;

/**
 * Writes layer records back as tokens of the architecture grammar, in canonical form: the keys
 * in the order of the op's description ({@link Op#keys()}), and only those that differ from their
 * default (required keys always). The inverse of {@link ArchParser} for chains: parsing a formatted
 * chain gives the same records. A join formats as the {@code )add}, {@code )cat} or {@code )mul}
 * that closes its group.
 *
 * <p>Example: the record of {@code conv_c64_k3_s1_b1} formats as {@code conv_k3_c64}: s = 1 and
 * b = 1 are conv's defaults, p = 1 is "same" padding for k = 3.
 */
public final class ArchFormatter {
    private ArchFormatter() {
    }

    /** The canonical token of the record at {@code offset}, e.g. {@code conv_k11_s4_p0_c96}. */
    public static String token(int[] records, int offset) {
        final Op op = Op.ofCode(records[offset + LayerRecord.OP_OFFSET]);
        if (op.isJoin()) {
            // joins have no token of their own: the grammar writes them as the ")add" closing a group
            return ")" + op.token();
        }
        final StringBuilder sb = new StringBuilder(op.token());
        final List<KeyUse> uses = op.keys();
        for (int i = 0; i < uses.size(); i++) {
            final KeyUse u = uses.get(i);
            if (!u.settable()) {
                continue;
            }
            final Key key = u.key();
            final int h = LayerRecord.read(records, offset, key, 0);
            final int w = key.isPair() ? LayerRecord.read(records, offset, key, 1) : h;
            final boolean isDefault = u.rule() != KeyUse.Default.REQUIRED
                    && h == LayerRecord.resolvedDefault(records, offset, u, 0)
                    && w == (key.isPair() ? LayerRecord.resolvedDefault(records, offset, u, 1) : w);
            if (!isDefault) {
                sb.append('_').append(key.token()).append(h);
                if (w != h) {
                    sb.append('x').append(w);
                }
            }
        }
        return sb.toString();
    }

    /** All layers {@code [from, to)} as one architecture string. */
    public static String format(int[] records, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(token(records, LayerRecord.offset(i)));
        }
        return sb.toString();
    }
}
