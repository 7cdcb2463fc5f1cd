package io.archmeter.engine;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;

/** Test helpers: score a string in one line. */
public final class Scoring {
    private Scoring() {
    }

    public static Metrics score(String arch, String input) {
        return score(arch, input, Conventions.DEFAULT);
    }

    public static Metrics score(String arch, String input, Conventions conventions) {
        CandidateBatch batch = ArchParser.parse(arch, InputShape.parse(input));
        return new Engine(conventions).score(batch, 0, new Metrics());
    }

    public static LayerTable trace(String arch, String input) {
        return trace(arch, input, Conventions.DEFAULT);
    }

    public static LayerTable trace(String arch, String input, Conventions conventions) {
        CandidateBatch batch = ArchParser.parse(arch, InputShape.parse(input));
        return new Engine(conventions).trace(batch, 0);
    }
}
