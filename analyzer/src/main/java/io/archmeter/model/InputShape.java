package io.archmeter.model;

/**
 * The shape of the network's input, H×W×C, written {@code 224x224x3}.
 *
 * @param height H, at least 1
 * @param width  W, at least 1
 * @param channels C, at least 1
 */
public record InputShape(int height, int width, int channels) {

    public InputShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("input shape " + height + "x" + width + "x" + channels
                    + " is invalid: every dimension must be at least 1");
        }
    }

    /**
     * Parses {@code HxWxC}, e.g. {@code 224x224x3}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static InputShape parse(CharSequence text) {
        String s = text.toString().trim();
        String[] parts = s.split("x", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("input shape '" + text + "' is not of the form HxWxC (e.g. 224x224x3)");
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            String p = parts[i];
            if (p.isEmpty() || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("input shape '" + text + "': '" + p
                        + "' is not a positive integer (expected HxWxC, e.g. 224x224x3)");
            }
            if (p.length() > 10 || Long.parseLong(p) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("input shape '" + text + "': '" + p + "' is too large (at most "
                        + Integer.MAX_VALUE + ")");
            }
            v[i] = Integer.parseInt(p);
        }
        try {
            return new InputShape(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input shape '" + text + "': every dimension must be at least 1", e);
        }
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
