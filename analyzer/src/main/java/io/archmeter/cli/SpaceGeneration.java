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
import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpace;
import io.archmeter.spaces.SpaceOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
        SpaceScan scan = scan(space);
        if (o.classes != null && o.classes < 1) {
            throw usage("--classes must be at least 1, not " + o.classes);
        }
        scan.input(o.input != null ? SummaryCommand.inputShape(o.input) : space.defaultInput())
                .options(o.classes != null ? SpaceOptions.classes(o.classes) : SpaceOptions.DEFAULTS);
        PrintWriter err = spec.commandLine().getErr();
        if (!o.quiet) {
            err.println("generate " + space.name() + ": " + String.format(Locale.ROOT, "%,d", scan.count()) + " candidates; "
                    + sizeText(space));
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

    private SpaceScan scan(SearchSpace space) {
        if (cmd.all == (cmd.count != null)) {
            throw usage("give --all (every candidate) or --count N (samples), one of them");
        }
        if (cmd.all) {
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

    /** The space's size, exactly where it is counted. */
    static String sizeText(SearchSpace space) {
        long size = space.size();
        return size < 0 ? "the space is not counted (sampled from its ranges)"
                : "the space has exactly " + String.format(Locale.ROOT, "%,d", size) + " candidates";
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
