package io.archmeter.cli;

import io.archmeter.io.InputFailedException;
import io.archmeter.io.OutputFailedException;

import java.io.PrintWriter;

/**
 * The exit codes of the commands, one meaning each, the same for every command:
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>{@value #OK}</td><td>success (filter: rows may have been rejected, see the summary)</td></tr>
 *   <tr><td>1</td><td>a bug: an unexpected exception, printed with its stack trace by picocli</td></tr>
 *   <tr><td>{@value #USAGE}</td><td>the command or its input is wrong: a bad option, a missing or unreadable input file,
 *       a malformed CSV or header, corrupt gzip data; nothing was replaced</td></tr>
 *   <tr><td>{@value #FAIL_FAST}</td><td>filter --fail-fast met a row it rejects; nothing was replaced</td></tr>
 *   <tr><td>{@value #IO}</td><td>an I/O error: an output could not be created or written (a full disk, a closed
 *       stdout, a missing directory), or the input could not be read; nothing was replaced</td></tr>
 *   <tr><td>{@value #BROKEN_PIPE}</td><td>the reader of stdout went away ({@code | head}): the command stops at once,
 *       quietly, with the code a shell gives a process killed by SIGPIPE</td></tr>
 * </table>
 *
 * "Nothing was replaced": files named with {@code -o} or {@code --rejects} are written whole or
 * not at all (see {@link io.archmeter.io.AtomicOutput}); what went to stdout went.
 *
 * <pre>{@code
 * try {
 *     ... write through AtomicOutput ...
 * } catch (OutputFailedException e) {
 *     return ExitCode.of(e, err);     // 4 with "archmeter: cannot write x: reason", or 141 quietly
 * }
 * }</pre>
 */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int FAIL_FAST = 3;
    public static final int IO = 4;
    public static final int BROKEN_PIPE = 141;

    private ExitCode() {
    }

    /** Reports a failed write on {@code err} and returns its code: 141 without a word for a broken pipe, else 4. */
    public static int of(OutputFailedException e, PrintWriter err) {
        if (e.brokenPipe()) {
            return BROKEN_PIPE;
        }
        err.println("archmeter: " + e.getMessage());
        err.flush();
        return IO;
    }

    /** Reports a failed read on {@code err} and returns its code: 2 if the input could not be opened, else 4. */
    public static int of(InputFailedException e, PrintWriter err) {
        err.println("archmeter: " + e.getMessage());
        err.flush();
        return e.atOpen() ? USAGE : IO;
    }
}
