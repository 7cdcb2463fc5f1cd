package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metrics;
import io.archmeter.model.Conventions;
import io.archmeter.spaces.nb101.Nb101Network;
import io.archmeter.spaces.nb101.Nb101Spec;
import io.archmeter.spaces.regnet.RegNetNetwork;
import io.archmeter.spaces.regnet.RegNetParams;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("generate SPACE")
class GenerateSpacesTest {
    @TempDir
    Path dir;

    @Test
    void allOfNasBench101Is423625LinesHeaderIncluded() throws IOException {
        Path out = dir.resolve("nb101.csv");
        InProcessRun run = InProcessRun.of("generate", "nb101", "--all", "-o", out.toString());
        assertEquals(0, run.exit(), run.err());
        try (var lines = Files.lines(out)) {
            assertEquals(423_625, lines.count());
        }
        assertTrue(run.err().contains("the space has exactly 423,624 candidates"), run.err());
    }

    /** Generate and score in memory = generate the notation, then filter the written CSV: the same bytes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"nb201, 32x32x3, 10", "nats-sss, 32x32x3, 10", "chains, 224x224x3, 1000", "blocks, 224x224x3, 1000"})
    void scoringInMemoryEqualsFilteringTheWrittenNotations(String space, String input, String classes) throws IOException {
        Path scored = dir.resolve("scored.csv");
        Path plain = dir.resolve("plain.csv");
        Path filtered = dir.resolve("filtered.csv");
        String[] constraint = {"--max", "params=1M"};
        assertEquals(0, InProcessRun.of("generate", space, "--count", "300", "--seed", "9", "--score", "--pass", "--quiet",
                constraint[0], constraint[1], "-o", scored.toString()).exit());
        assertEquals(0, InProcessRun.of("generate", space, "--count", "300", "--seed", "9", "--quiet", "-o", plain.toString()).exit());
        InProcessRun f = InProcessRun.of("filter", plain.toString(), "--all", "--quiet", "--input", input, "--classes", classes,
                constraint[0], constraint[1], "-o", filtered.toString());
        assertEquals(0, f.exit(), f.err());
        assertEquals(Files.readString(filtered), Files.readString(scored));
        assertEquals(301, Files.readAllLines(scored).size());
    }

    /** Reading a notation with the library, expanding and scoring it = the row generate --score wrote. */
    @Test
    void readingTheWrittenNotationScoresAsGenerateDid() throws IOException {
        Path scored = dir.resolve("regnet.csv");
        assertEquals(0, InProcessRun.of("generate", "regnet", "--count", "50", "--seed", "4", "--score", "--quiet",
                "--columns", "macs,params,act_peak_bytes", "-o", scored.toString()).exit());
        Engine engine = new Engine(Conventions.DEFAULT);
        for (CSVRecord r : records(scored)) {
            CandidateBatch b = new CandidateBatch();
            b.begin(224, 224, 3);
            new RegNetNetwork().append(b, RegNetParams.parse(r.get("arch")), 1000);
            b.end();
            Metrics m = engine.score(b, 0, new Metrics());
            assertEquals(List.of(r.get("macs"), r.get("params"), r.get("act_peak_bytes")),
                    List.of("" + m.macs(), "" + m.params(), "" + m.activationPeakBytes()), r.get("arch"));
        }
        Path nb = dir.resolve("nb101.csv");
        assertEquals(0, InProcessRun.of("generate", "nb101", "--count", "200", "--seed", "4", "--score", "--quiet",
                "--columns", "macs,params", "-o", nb.toString()).exit());
        for (CSVRecord r : records(nb)) {
            CandidateBatch b = new CandidateBatch();
            b.begin(32, 32, 3);
            new Nb101Network().append(b, Nb101Spec.parse(r.get("arch")), 10);
            b.end();
            Metrics m = engine.score(b, 0, new Metrics());
            assertEquals(List.of(r.get("macs"), r.get("params")), List.of("" + m.macs(), "" + m.params()), r.get("arch"));
        }
    }

    @Test
    void misuseIsAUsageErrorNamingTheProblem() {
        InProcessRun r = InProcessRun.of("generate", "darts", "--all");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("darts is sampled, not enumerated"), r.err());
        InProcessRun u = InProcessRun.of("generate", "nb102", "--all");
        assertTrue(u.err().contains("unknown space 'nb102'"), u.err());
    }

    private static List<CSVRecord> records(Path p) throws IOException {
        try (Reader in = Files.newBufferedReader(p)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
