package io.archmeter.io;

import io.archmeter.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs {@code archmeter filter} on every case under {@code golden/filter/} and compares its output
 * and rejects with the expected files byte for byte, in the manner of Commons CSV's
 * {@code CSVFileParserTest}. See that directory's README for the layout of a case.
 */
class GoldenFilterFilesTest {
    @TempDir
    Path tmp;

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFilterFilesTest.class.getResource("/golden/filter").toURI());
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no golden cases under " + root);
        return dirs.stream();
    }

    /** Every case with one reader and on byte ranges (2 and 3 threads: a plain file is split). */
    static Stream<Arguments> casesAndThreads() throws IOException, URISyntaxException {
        return cases().flatMap(dir -> Stream.of("1", "2", "3").map(t -> Arguments.of(dir.getFileName().toString(), dir, t)));
    }

    @ParameterizedTest(name = "{0}, --threads {2}")
    @MethodSource("casesAndThreads")
    void outputAndRejectsMatchTheGoldenFilesByteForByte(String name, Path dir, String threads) throws IOException {
        Path out = tmp.resolve("out.csv");
        Path rejects = tmp.resolve("rejects.csv");
        List<String> args = new ArrayList<>(List.of("filter", dir.resolve("input.csv").toString(),
                "-o", out.toString(), "--rejects", rejects.toString(), "--quiet", "--threads", threads));
        args.addAll(Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());

        assertEquals(0, Main.run(args.toArray(new String[0])));

        assertEquals(read(dir.resolve("expected.csv")), read(out), "output of " + dir.getFileName());
        assertEquals(read(dir.resolve("expected.rejects.csv")), read(rejects), "rejects of " + dir.getFileName());
    }

    /** The bytes as a string: one byte per char, so that the comparison is byte for byte with a readable diff. */
    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }
}
