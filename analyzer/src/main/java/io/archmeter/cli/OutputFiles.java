package io.archmeter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Checked, atomic writes of the whole-document outputs of {@code stats} and {@code report}: a
 * file is written beside its target under a temporary name and renamed over it only when
 * complete, so a failed run leaves the previous file as it was; stdout is checked after the
 * write, so a full disk or a closed pipe is an error, not a silent loss.
 *
 * <p>Minimal on purpose: when the reusable checked/atomic writer of the {@code io} package lands
 * (issue 9), these commands should use it instead.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes {@code text} to {@code target} ({@code -}: to {@code stdout}), atomically and checked. */
    static void write(String target, String text, PrintWriter stdout) throws IOException {
        if ("-".equals(target)) {
            stdout.print(text);
            stdout.flush();
            if (stdout.checkError()) {
                throw new IOException("cannot write to stdout (closed or full)");
            }
            return;
        }
        write(Path.of(target), text);
    }

    /** Writes {@code text} to {@code target} atomically: a temporary file beside it, then a rename. */
    static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": no such directory " + dir);
        }
        // not Files.createTempFile, whose file is private (0600): the output gets the umask's permissions
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                w.write(text);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m != null ? " (" + m + ")" : "");
    }
}
