package io.archmeter.io;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The process's stdin and stdout as byte streams, for the commands' {@code -} (see {@link CsvInput}
 * and {@link AtomicOutput}).
 *
 * <p>Stdout is file descriptor 1 itself, not {@link System#out}: a {@link java.io.PrintStream}
 * swallows write errors (a full disk, a closed stdout, a reader gone from the pipe) and only sets a
 * flag, while a {@link FileOutputStream} throws them with the operating system's reason, which is
 * what lets a command stop at the first failed write and say why. Stdin is {@link System#in}.
 *
 * <p>Tests and programs that embed the command line {@link #redirect} both, for the current thread
 * and the threads it starts after that:
 * <pre>{@code
 * ByteArrayOutputStream out = new ByteArrayOutputStream();
 * try (StdStreams.Redirect r = StdStreams.redirect(new ByteArrayInputStream(csv), out)) {
 *     Main.run("filter", "-", "-o", "-");
 * }
 * }</pre>
 */
public final class StdStreams {
    private static final OutputStream PROCESS_OUT = new FileOutputStream(FileDescriptor.out);
    private static final InheritableThreadLocal<Redirect> REDIRECT = new InheritableThreadLocal<>();

    private StdStreams() {
    }

    /** Stdin: {@link System#in}, or the redirected stream. Never close it. */
    public static InputStream in() {
        Redirect r = REDIRECT.get();
        return r != null ? r.in : System.in;
    }

    /** Stdout: file descriptor 1, unbuffered, or the redirected stream. Never close it. */
    public static OutputStream out() {
        Redirect r = REDIRECT.get();
        return r != null ? r.out : PROCESS_OUT;
    }

    /** True if {@link #out()} is the process's file descriptor 1 (not redirected). */
    public static boolean isProcessOut() {
        return REDIRECT.get() == null;
    }

    /** Sends {@code -} to these streams until the returned handle is closed. */
    public static Redirect redirect(InputStream in, OutputStream out) {
        Redirect r = new Redirect(in, out, REDIRECT.get());
        REDIRECT.set(r);
        return r;
    }

    /** An active redirection; closing it restores the previous streams. */
    public static final class Redirect implements AutoCloseable {
        final InputStream in;
        final OutputStream out;
        private final Redirect previous;

        private Redirect(InputStream in, OutputStream out, Redirect previous) {
            this.in = in;
            this.out = out;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous != null) {
                REDIRECT.set(previous);
            } else {
                REDIRECT.remove();
            }
        }
    }
}
