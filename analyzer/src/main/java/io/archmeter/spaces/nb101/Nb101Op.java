package io.archmeter.spaces.nb101;

/**
 * The operations of a NAS-Bench-101 vertex, in the benchmark's order of
 * {@code config['available_ops']} (the label each has in the graph hash and the enumeration).
 * Each is what {@code base_ops.py} builds: a 3×3 or 1×1 convolution without bias, batch norm and
 * ReLU to the vertex's channels; or a 3×3 max-pooling with stride 1 and "same" padding, which
 * keeps its input's channels.
 */
public enum Nb101Op {
    CONV3X3("conv3x3-bn-relu", "c3"),
    CONV1X1("conv1x1-bn-relu", "c1"),
    MAXPOOL3X3("maxpool3x3", "mp");

    private static final Nb101Op[] BY_LABEL = values();

    private final String benchmarkName;
    private final String shortName;

    Nb101Op(String benchmarkName, String shortName) {
        this.benchmarkName = benchmarkName;
        this.shortName = shortName;
    }

    /** The name in the benchmark's specs, e.g. {@code conv3x3-bn-relu}. */
    public String benchmarkName() {
        return benchmarkName;
    }

    /** The name in the compact form, e.g. {@code c3}. */
    public String shortName() {
        return shortName;
    }

    /** The label (0, 1, 2) in the benchmark's enumeration and graph hash. */
    public int label() {
        return ordinal();
    }

    /** The op of label {@code label}. */
    public static Nb101Op ofLabel(int label) {
        return BY_LABEL[label];
    }

    /** The op named {@code name} in either form, or null. */
    public static Nb101Op named(String name) {
        for (Nb101Op op : BY_LABEL) {
            if (op.benchmarkName.equals(name) || op.shortName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** Every accepted name, for messages. */
    static String[] allNames() {
        String[] names = new String[2 * BY_LABEL.length];
        for (Nb101Op op : BY_LABEL) {
            names[2 * op.ordinal()] = op.benchmarkName;
            names[2 * op.ordinal() + 1] = op.shortName;
        }
        return names;
    }
}
