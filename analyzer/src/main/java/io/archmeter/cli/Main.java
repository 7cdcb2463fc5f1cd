package io.archmeter.cli;

import io.archmeter.engine.InvalidArchitectureException;
import io.archmeter.grammar.ArchSyntaxException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.StdStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code archmeter} command line. Each command is one class registered in {@code subcommands}
 * below (one line per command, so that branches adding commands merge easily).
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
            "141:stdout's reader went away (e.g. | head): stopped quietly"},
        subcommands = {
            SummaryCommand.class,
            FilterCommand.class,
            GenerateCommand.class,
            ZooCommand.class,
            ServeCommand.class,
            StatsCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    /**
     * Columns of the help text. Wide enough for every example on one line; descriptions are broken
     * by hand to fit, so picocli never re-wraps a line mid-sentence (HelpTextTest checks it).
     */
    public static final int USAGE_WIDTH = 120;

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
        CommandLine cl = commandLine();
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
        CommandLine cl = new CommandLine(new Main());
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

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
