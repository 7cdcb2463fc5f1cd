package io.archmeter.cli;

import io.archmeter.engine.InvalidArchitectureException;
import io.archmeter.grammar.ArchSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            "  2:usage error: a bad option or architecture, an unknown model, a missing or malformed input",
            "  3:filter --fail-fast stopped at a rejected row",
            "  4:I/O error: an output could not be written (disk full, closed stdout), or the input could not be read",
            "141:stdout's reader went away (e.g. | head): stopped quietly"},
        subcommands = {
            SummaryCommand.class,
            FilterCommand.class,
            GenerateCommand.class,
            ZooCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    /**
     * Columns of the help text. Wide enough for every example on one line; descriptions are broken
     * by hand to fit, so picocli never re-wraps a line mid-sentence (HelpTextTest checks it).
     */
    public static final int USAGE_WIDTH = 120;

    /** Exit code of a usage error, an invalid architecture or input. */
    public static final int EXIT_USAGE = 2;

    /** Exit code of an output that could not be written (a full disk, a closed stdout). */
    public static final int EXIT_IO = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Runs the command line on {@link System#out} and {@link System#err} (as they are at the call)
     * and returns its exit code, without calling {@link System#exit}.
     */
    public static int run(String... args) {
        // a PrintWriter over a PrintStream also reports the stream's own write errors in checkError()
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    /**
     * Runs the command line with its output to {@code out} and its messages to {@code err}, and
     * returns the exit code. A write to {@code out} that failed (a full disk, a closed stdout) is an
     * error: one line on {@code err} and exit code {@link #EXIT_IO}, even when the command itself
     * succeeded.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int exit = cl.execute(args);
        if (out.checkError()) {     // flushes, then reports any write that failed on the way
            err.println("archmeter: could not write the output to standard output (disk full, or the stream was closed)");
            err.flush();
            return exit == 0 ? EXIT_IO : exit;
        }
        return exit;
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
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
