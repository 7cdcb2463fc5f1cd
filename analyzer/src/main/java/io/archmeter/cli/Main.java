package io.archmeter.cli;

import io.archmeter.engine.InvalidArchitectureException;
import io.archmeter.grammar.ArchSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code archmeter} command line. */
@Command(name = "archmeter", mixinStandardHelpOptions = true, version = "archmeter 0.1.0",
        description = "Exact receptive field, MACs/FLOPs, parameters and activation memory of CNN architectures.",
        subcommands = {SummaryCommand.class, FilterCommand.class, GenerateCommand.class, ZooCommand.class, ServeCommand.class,
            StatsCommand.class,
            ReportCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: summary, filter, zoo or generate");
    }

    /** Runs the command line and returns its exit code, without calling {@link System#exit}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line: errors in the user's input (a bad architecture, shape, option
     * value or file) print one line naming the problem and exit with code 2, without a stack trace.
     * Tests set its output and error writers.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ArchSyntaxException || ex instanceof InvalidArchitectureException
                    || ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException) {
                commandLine.getErr().println("archmeter: " + ex.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
