package io.archmeter.spaces.mobile;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;

import java.util.function.Consumer;

/** Test helper: write one candidate through a builder and score it with the default conventions. */
public final class SpaceScoring {
    private SpaceScoring() {
    }

    public static Metrics score(Consumer<CandidateBuilder> writer) {
        CandidateBatch batch = new CandidateBatch();
        writer.accept(new CandidateBuilder(batch));
        return new Engine(Conventions.DEFAULT).score(batch, 0, new Metrics());
    }
}
