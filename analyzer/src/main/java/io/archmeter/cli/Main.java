package io.archmeter.cli;

import io.archmeter.engine.InvalidArchitectureException;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.StdStreams;
import io.archmeter.io.Warmup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code archmeter} command line. Each command is one class registered in {@link #COMMANDS} and
 * {@link #newCommand} below (one line per command in each, so that branches adding commands merge
 * easily).
 *
 * <h2>Start-up</h2>
 * Picocli builds a command's model by reflection over its annotated fields, and in a fresh JVM that
 * work runs in the interpreter: building all seven commands' models cost about as much as the JVM's
 * own start-up, before the first row of a {@code filter} run is read. So a run whose first argument
 * names a command builds only that command's model ({@link #commandLine(String...)}); anything else
 * ({@code --help}, {@code --version}, {@code help COMMAND}, a misspelt command, no command) builds
 * them all, so that help lists every command and picocli can suggest the right one. A command's
 * model, its help and its errors are the same either way ({@code MainTest} checks it).
 */
@Command(name = "archmeter", mixinStandardHelpOptions = true, version = "archmeter 0.1.0",
        description = {"Exact receptive field, MACs/FLOPs, parameters and activation memory of CNN architectures.",
            "'archmeter help COMMAND' (or 'archmeter COMMAND --help') shows every option of a command."},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:success",
            "  1:a bug: an unexpected exception, printed with its stack trace",
            "  2:usage error: a bad option or architecture, an unknown model, a missing or malformed input",
            "  3:filter --fail-fast stopped at a rejected row",
            "  4:I/O error: an output could not be written (disk full, closed stdout), or the input could not be read",
            "141:stdout's reader went away (e.g. | head): stopped quietly"})
public final class Main implements Runnable {
    /**
     * Columns of the help text. Wide enough for every example on one line; descriptions are broken
     * by hand to fit, so picocli never re-wraps a line mid-sentence (HelpTextTest checks it).
     */
    public static final int USAGE_WIDTH = 120;

    /** The commands' names, in the order the help lists them; {@link #newCommand} makes each. */
    static final List<String> COMMANDS = List.of(
            "summary",
            "filter",
            "generate",
            "zoo",
            "serve",
            "stats",
            "report",
            "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Runs the command line on the process's stdout ({@link StdStreams#out()}: file descriptor 1,
     * whose failed writes say why) and {@link System#err}, and returns its exit code, without
     * calling {@link System#exit}.
     */
    public static int run(String... args) {
        FirstFailure stdout = new FirstFailure(StdStreams.out());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(out, stdout, err, args);
    }

    /**
     * Runs the command line with its output to {@code out} and its messages to {@code err}, and
     * returns the exit code. A write to {@code out} that failed is an error even when the command
     * itself succeeded: {@link ExitCode#IO} with one line on {@code err} (a full disk, a closed
     * stdout), or {@link ExitCode#BROKEN_PIPE} without a word when the reader went away ({@code | head}).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, null, err, args);
    }

    private static int run(PrintWriter out, FirstFailure stdout, PrintWriter err, String... args) {
        if (args.length > 1 && "filter".equals(args[0])) {
            // JIT warm-up of the workers' loops on the core that start-up leaves idle, for a large input file
            // (io.Warmup: no effect on results)
            Warmup.startFor(args[1]);
        }
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int exit = cl.execute(args);
        if (out.checkError()) {     // flushes, then reports any write that failed on the way
            IOException cause = stdout != null ? stdout.failure() : null;
            int code = ExitCode.of(cause != null ? new OutputFailedException("stdout", cause)
                    : new OutputFailedException("stdout", "the write failed (disk full, or the stream was closed)"), err);
            return exit == ExitCode.OK ? code : exit;
        }
        return exit;
    }

    /** An output stream that remembers the first exception of the stream beneath (a PrintWriter keeps only a flag). */
    private static final class FirstFailure extends FilterOutputStream {
        private IOException failure;

        FirstFailure(OutputStream out) {
            super(out);
        }

        IOException failure() {
            return failure;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }

    /**
     * The configured command line: errors in the user's input (a bad architecture, shape, option
     * value or file) print one line naming the problem and exit with code 2, without a stack trace.
     * Tests set its output and error writers.
     */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line configured as {@link #commandLine()}, for these arguments: with only the
     * command that {@code args[0]} names, when it names one other than {@code help} (its model is
     * the one {@link #commandLine()} has: same options, help and errors); else with every command.
     */
    public static CommandLine commandLine(String... args) {
        String only = args.length > 0 && !"help".equals(args[0]) && COMMANDS.contains(args[0]) ? args[0] : null;
        CommandLine cl = new CommandLine(new Main());
        for (String name : COMMANDS) {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, newCommand(name));
            }
        }
        // after the subcommands: picocli applies these settings to the subcommands present when called
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ArchSyntaxException || ex instanceof InvalidArchitectureException
                    || ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException) {
                commandLine.getErr().println("archmeter: " + ex.getMessage());
                commandLine.getErr().flush();
                return ExitCode.USAGE;
            }
            throw ex;
        });
        return cl;
    }

    /** A new instance of the command named {@code name} (one of {@link #COMMANDS}). */
    static Object newCommand(String name) {
        switch (name) {
            case "summary": return new SummaryCommand();
            case "filter": return new FilterCommand();
            case "generate": return new GenerateCommand();
            case "zoo": return new ZooCommand();
            case "serve": return new ServeCommand();
            case "stats": return new StatsCommand();
            case "report": return new ReportCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException("no command " + name);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
