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

    /**
     * True if this looks like PyTorch's C×H×W order written where H×W×C is meant: a height of 1, 3
     * or 4 (a channel count: grey, RGB, RGBA) and a width and channel count of 16 or more, as in
     * {@code 3x224x224} or {@code 1x28x28}. A feature-vector input such as {@code 1x1x512} is not
     * flagged (its width is 1). Commands refuse such a shape with {@link #channelsFirstHint()}.
     */
    public boolean looksChannelsFirst() {
        return (height == 1 || height == 3 || height == 4) && width >= 16 && channels >= 16;
    }

    /** This shape read as C×H×W and written H×W×C: {@code 3x224x224} gives {@code 224x224x3}. */
    public InputShape channelsFirstToLast() {
        return new InputShape(width, channels, height);
    }

    /** The message for a shape that {@link #looksChannelsFirst()}: "input is HxWxC; did you mean 224x224x3?". */
    public String channelsFirstHint() {
        return "input " + this + " " + channelsFirstReason();
    }

    /**
     * The end of {@link #channelsFirstHint()}, for messages that name the shape their own way (a row's
     * input cell, a Python argument): "is read as HxWxC (…), not PyTorch's CxHxW; did you mean 224x224x3?".
     */
    public String channelsFirstReason() {
        return "is read as HxWxC (height x width x channels), not PyTorch's CxHxW; did you mean " + channelsFirstToLast() + "?";
    }

    /**
     * {@link #parse}, refusing a shape that {@link #looksChannelsFirst()} with {@link #channelsFirstHint()}:
     * what every reader of a user's input shape uses (options, input cells, library and Python calls).
     *
     * @throws IllegalArgumentException if the text is not HxWxC or looks like PyTorch's CxHxW
     */
    public static InputShape parseHxWxC(CharSequence text) {
        InputShape s = parse(text);
        if (s.looksChannelsFirst()) {
            throw new IllegalArgumentException(s.channelsFirstHint());
        }
        return s;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
