package io.archmeter.model;

import java.util.Locale;

/** A numeric storage type, for weight and activation memory: bytes per element. */
public enum DType {
    FP64(8), FP32(4), FP16(2), BF16(2), INT8(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Parses {@code fp32}, {@code FP16}, {@code bf16}, {@code int8}, {@code fp64}. */
    public static DType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dtype '" + name + "': expected one of fp32, fp16, bf16, int8, fp64", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
