package io.archmeter.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * One output of a command, written so that nothing is lost or silently wrong: every write is
 * checked, and a file appears whole or not at all. Use it for every file or stdout a command
 * writes ({@code filter}, {@code generate}, {@code summary}, {@code zoo}, reports):
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.open("kept.csv")) {   // "-" is stdout
 *     Writer w = out.writer();                                 // UTF-8, buffered, gzip if the name ends in .gz
 *     w.write("id,arch\n");
 *     ...
 *     out.commit();                                            // flush, fsync, rename over kept.csv
 * }                                                            // without commit: the temp file is deleted
 * }</pre>
 *
 * <ul>
 *   <li><b>Checked writes.</b> The first write that fails (a full disk, a closed stdout, an I/O
 *       error) throws an {@link OutputFailedException} naming the output and the cause
 *       ({@code cannot write kept.csv: No space left on device}); every later write throws it too.
 *       A reader gone from stdout's pipe is {@link OutputFailedException#brokenPipe()}: commands end
 *       quietly with {@code 141} then, as a shell reports a process killed by SIGPIPE.</li>
 *   <li><b>Atomic files.</b> A regular file is written to a hidden temporary file beside it
 *       ({@code .kept.csv.tmp-1a2b3c}) and renamed over it by {@link #commit()}, so a run that
 *       fails or is killed leaves the previous file as it was and no partial file under its name.
 *       A temporary file is deleted when the output is closed without commit, and on a normal JVM
 *       shutdown (Ctrl-C, SIGTERM), after which nothing is renamed any more (an input that ends
 *       because Ctrl-C killed its producer too is not taken for a whole one); only a SIGKILL can
 *       leave a temporary file behind. The file keeps the permissions of the file it replaces.</li>
 *   <li><b>Written out as it goes.</b> A file's bytes are forced to the disk on a helper thread each
 *       time {@value #SYNC_BYTES} more bytes have been written ({@link EarlySync}), so that the
 *       force before the rename, which nothing else overlaps, finds little left to write.</li>
 *   <li><b>Streams.</b> Stdout, devices and FIFOs ({@link Destination.Kind}) cannot be replaced:
 *       they are written as the run goes, checked, and {@link #commit()} only flushes them.</li>
 * </ul>
 *
 * <p>Use {@link #writer()} for text (UTF-8; a lone surrogate from {@link Utf8PassThrough} is
 * written back as the byte it was read from) or {@link #stream()} for bytes, not both. The writer
 * buffers: call its {@code flush()} when a reader must see what was written so far (a coprocess).
 * Not thread-safe.
 */
public final class AtomicOutput implements Closeable {
    private static final int BUFFER = 1 << 16;
    /** Bytes written to a file between two forces on the helper thread (see {@link EarlySync}). */
    static final int SYNC_BYTES = 16 << 20;
    /** Temporary files not yet renamed or deleted: the shutdown hook deletes them. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /** Held while renaming, and by the shutdown hook while it stops all renames. */
    private static final Object PUBLISH_LOCK = new Object();
    /** Set by the shutdown hook: no output is published once the JVM is going down. */
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::shutDown, "archmeter-temp-cleanup"));
    }

    private final Destination destination;
    private final Path temporary;
    private final FileChannel channel;
    private final CheckedOutputStream stream;
    /** The file's forces while it is written; null for a stream. */
    private final EarlySync sync;
    private Writer writer;
    private boolean finished;
    private boolean published;

    private AtomicOutput(Destination destination, Path temporary, FileChannel channel, CheckedOutputStream stream) {
        this.destination = destination;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = stream;
        this.sync = stream.sync;
    }

    /** Opens output {@code name}: {@code -} for stdout, else a path (see {@link Destination}). */
    public static AtomicOutput open(String name) throws IOException {
        return open(Destination.output(name));
    }

    /**
     * Opens {@code d}: for a file, creates its temporary file (the target is not touched).
     *
     * @throws OutputFailedException if it cannot be created, naming it and the cause
     */
    public static AtomicOutput open(Destination d) throws IOException {
        return open(d, SYNC_BYTES);
    }

    /** {@link #open(Destination)} forcing a file to the disk every {@code syncBytes} bytes (tests make it small). */
    static AtomicOutput open(Destination d, int syncBytes) throws IOException {
        switch (d.kind()) {
            case STDOUT:
                return new AtomicOutput(d, null, null, new CheckedOutputStream(StdStreams.out(), d.describe(), false));
            case STREAM:
                try {
                    OutputStream raw = Files.newOutputStream(d.path(), StandardOpenOption.WRITE);
                    return new AtomicOutput(d, null, null, new CheckedOutputStream(raw, d.name(), true));
                } catch (IOException e) {
                    throw new OutputFailedException(d.name(), e);
                }
            default:
                return openTemporary(d, syncBytes);
        }
    }

    private static AtomicOutput openTemporary(Destination d, int syncBytes) throws IOException {
        Path target = d.path();
        for (int attempt = 0; ; attempt++) {
            // a StringBuilder, not '+': the first string concatenation of a shape costs a fresh JVM milliseconds
            Path tmp = target.resolveSibling(new StringBuilder(".").append(target.getFileName()).append(".tmp-")
                    .append(Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL)).toString());
            try {
                FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                LIVE.add(tmp);
                copyPermissions(target, tmp);
                // the channel stays open past the stream's close: finish() forces it to the disk first
                return new AtomicOutput(d, tmp, ch, new CheckedOutputStream(Channels.newOutputStream(ch), d.name(), false,
                        new EarlySync(ch, syncBytes)));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new OutputFailedException(d.name(), e);
                }
            } catch (IOException e) {
                throw new OutputFailedException(d.name(), e);
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            if (Files.isRegularFile(from)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file gets the default permissions
        }
    }

    /** Forces started while the file was written ({@link EarlySync}); 0 for a stream. For tests. */
    int earlyForces() {
        return sync != null ? sync.started() : 0;
    }

    /** Where this output goes. */
    public Destination destination() {
        return destination;
    }

    /** The checked byte stream (unbuffered; gzip not applied). Use it or {@link #writer()}, not both. */
    public OutputStream stream() {
        return stream;
    }

    /**
     * The checked, buffered UTF-8 writer (the same one on every call), gzip-compressed if the
     * output's name ends in {@code .gz}.
     */
    public Writer writer() throws IOException {
        if (writer == null) {
            OutputStream bytes = stream;
            if (destination.gzip()) {
                bytes = new GZIPOutputStream(stream, BUFFER);
            }
            // buffered as a BufferedWriter, and taking the ASCII lines filter's workers format as bytes
            writer = Utf8PassThrough.bufferedWriter(bytes);
        }
        return writer;
    }

    /**
     * Writes out everything: flushes the writer, ends the gzip data, and for a file forces it to
     * the disk and closes it. After it, only {@link #publish()} remains, which for a file is one
     * rename: commands with several outputs finish them all before publishing any.
     *
     * @throws OutputFailedException if a write fails (e.g. the disk is full)
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        if (writer != null) {
            writer.close();     // closes the gzip stream and the checked stream under it
        } else {
            stream.close();
        }
        if (channel != null) {
            try {
                if (sync != null) {
                    sync.finish();
                }
                // the bytes must be on the disk before the name points at them
                channel.force(true);
                channel.close();
            } catch (IOException e) {
                throw new OutputFailedException(destination.name(), e);
            }
        }
        finished = true;
    }

    /** Renames the finished temporary file over the target (for a stream: nothing more to do). */
    public void publish() throws IOException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (published) {
            return;
        }
        if (temporary != null) {
            synchronized (PUBLISH_LOCK) {
                // Ctrl-C on 'producer | archmeter filter - -o out.csv' kills the producer too: its end of
                // input may reach us while we shut down, and must not be published as a whole result
                if (shuttingDown || shutdownInProgress()) {
                    throw new OutputFailedException(destination.name(), "the run was interrupted (the JVM is shutting down)");
                }
                try {
                    Files.move(temporary, destination.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new OutputFailedException(destination.name(), e);
                }
                LIVE.remove(temporary);
            }
        }
        published = true;
    }

    /** {@link #finish()} then {@link #publish()}. */
    public void commit() throws IOException {
        finish();
        publish();
    }

    /**
     * Ends the output. Unless it was committed, a file's temporary is deleted and the target left
     * as it was; a stream (stdout, a device) gets what was written so far, if it can. Never throws.
     */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            if (!finished && temporary == null) {
                // a stream has shown what it has written so far: let it show the rest of it (best effort)
                try {
                    if (writer != null) {
                        writer.flush();
                    }
                } catch (IOException e) {
                    // the failure that got us here, or another one: nothing to add
                }
            }
            if (!finished) {
                stream.abandon();
                if (channel != null) {
                    channel.close();
                }
            }
        } catch (IOException e) {
            // abandoning: nothing more to report than the failure that got us here
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // left behind, hidden; the shutdown hook tries again
                }
                LIVE.remove(temporary);
            }
        }
    }

    /**
     * True once the JVM has begun to shut down (a signal, System.exit), possibly before our hook has
     * run: the JDK refuses new hooks from that moment, and says so only by throwing.
     */
    private static boolean shutdownInProgress() {
        Thread probe = new Thread(() -> { }, "archmeter-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The shutdown hook: stops every later rename, then deletes the temporary files. */
    private static void shutDown() {
        synchronized (PUBLISH_LOCK) {
            shuttingDown = true;
        }
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more can be done while the JVM exits
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AtomicOutput[%s%s]", destination, temporary != null ? " via " + temporary : "");
    }

    /**
     * Forces a file's bytes to the disk while it is still being written, on a helper thread, each
     * time {@code every} more bytes have been written (one force at a time; the writer never
     * waits for one). Without it the whole file would be written to the disk by the force before
     * the rename, at the very end of the run, when nothing else is left to overlap it: a 118 MB
     * {@code filter} output took 35 ms there on a virtual disk, about 3% of the run. The total work
     * of the disk is the same; it moves to where the run's other threads keep the cores busy.
     *
     * <p>A failed force is kept and thrown by {@link #finish()}: Linux reports a failed write-back
     * to one {@code fsync} only, so the final force could succeed after an early one failed. A
     * force that finds the channel closed (the output was abandoned) is no failure.
     */
    static final class EarlySync {
        private final FileChannel channel;
        private final int every;
        /** Bytes written so far, and when the last force started (the writer's thread only). */
        private long written;
        private long forcedAt;
        private Thread running;
        private int started;
        private volatile IOException failure;

        EarlySync(FileChannel channel, int every) {
            this.channel = channel;
            this.every = every;
        }

        /** Counts {@code n} bytes written; starts a force when enough have been and none is running. */
        void wrote(int n) {
            written += n;
            if (written - forcedAt >= every && (running == null || !running.isAlive())) {
                forcedAt = written;
                started++;
                running = new Thread(this::force, "archmeter-output-sync");
                // never keeps the JVM alive: an abandoned output closes the channel under it
                running.setDaemon(true);
                running.start();
            }
        }

        private void force() {
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // the output was abandoned: nothing to report
            } catch (IOException e) {
                failure = e;
            }
        }

        /** Forces started so far (tests). */
        int started() {
            return started;
        }

        /** Waits for the force in progress, if any; throws the failure of any force. */
        void finish() throws IOException {
            boolean interrupted = false;
            while (running != null && running.isAlive()) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Turns every failure of the stream under it into an {@link OutputFailedException} naming the
     * output, and keeps failing after the first: a writer above it cannot lose a failure by retrying.
     */
    static final class CheckedOutputStream extends OutputStream {
        private final OutputStream out;
        private final String name;
        private final boolean closeUnderlying;
        /** Hears of every write to a file; null for a stream. */
        final EarlySync sync;
        private OutputFailedException failure;
        private boolean closed;

        CheckedOutputStream(OutputStream out, String name, boolean closeUnderlying) {
            this(out, name, closeUnderlying, null);
        }

        CheckedOutputStream(OutputStream out, String name, boolean closeUnderlying, EarlySync sync) {
            this.out = out;
            this.name = name;
            this.closeUnderlying = closeUnderlying;
            this.sync = sync;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            try {
                out.write(b);
            } catch (IOException e) {
                throw fail(e);
            }
            if (sync != null) {
                sync.wrote(1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw fail(e);
            }
            if (sync != null) {
                sync.wrote(len);
            }
        }

        @Override
        public void flush() throws IOException {
            check();
            try {
                out.flush();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        /** Flushes; closes the stream under it unless it is stdout (which belongs to the process). */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            flush();
            closed = true;
            if (closeUnderlying) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw fail(e);
                }
            }
        }

        /** Closes without flushing what can no longer matter (the run failed). */
        void abandon() throws IOException {
            if (!closed && closeUnderlying) {
                closed = true;
                out.close();
            }
        }

        private void check() throws OutputFailedException {
            if (failure != null) {
                throw failure;
            }
            if (closed) {
                throw new OutputFailedException(name, "the output is already closed");
            }
        }

        private OutputFailedException fail(IOException e) {
            failure = e instanceof OutputFailedException o ? o : new OutputFailedException(name, e);
            return failure;
        }
    }
}
