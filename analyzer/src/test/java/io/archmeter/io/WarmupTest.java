package io.archmeter.io;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@DisplayName("the JIT warm-up of filter")
class WarmupTest {

    @Test
    void aRoundReadsScoresAndFormatsEveryGeneratedRowThroughTheWorkersClasses() throws IOException {
        // two rows on the constructing thread, then ROWS in the round: the generator makes only valid 20-layer chains
        assertEquals(2 + Warmup.ROWS, Warmup.oneRound());
    }

    @Test
    void aSmallOrMissingInputOrAnOptionStartsNoWarmUp(@TempDir Path dir) throws IOException {
        // once per JVM: another test's filter of a large file may have started it already
        assumeFalse(Warmup.started(), "a warm-up already ran in this JVM");
        Path small = Files.writeString(dir.resolve("small.csv"), "id,arch\n1,conv_k3_c8\n");
        Warmup.startFor(small.toString());
        Warmup.startFor(dir.resolve("missing.csv").toString());
        Warmup.startFor("-o");
        Warmup.startFor("-");
        assertFalse(Warmup.started(), "no warm-up thread below " + Warmup.MIN_INPUT_BYTES + " bytes");
    }

    @Test
    void stoppingTwiceOrBeforeAnyStartIsHarmless() throws IOException {
        Warmup.stop();
        Warmup.stop();
        Warmup.start();   // after a stop it never starts (a run already took over)
        assertEquals(2 + Warmup.ROWS, Warmup.oneRound());
    }
}
