package io.archmeter.cli;

import io.archmeter.bridge.JsonLines;
import io.archmeter.io.InputFailedException;
import io.archmeter.io.OutputFailedException;
import io.archmeter.io.StdStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code archmeter serve}: archmeter for any language, as a coprocess speaking JSON lines on stdin and
 * stdout. The protocol is {@link JsonLines}'; this class only wires the streams and the exit code.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Answers JSON requests on stdin, one line each, with JSON lines on stdout (archmeter for any language).",
        description = {
            "Answers one JSON request per line on stdin with one JSON line on stdout, flushed as soon as the",
            "request is read, until stdin closes: archmeter for any language, as a coprocess.",
            "",
            "Request: {\"arch\": \"conv_k3_s2_c16 bn relu gap fc_c10\"} or {\"batch\": [\"...\", {\"arch\": \"...\",",
            "\"input\": \"32x32x3\"}]}, optionally with \"id\" (echoed), \"input\", \"classes\", \"flops\",",
            "\"count_elementwise\", \"weight_dtype\", \"act_dtype\" (they override the options below) and, for one",
            "architecture, \"layers\": true for the per-layer table. Without an input, NAS-Bench-201 and",
            "NATS-Bench strings are costed on 32x32x3 and other strings on 224x224x3.",
            "",
            "Response: {\"id\": ..., \"ok\": true, \"input\": \"32x32x3\", \"metrics\": {\"macs\": ..., \"flops\": ...,",
            "\"params\": ..., ...}} (the columns of 'archmeter filter', exact integers); a batch answers",
            "{\"ok\": true, \"count\": n, \"invalid\": k, \"results\": [...]}, one result per item. A candidate",
            "archmeter cannot cost is {\"ok\": false, \"kind\": \"syntax|shapes|input\", \"error\": \"...\"} (the words",
            "of filter's rejects); a request that cannot be read is {\"ok\": false, \"kind\": \"request\",",
            "\"line\": N, \"error\": \"...\"}. No request stops the server.",
            "",
            "Example:",
            "  echo '{\"arch\": \"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|\"}' \\",
            "      | archmeter serve",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stdin ended; every request was answered",
            "2:a usage error (a bad option)",
            "4:an I/O error: stdout could not be written (a full disk, a closed stdout) or stdin read",
            "141:the reader of stdout went away: the server stops at once, quietly"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "HxWxC",
            description = "Input shape of requests without one (default: each notation's, see above).")
    String input;

    @Option(names = "--classes", paramLabel = "N",
            description = "Classes of search-space networks in requests without \"classes\" (default: each space's reference).")
    Integer classes;

    @Option(names = "--max-line", paramLabel = "CHARS", defaultValue = "" + JsonLines.DEFAULT_MAX_LINE,
            description = "Longest request line read (default ${DEFAULT-VALUE} characters); a longer one is answered with an error.")
    int maxLine;

    @Mixin
    ConventionOptions conventions;

    @Override
    public Integer call() {
        JsonLines protocol = new JsonLines(conventions.toConventions(), FilterCommand.classes(classes), input);
        PrintWriter err = spec.commandLine().getErr();
        JsonLines.Outcome outcome;
        try {
            // stdout is file descriptor 1 itself (StdStreams): a failed write throws with its reason
            outcome = protocol.serve(new InputStreamReader(StdStreams.in(), StandardCharsets.UTF_8), StdStreams.out(), maxLine);
        } catch (UncheckedIOException e) {
            return ExitCode.of(new InputFailedException("stdin", e.getCause(), false), err);
        }
        if (outcome.writeFailure() != null) {
            // 141 quietly when the client closed its end of the pipe, else 4 naming the reason
            return ExitCode.of(new OutputFailedException("stdout", outcome.writeFailure()), err);
        }
        return ExitCode.OK;
    }
}
