package io.archmeter.spaces.scan;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.InputShape;

/**
 * A space whose candidates are strings the architecture grammar reads (NAS-Bench-201 cells,
 * NATS-Bench size strings, the synthetic chains): the cursor writes the string, and the network
 * is that string parsed.
 */
abstract class StringSpace implements GenerableSpace {
    /** Appends candidate {@code index} of the enumeration, or of the draw {@code (seed, index)} if {@code sampled}. */
    abstract void appendString(StringBuilder sb, long seed, long index, boolean sampled);

    @Override
    public Cursor cursor() {
        return new Cursor() {
            private final StringBuilder text = new StringBuilder(256);

            @Override
            public void enumerate(long index) {
                text.setLength(0);
                appendString(text, 0, index, false);
            }

            @Override
            public void sample(long seed, long index) {
                text.setLength(0);
                appendString(text, seed, index, true);
            }

            @Override
            public void appendNotation(StringBuilder sb) {
                sb.append(text);
            }

            @Override
            public void appendCandidate(CandidateBatch batch, InputShape input, int classes) {
                ArchParser.parseCandidate(text, input.height(), input.width(), input.channels(), classes, batch);
            }
        };
    }
}
