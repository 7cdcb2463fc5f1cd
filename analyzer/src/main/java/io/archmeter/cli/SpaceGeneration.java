package io.archmeter.cli;

import io.archmeter.engine.Metric;
import io.archmeter.grammar.SyntheticSpace;
import io.archmeter.io.AtomicOutput;
import io.archmeter.io.ConsoleReporter;
import io.archmeter.io.Constraint;
import io.archmeter.io.Destination;
import io.archmeter.io.FilterListener;
import io.archmeter.io.FilterSpec;
import io.archmeter.io.FilterStats;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.SpaceScan;
import io.archmeter.io.Text;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import io.archmeter.spaces.SpaceRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code archmeter generate SPACE …}: resolves the options into a {@link SpaceScan} and reports. */
final class SpaceGeneration {
    /** The most candidates {@code --all} walks: a space counted beyond it (DARTS, ~1.08e18) is sampled. */
    static final long MAX_ALL = 1L << 32;

    private final CommandSpec spec;
    private final GenerateCommand cmd;

    SpaceGeneration(CommandSpec spec, GenerateCommand cmd) {
        this.spec = spec;
        this.cmd = cmd;
    }

    int run() throws IOException {
        SearchSpace space = SyntheticSpace.GENERATE.named(cmd.space)
                .orElseThrow(() -> usage("unknown space '" + cmd.space + "'; spaces: " + SyntheticSpace.GENERATE.names()));
        SpaceScoreOptions o = cmd.score;
        if (o.classes != null && o.classes < 1) {
            throw usage("--classes must be at least 1, not " + o.classes);
        }
        SpaceOptions options = options(space, o.classes != null ? SpaceOptions.classes(o.classes) : SpaceOptions.DEFAULTS);
        if (o.input != null && !space.choices(SearchSpace.RESOLUTION, true).isEmpty()) {
            throw usage("--input does not apply to " + space.name() + ": each candidate is built on its own resolution r x r x 3,"
                    + " written in its notation; choose it with --resolution");
        }
        SpaceScan scan = scan(space, options);
        scan.input(o.input != null ? SummaryCommand.inputShape(o.input) : space.defaultInput()).options(options);
        PrintWriter err = spec.commandLine().getErr();
        if (!o.quiet) {
            err.println("generate " + space.name() + ": " + String.format(Locale.ROOT, "%,d", scan.count()) + " candidates; "
                    + sizeText(space, options));
            err.flush();
        }
        try {
            return write(scan, o, err);
        } catch (OutputFailedException e) {
            return ExitCode.of(e, err);
        }
    }

    /** Writes the rows (and with --score the rejects) through {@link AtomicOutput}: whole files or none. */
    private int write(SpaceScan scan, SpaceScoreOptions o, PrintWriter err) throws IOException {
        Destination out = Destination.output(cmd.output);
        if (!o.score) {
            scan.chunks(FilterSpec.builder().chunkSize(o.chunkSize).build());
            try (AtomicOutput w = AtomicOutput.open(out)) {
                scan.run(w.writer(), null, FilterListener.NONE);
                w.commit();
            }
            return ExitCode.OK;
        }
        scan.score(filterSpec(o));
        Destination rej = o.rejects != null ? Destination.output(o.rejects) : Destination.defaultRejects(out);
        Destination.requireDistinct("-", out, rej);
        String rejectsName = rej == null ? null : Text.escape(rej.describe(), Text.ECHO_LIMIT);
        ConsoleReporter reporter = new ConsoleReporter(err, o.quiet, System.console() != null, () -> -1, rejectsName)
                .command("generate");
        FilterStats stats;
        try (AtomicOutput w = AtomicOutput.open(out); AtomicOutput r = rej != null ? AtomicOutput.open(rej) : null) {
            stats = scan.run(w.writer(), r != null ? r.writer() : Writer.nullWriter(), reporter);
            // both written out before either is renamed: a full disk fails the run before any file is replaced
            w.finish();
            if (r != null) {
                r.finish();
            }
            w.publish();
            if (r != null) {
                r.publish();
            }
        }
        reporter.summary(stats, false);
        return ExitCode.OK;
    }

