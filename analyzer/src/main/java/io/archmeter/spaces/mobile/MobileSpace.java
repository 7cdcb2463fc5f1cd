package io.archmeter.spaces.mobile;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.Notations;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;

import java.math.BigInteger;
import java.util.List;

/**
 * The registry's view of a MobileNet-family space whose configs carry their own resolution and
 * width (OFA-MobileNetV3, MCUNet, ProxylessNAS), written once: each space gives its description
 * as data ({@link Description}) and four methods on its config type {@code C}: read, draw, format
 * and write. Everything else a {@link SearchSpace} answers (prefix recognition, the default input,
 * the exact count over the resolutions and widths drawn, the {@code --resolution}/{@code --width}
 * choices, a sample as builder calls and as notation) follows from them.
 *
 * <p>Example: OFA's space counts 7371⁵ sub-networks per resolution and width; with
 * {@code --resolution all --width all} (25 resolutions, 2 widths) its {@link #exactSize} is
 * 7371⁵ × 25 × 2, and {@link #sizeFormula} says so.
 *
 * @param <C> the space's config (one network)
 */
public abstract class MobileSpace<C> implements SearchSpace {
    /** The choices of one option: the default drawn when none are given, and {@code all}'s. */
    public record Choices(List<Integer> defaults, List<Integer> all) {
    }

    /**
     * What a space is, as data.
     *
     * @param name           the registry name ({@code ofa-mbv3})
     * @param title          the reference it follows, one line
     * @param prefix         the notation's prefix in a CSV cell ({@code ofa-mbv3:})
     * @param example        a config in the notation
     * @param count          networks per resolution and width
     * @param countFormula   how {@code count} is made, for {@link #sizeFormula}
     * @param resolutions    the {@code --resolution} choices (the first default is the default input's side)
     * @param widths         the {@code --width} choices, in thousandths
     */
    public record Description(String name, String title, String prefix, String example, BigInteger count, String countFormula,
                              Choices resolutions, Choices widths) {
    }

    private final Description d;

    protected MobileSpace(Description description) {
        this.d = description;
    }

    /** The config written in {@code text} (with or without the prefix). */
    protected abstract C read(String text);

    /** A config drawn from {@code random} alone, with its resolution and width from {@code options}' choices. */
    protected abstract C draw(SpaceRandom random, SpaceOptions options);

    /** The config in the notation, prefix included. */
    protected abstract String format(C config);

    /** Writes the config's layers into the candidate open in {@code builder}, setting its input to the config's resolution. */
    protected abstract void write(CandidateBuilder builder, C config, int classes);

    @Override
    public String name() {
        return d.name();
    }

    @Override
    public String title() {
        return d.title();
    }

    @Override
    public String example() {
        return d.example();
    }

    @Override
    public InputShape defaultInput() {
        final int r = d.resolutions().defaults().get(0);
        return new InputShape(r, r, 3);
    }

    @Override
    public int defaultClasses() {
        return 1000;
    }

    @Override
    public String firstChars() {
        return d.prefix().substring(0, 1);
    }

    @Override
    public boolean recognizes(CharSequence text) {
        return Notations.startsWith(text, d.prefix());
    }

    @Override
    public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
        write(builder, read(text.toString()), options.classesFor(this));
    }

    @Override
    public BigInteger exactSize(SpaceOptions options) {
        return d.count().multiply(BigInteger.valueOf((long) drawn(options, RESOLUTION) * drawn(options, WIDTH)));
    }

    @Override
    public String sizeFormula(SpaceOptions options) {
        return d.countFormula() + " per resolution and width x " + Notations.count(drawn(options, RESOLUTION), "resolution")
                + " x " + Notations.count(drawn(options, WIDTH), "width");
    }

    private static int drawn(SpaceOptions options, String name) {
        final List<Integer> c = options.choices().get(name);
        return c != null ? c.size() : 1;
    }

    @Override
    public List<Integer> choices(String name, boolean all) {
        final Choices c = name.equals(RESOLUTION) ? d.resolutions() : name.equals(WIDTH) ? d.widths() : null;
        return c == null ? List.of() : all ? c.all() : c.defaults();
    }

    @Override
    public void sample(SpaceRandom random, SpaceOptions options, CandidateBuilder builder, StringBuilder notation) {
        final C c = draw(random, options);
        if (builder != null) {
            write(builder, c, options.classesFor(this));
        }
        if (notation != null) {
            notation.append(format(c));
        }
    }
}
