package io.archmeter.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code archmeter-spark}: the command line of the Spark module (the main class of
 * {@code spark/target/archmeter-spark.jar}, for {@code spark/bin/archmeter-spark} and {@code spark-submit}).
 */
@Command(name = "archmeter-spark", mixinStandardHelpOptions = true, version = "archmeter-spark 0.1.0",
        description = "archmeter on Apache Spark.", subcommands = SparkFilterJob.class)
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: filter");
    }

    /** The command line; user errors print one line and exit with code 2, as archmeter's. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = rootUserError(ex);
            if (cause != null) {
                commandLine.getErr().println("archmeter-spark: " + cause.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /** The user's error behind {@code ex} (bad option, malformed CSV, I/O), also when a Spark task threw it; else null. */
    static Throwable rootUserError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof io.archmeter.io.MalformedCsvException || t instanceof java.io.FileNotFoundException) {
                return t;
            }
        }
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException
                || ex instanceof org.apache.spark.sql.AnalysisException) {
            return ex;
        }
        return null;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