    /**
     * {@code base} with the space's resolutions and widths to draw from: {@code --resolution} and
     * {@code --width} ({@code all}: every value the space's reference defines), else the space's
     * defaults; each value checked by sampling one candidate with it, so that a value the space
     * refuses is a usage error before anything is written.
     */
    private SpaceOptions options(SearchSpace space, SpaceOptions base) {
        SpaceOptions options = base;
        options = choose(space, options, SearchSpace.RESOLUTION, "--resolution", cmd.resolution, false);
        options = choose(space, options, SearchSpace.WIDTH, "--width", cmd.width, true);
        try {
            check(space, options);
        } catch (UnsupportedOperationException e) {
            throw usage(space.name() + " is read (filter, summary), not generated: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return options;
    }

    private SpaceOptions choose(SearchSpace space, SpaceOptions options, String name, String option, List<String> given,
                                boolean decimal) {
        List<Integer> all = space.choices(name, true);
        if (given == null) {
            List<Integer> defaults = space.choices(name, false);
            return defaults.isEmpty() ? options : options.withChoices(name, defaults);
        }
        if (all.isEmpty()) {
            throw usage(space.name() + " takes no " + option + (name.equals(SearchSpace.RESOLUTION) ? " (its input is --input)" : ""));
        }
        if (given.size() == 1 && given.get(0).equals("all")) {
            return options.withChoices(name, all);
        }
        List<Integer> values = new ArrayList<>();
        for (String g : given) {
            int v = decimal ? thousandths(option, g) : integer(option, g);
            if (values.contains(v)) {
                throw usage(option + " names " + g + " twice");
            }
            values.add(v);
        }
        return options.withChoices(name, values);
    }

    /** Samples one candidate for every value of every choice alone: each must be one the space accepts. */
    private static void check(SearchSpace space, SpaceOptions options) {
        List<Integer> rs = options.choices().getOrDefault(SearchSpace.RESOLUTION, List.of(0));
        List<Integer> ws = options.choices().getOrDefault(SearchSpace.WIDTH, List.of(0));
        for (int r : rs) {
            for (int w : ws) {
                SpaceOptions one = options;
                if (r != 0) {
                    one = one.withChoices(SearchSpace.RESOLUTION, List.of(r));
                }
                if (w != 0) {
                    one = one.withChoices(SearchSpace.WIDTH, List.of(w));
                }
                space.sample(new SpaceRandom(), one, null, new StringBuilder());
            }
        }
    }

    private int integer(String option, String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw usage(option + ": '" + text + "' is not a positive integer (or 'all')");
    }

    private int thousandths(String option, String text) {
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (d.signum() > 0 && d.scale() <= 3 && d.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return d.movePointRight(3).intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // the message below says what was expected
        }
        throw usage(option + ": '" + text + "' is not a positive multiplier with at most 3 decimals, e.g. 1.2 (or 'all')");
    }

    private SpaceScan scan(SearchSpace space, SpaceOptions options) {
        if (cmd.all == (cmd.count != null)) {
            throw usage("give --all (every candidate) or --count N (samples), one of them");
        }
        if (cmd.all) {
            BigInteger exact = space.exactSize(options);
            if (space.size() < 0 && exact != null) {
                throw usage(space.name() + " has " + String.format(Locale.ROOT, "%,d", exact)
                        + " candidates, too many to walk: sample them with --count N --seed S");
            }
            if (space.size() < 0) {
                throw usage(space.name() + " is sampled, not enumerated: use --count N --seed S");
            }
            if (space.size() > MAX_ALL) {
                throw usage(space.name() + " has " + String.format(Locale.ROOT, "%,d", space.size())
                        + " candidates, too many to walk: sample them with --count N --seed S");
            }
            return SpaceScan.all(space);
        }
        if (cmd.count < 0) {
            throw usage("--count must be at least 0, not " + cmd.count);
        }
        return SpaceScan.sampled(space, cmd.count, cmd.seed);
    }

    private FilterSpec filterSpec(SpaceScoreOptions o) {
        List<Constraint> constraints = new ArrayList<>();
        o.max.forEach(m -> constraints.add(Constraint.max(m)));
        o.min.forEach(m -> constraints.add(Constraint.min(m)));
        return FilterSpec.builder()
                .conventions(o.conventions.toConventions())
                .constraints(constraints)
                .columns(o.columns != null ? FilterSpec.parseColumns(o.columns) : List.of(Metric.DEFAULT_COLUMNS))
                .all(o.pass)
                .chunkSize(o.chunkSize)
                .build();
    }

    /** The space's size under {@code options} (its resolutions and widths), exactly where it is counted. */
    static String sizeText(SearchSpace space, SpaceOptions options) {
        BigInteger size = space.exactSize(options);
        String formula = space.sizeFormula(options);
        return size == null ? "the space is not counted (sampled from its ranges)"
                : "the space has exactly " + String.format(Locale.ROOT, "%,d", size) + " candidates"
                        + (formula.isEmpty() ? "" : ": " + formula);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
