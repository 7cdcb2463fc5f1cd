package io.archmeter.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Where an output named on the command line really goes, resolved before anything is written, so
 * that two outputs (or an output and the input) that are one file can be refused, and so that
 * {@link AtomicOutput} knows how to write it.
 *
 * <table>
 *   <caption>Kinds of output</caption>
 *   <tr><th>name</th><th>kind</th><th>written</th></tr>
 *   <tr><td>{@code -}, {@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}</td><td>{@link Kind#STDOUT}</td>
 *       <td>streamed to file descriptor 1</td></tr>
 *   <tr><td>anything under {@code /dev/} or {@code /proc/}, or an existing file that is not a regular file (a FIFO)</td>
 *       <td>{@link Kind#STREAM}</td><td>streamed to it in place ({@code /dev/null}, {@code /dev/full})</td></tr>
 *   <tr><td>any other path</td><td>{@link Kind#FILE}</td>
 *       <td>to a temporary file beside it, renamed over it when the run succeeds</td></tr>
 * </table>
 *
 * <p>A symbolic link is followed: the file it points to is the one replaced (the link stays), and
 * two names of one file (a link, a hard link, {@code a/../b}) are the same destination.
 * {@code /dev/stdout} is the same destination as a file if stdout is redirected to that file
 * ({@code -o f --rejects /dev/stdout > f}). The null device may be named any number of times.
 */
public final class Destination {
    /** How an output is written. */
    public enum Kind {
        /** The process's stdout (or {@link StdStreams#redirect its redirection}). */
        STDOUT,
        /** A device or FIFO, written in place: it cannot be replaced atomically. */
        STREAM,
        /** A regular file (or one to be created), replaced atomically. */
        FILE
    }

    private static final String[] STDOUT_ALIASES = {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"};

    private final String name;
    private final Kind kind;
    /** For FILE: the real path that will be replaced (links followed); for STREAM: the path as given. */
    private final Path path;

    private Destination(String name, Kind kind, Path path) {
        this.name = name;
        this.kind = kind;
        this.path = path;
    }

    /**
     * Resolves output {@code name}.
     *
     * @throws OutputFailedException if it is a directory, or its directory does not exist
     */
    public static Destination output(String name) throws OutputFailedException {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new OutputFailedException(name, "an empty file name");
        }
        if (CsvInput.STD.equals(name)) {
            return new Destination(name, Kind.STDOUT, null);
        }
        Path given;
        try {
            given = Path.of(name).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new OutputFailedException(name, "not a valid path (" + Text.escape(String.valueOf(e.getReason()), Text.ECHO_LIMIT) + ")");
        }
        for (String alias : STDOUT_ALIASES) {
            if (given.toString().equals(alias)) {
                return new Destination(name, Kind.STDOUT, null);
            }
        }
        if (Files.isDirectory(given)) {
            throw new OutputFailedException(name, "Is a directory");
        }
        if (given.startsWith("/dev/") || given.startsWith("/proc/") || Files.exists(given) && !Files.isRegularFile(given)) {
            return new Destination(name, Kind.STREAM, given);
        }
        Path target = followLinks(given);
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new OutputFailedException(name, "No such directory: " + Text.escape(String.valueOf(parent), Text.ECHO_LIMIT));
        }
        try {
            target = parent.toRealPath().resolve(target.getFileName());
        } catch (IOException e) {
            throw new OutputFailedException(name, e);
        }
        // a rename would replace a file the user may not write (only its directory must be writable): refuse, as '>' would
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new OutputFailedException(name, "Permission denied");
        }
        return new Destination(name, Kind.FILE, target);
    }

    /**
     * The rejects file of output {@code output} when no {@code --rejects} is given: beside a file
     * output, named from it ({@code kept.csv} and {@code kept.csv.gz} give {@code kept.rejects.csv});
     * none (null) for stdout, a device or a FIFO, whose name says nothing of where a file should go.
     */
    public static Destination defaultRejects(Destination output) throws OutputFailedException {
        if (output.kind != Kind.FILE) {
            return null;
        }
        return output(rejectsName(output.name));
    }

    /** {@code kept.csv}, {@code kept.csv.gz}, {@code kept.gz} or {@code kept} → {@code kept.rejects.csv}. */
    static String rejectsName(String output) {
        String base = output;
        for (String suffix : new String[] {".csv.gz", ".gz", ".csv"}) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        return base + ".rejects.csv";
    }

    /**
     * Refuses outputs that are the input or each other. {@code input} may be {@code -} (stdin);
     * null outputs are skipped.
     *
     * @throws IllegalArgumentException naming the two and what to change
     */
    public static void requireDistinct(String input, Destination... outputs) {
        Object inputKey = CsvInput.STD.equals(input) || input.indexOf('\0') >= 0 ? null : fileKey(Path.of(input));
        Object stdoutKey = stdoutKey();
        for (int i = 0; i < outputs.length; i++) {
            Destination a = outputs[i];
            if (a == null) {
                continue;
            }
            Object aKey = a.key();
            if (inputKey != null && (inputKey.equals(aKey) || a.kind == Kind.STDOUT && inputKey.equals(stdoutKey))) {
                throw new IllegalArgumentException("the output " + Text.quote(a.name) + " is the input " + Text.quote(input)
                        + ": writing it would destroy the input; write the output elsewhere");
            }
            for (int j = 0; j < i; j++) {
                Destination b = outputs[j];
                if (b != null && a.sameAs(b, stdoutKey)) {
                    throw new IllegalArgumentException("two outputs go to the same place (" + Text.quote(b.name) + " and "
                            + Text.quote(a.name) + (a.kind == Kind.STDOUT || b.kind == Kind.STDOUT ? ", both stdout" : "")
                            + "): their rows would be mixed; send them to different files");
                }
            }
        }
    }

    private boolean sameAs(Destination o, Object stdoutKey) {
        if (isNullDevice() && o.isNullDevice()) {
            return false;
        }
        if (kind == Kind.STDOUT && o.kind == Kind.STDOUT) {
            return true;
        }
        Object k = key();
        Object ok = o.key();
        if (kind == Kind.STDOUT) {
            return stdoutKey != null && stdoutKey.equals(ok);
        }
        if (o.kind == Kind.STDOUT) {
            return stdoutKey != null && stdoutKey.equals(k);
        }
        return k.equals(ok);
    }

    /** The identity of the file: its (device, inode) key if it exists, else its resolved path. */
    private Object key() {
        if (kind == Kind.STDOUT) {
            return "stdout";
        }
        Object k = fileKey(path);
        return k != null ? k : path;
    }

    /** True for the null device, which may receive several outputs. */
    public boolean isNullDevice() {
        if (kind != Kind.STREAM) {
            return false;
        }
        Object k = fileKey(path);
        return k != null && k.equals(fileKey(Path.of("/dev/null")));
    }

    /** The (device, inode) of what fd 1 is, when it is the process's stdout and the system shows it. */
    private static Object stdoutKey() {
        return StdStreams.isProcessOut() ? fileKey(Path.of("/proc/self/fd/1")) : null;
    }

    private static Object fileKey(Path p) {
        try {
            Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return k != null ? k : p.toRealPath();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Follows a chain of symbolic links (which may dangle) to the path it ends at. */
    private static Path followLinks(Path p) {
        Path cur = p;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(cur); hops++) {
            try {
                Path t = Files.readSymbolicLink(cur);
                cur = cur.resolveSibling(t).normalize();
            } catch (IOException e) {
                break;
            }
        }
        return cur;
    }

    /** The name as given on the command line. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#FILE}, the real path replaced; for {@link Kind#STREAM}, the path written; null for stdout. */
    public Path path() {
        return path;
    }

    /** True if the output is gzip-compressed: its name ends in {@code .gz} (never stdout). */
    public boolean gzip() {
        return kind != Kind.STDOUT && name.endsWith(".gz");
    }

    /** "stdout" or the name, for messages. */
    public String describe() {
        return kind == Kind.STDOUT ? "stdout" : name;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
