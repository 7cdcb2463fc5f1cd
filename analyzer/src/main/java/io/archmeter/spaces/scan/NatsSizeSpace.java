package io.archmeter.spaces.scan;

import io.archmeter.model.InputShape;
import io.archmeter.spaces.support.SplitMix;

import java.math.BigInteger;

/**
 * The NATS-Bench size space: 5 channel counts from {8, 16, …, 64}, 32,768 networks, in
 * {@code itertools.product} order (the first count the most significant).
 */
final class NatsSizeSpace extends StringSpace {
    static final int NETWORKS = 32_768;

    @Override
    public String name() {
        return "nats-sss";
    }

    @Override
    public String description() {
        return "NATS-Bench size space (channels 8..64 at 5 places): 32,768";
    }

    @Override
    public InputShape defaultInput() {
        return new InputShape(32, 32, 3);
    }

    @Override
    public int defaultClasses() {
        return 10;
    }

    @Override
    public BigInteger size() {
        return BigInteger.valueOf(NETWORKS);
    }

    @Override
    public long enumerationSize() {
        return NETWORKS;
    }

    @Override
    void appendString(StringBuilder sb, long seed, long index, boolean sampled) {
        int code = sampled ? new SplitMix().seed(seed, index).nextInt(NETWORKS) : (int) index;
        for (int k = 4; k >= 0; k--) {
            sb.append(8 * (1 + (code >>> (3 * k) & 7)));
            if (k > 0) {
                sb.append(':');
            }
        }
    }
}
