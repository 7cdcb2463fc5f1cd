package io.archmeter.io;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("the JIT warm-up of filter")
class WarmupTest {

    @Test
    void aRoundReadsScoresAndFormatsEveryGeneratedRowThroughTheWorkersClasses() throws IOException {
        // two rows on the constructing thread, then ROWS in the round: the generator makes only valid 20-layer chains
        assertEquals(2 + Warmup.ROWS, Warmup.oneRound());
    }

    @Test
    void stoppingTwiceOrBeforeAnyStartIsHarmless() throws IOException {
        Warmup.stop();
        Warmup.stop();
        Warmup.start();   // after a stop it never starts (a run already took over)
        assertEquals(2 + Warmup.ROWS, Warmup.oneRound());
    }
}
