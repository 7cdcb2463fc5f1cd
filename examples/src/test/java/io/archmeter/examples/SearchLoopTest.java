package io.archmeter.examples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("the README's search loop")
class SearchLoopTest {

    /**
     * The loop's candidate of width w, by hand: conv 3x3/2 to 112x112xw (27·112²·w MACs, 28w params),
     * bn (2w), dw 3x3/2 to 56x56xw (9·56²·w, 10w), bn (2w), conv 1x1 to 56x56x2w (w·2w·56², 2w² + 2w),
     * gap, fc 2w -> 1000 (2000w, 2000w + 1000).
     */
    private static long macs(long w) {
        return 27 * 112 * 112 * w + 9 * 56 * 56 * w + 2 * w * w * 56 * 56 + 2000 * w;
    }

    private static long params(long w) {
        return 28 * w + 2 * w + 10 * w + 2 * w + 2 * w * w + 2 * w + 2000 * w + 1000;
    }

    @Test
    void findsTheWidestCandidateWithinTheBudgetAsComputedByHand() {
        for (long[] budget : new long[][] {{50_000_000L, 130_000L}, {20_000_000L, 1_000_000L}, {1L << 40, 1L << 40}, {1, 1}}) {
            int expected = 0;
            for (int w = 8; w <= 256; w += 8) {
                if (macs(w) <= budget[0] && params(w) <= budget[1]) {
                    expected = w;
                }
            }
            assertEquals(expected, SearchLoop.widest(budget[0], budget[1]), "budget " + budget[0] + " MACs, " + budget[1] + " params");
        }
        assertEquals(56, SearchLoop.widest(50_000_000L, 130_000L), "the parameters bite: w = 64 has 140,008");
    }

    @Test
    void theReadmeShowsThisFileVerbatim() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        String source = Files.readString(Path.of("src/main/java/io/archmeter/examples/SearchLoop.java"), StandardCharsets.UTF_8);
        List<String> blocks = javaBlocks(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(blocks.contains(source), "README.md has a ```java block equal to examples/src/main/java/io/archmeter/examples/"
                + "SearchLoop.java; update the README when the example changes");
    }

    @Test
    void dependingOnTheLibraryDoesNotPullInTheCommandLinesPicocli() {
        // the examples module depends on archmeter-analyzer alone, as a user's project would
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }

    /** The contents of every ```java fenced block of a Markdown text. */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : markdown.split("\n", -1)) {
            if (cur == null && line.strip().equals("```java")) {
                cur = new StringBuilder();
            } else if (cur != null && line.strip().equals("```")) {
                blocks.add(cur.toString());
                cur = null;
            } else if (cur != null) {
                cur.append(line).append('\n');
            }
        }
        return blocks;
    }
}
