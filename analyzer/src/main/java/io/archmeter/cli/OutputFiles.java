package io.archmeter.cli;

import io.archmeter.io.AtomicOutput;
import io.archmeter.io.Destination;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-document outputs of {@code stats} and {@code report} (a text, JSON or CSV document; an
 * HTML page and its SVG charts), written through {@link AtomicOutput}: checked, and all or none —
 * every output is written out before any is renamed into place, so a failure (a full disk, a
 * missing directory) leaves every previous file as it was.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Resolves every output first (a missing directory, an output that is the input or another
     * output is an error before anything is written).
     */
    static Map<Destination, String> resolve(String input, Map<String, String> textByName) throws IOException {
        Map<Destination, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : textByName.entrySet()) {
            out.put(Destination.output(e.getKey()), e.getValue());
        }
        Destination.requireDistinct(input, out.keySet().toArray(new Destination[0]));
        return out;
    }

    /** Writes each text to its destination, all or none. */
    static void write(Map<Destination, String> outputs) throws IOException {
        List<AtomicOutput> opened = new ArrayList<>();
        try {
            for (Map.Entry<Destination, String> e : outputs.entrySet()) {
                AtomicOutput o = AtomicOutput.open(e.getKey());
                opened.add(o);
                o.writer().write(e.getValue());
            }
            for (AtomicOutput o : opened) {
                o.finish();
            }
            for (AtomicOutput o : opened) {
                o.publish();
            }
        } finally {
            for (AtomicOutput o : opened) {
                o.close();
            }
        }
    }
}
