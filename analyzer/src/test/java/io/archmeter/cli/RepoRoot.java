package io.archmeter.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top directory, found from the test's working directory (Surefire runs in the module). */
final class RepoRoot {
    private RepoRoot() {
    }

    static Path path() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("analyzer"))
                    && Files.isRegularFile(p.resolve("archmeter"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
    }
}
