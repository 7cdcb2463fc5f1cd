package io.archmeter.examples;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.encoding.CandidateBuilder;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;

/** The README's search loop: the widest stem within a budget of MACs and parameters. */
public final class SearchLoop {
    public static int widest(long maxMacs, long maxParams) {
        Engine engine = new Engine(Conventions.DEFAULT);       // immutable, thread-safe
        CandidateBatch batch = new CandidateBatch();           // reusable primitive arrays
        CandidateBuilder b = new CandidateBuilder(batch);
        Metrics m = new Metrics();                             // reusable result holder
        int best = 0;
        for (int width = 8; width <= 256; width += 8) {        // no allocation once warm
            batch.clear();
            b.begin(224, 224, 3).conv(3, 2, width).bn().relu6()
             .depthwise(3, 2).bn().relu6().conv(1, 1, 2 * width).gap().fc(1000).end();
            engine.score(batch, 0, m);                         // InvalidArchitectureException if shapes fail
            if (m.macs() <= maxMacs && m.params() <= maxParams) {
                best = width;
            }
        }
        return best;
    }

    public static void main(String[] args) {
        System.out.println("widest within 50M MACs and 130k params: " + widest(50_000_000L, 130_000L));
    }
}
