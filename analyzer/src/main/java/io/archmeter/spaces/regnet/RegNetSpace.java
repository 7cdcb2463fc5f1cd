package io.archmeter.spaces.regnet;

import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.Notations;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;

/**
 * RegNet in the registry: {@link #X} ({@code regnet}) reads the notation
 * {@code regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16[,b=…][,se=…]} ({@link RegNetParams}) into
 * torchvision's network ({@link RegNetNetwork}) and samples the RegNetX design space as pycls's
 * sweep does ({@link RegNetSampler}); {@link #Y} ({@code regnety}) samples the RegNetY space (the
 * same ranges with squeeze-excite 0.25) and reads no string of its own: its candidates are written
 * in the same notation, which {@code regnet} reads. The spaces are not counted (their widths come
 * from continuous ranges, drawn log-uniformly): they are sampled, never enumerated. Input
 * 224x224x3, 1000 classes by default.
 */
public final class RegNetSpace implements SearchSpace {
    /** RegNetX: the notation, and the design space without squeeze-excite. */
    public static final RegNetSpace X = new RegNetSpace(false);
    /** RegNetY: the design space with squeeze-excite of ratio 0.25 (pycls {@code SE_R}). */
    public static final RegNetSpace Y = new RegNetSpace(true);

    /** pycls's squeeze-excite ratio of RegNetY. */
    static final double SE_RATIO = 0.25;
    private static final InputShape IMAGENET = new InputShape(224, 224, 3);

    private final boolean y;
    private final ThreadLocal<Scratch> scratch;

    private RegNetSpace(boolean y) {
        this.y = y;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(y ? SE_RATIO : 0));
    }

    @Override
    public String name() {
        return y ? "regnety" : "regnet";
    }

    @Override
    public String title() {
        return y ? "RegNetY design space (pycls ranges, SE 0.25; torchvision networks)"
                : "RegNet design (torchvision RegNet: quantised linear widths, X/Y bottleneck blocks)";
    }

    @Override
    public String example() {
        return y ? "regnet:d=16,w0=48,wa=27.89,wm=2.09,g=8,se=0.25" : "regnet:d=22,w0=24,wa=24.48,wm=2.54,g=16";
    }

    @Override
    public InputShape defaultInput() {
        return IMAGENET;
    }

    @Override
    public int defaultClasses() {
        return RegNetNetwork.DEFAULT_CLASSES;
    }

    /** {@code regnet:…} for {@link #X}; nothing for {@link #Y}, whose candidates {@link #X} reads. */
    @Override
    public String firstChars() {
        return y ? "" : RegNetParams.PREFIX.substring(0, 1);
    }

    @Override
    public boolean recognizes(CharSequence text) {
        return !y && RegNetParams.looksLike(text);
    }

    @Override
    public void write(CharSequence text, SpaceOptions options, CandidateBuilder builder) {
        try {
            scratch.get().network.write(builder, RegNetParams.parse(text), options.classesFor(this));
        } catch (NotationException e) {
            throw Notations.withText(e, text);
        }
    }

    /** Draws a design of the pycls sweep's ranges with exactly 4 stages ({@link RegNetSampler}). */
    @Override
    public void sample(SpaceRandom random, SpaceOptions options, CandidateBuilder builder, StringBuilder notation) {
        final Scratch s = scratch.get();
        s.sampler.sample(random, s.sample);
        if (builder != null) {
            s.network.write(builder, s.sampler.design(), s.sample.se(), options.classesFor(this));
        }
        if (notation != null) {
            s.sample.appendNotation(notation);
        }
    }

    @Override
    public String toString() {
        return name();
    }

    /** One per thread: a sampler, its sample, a network writer. */
    private static final class Scratch {
        final RegNetSampler sampler;
        final RegNetSampler.Sample sample = new RegNetSampler.Sample();
        final RegNetNetwork network = new RegNetNetwork();

        Scratch(double se) {
            sampler = new RegNetSampler(se);
        }
    }
}
