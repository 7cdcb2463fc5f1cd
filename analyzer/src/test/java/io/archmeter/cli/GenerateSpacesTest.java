package io.archmeter.cli;

import io.archmeter.encoding.CandidateBatch;
import io.archmeter.engine.Engine;
import io.archmeter.engine.Metric;
import io.archmeter.engine.MetricRecord;
import io.archmeter.grammar.ArchParser;
import io.archmeter.model.Conventions;
import io.archmeter.model.InputShape;
import io.archmeter.spaces.SearchSpaces;
import io.archmeter.spaces.SpaceOptions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("generate SPACE")
class GenerateSpacesTest {
    /** Every metric column, so that the contract compares every number archmeter reports. */
    private static final String ALL_COLUMNS = Arrays.stream(Metric.values()).map(Metric::column).collect(Collectors.joining(","));

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

    /**
     * The round-trip contract, over every space {@code generate} knows: scoring in memory
     * ({@code generate --score}) writes the same bytes as {@code filter} on the notations
     * {@code generate} writes, with both on their defaults (each notation's reference input and
     * classes); and reading each written notation with the library ({@link ArchParser#parseCandidate}
     * on {@link SearchSpaces#defaultInput}) scores to the numbers of its row.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nb101", "nb201", "nats-sss", "darts", "regnet", "regnety", "chains", "blocks"})
    void readExpandScoreEqualsGenerateScoreEqualsFilterOnTheWrittenFile(String space) throws IOException {
        Path scored = dir.resolve("scored.csv");
        Path plain = dir.resolve("plain.csv");
        Path filtered = dir.resolve("filtered.csv");
        int count = space.equals("darts") ? 60 : 300;
        String[] constraint = {"--max", "params=4M", "--columns", ALL_COLUMNS};
        InProcessRun g = InProcessRun.of("generate", space, "--count", "" + count, "--seed", "9", "--score", "--pass", "--quiet",
                constraint[0], constraint[1], constraint[2], constraint[3], "-o", scored.toString());
        assertEquals(0, g.exit(), g.err());
        assertEquals(0, InProcessRun.of("generate", space, "--count", "" + count, "--seed", "9", "--quiet", "-o", plain.toString())
                .exit());
        InProcessRun f = InProcessRun.of("filter", plain.toString(), "--all", "--quiet", constraint[0], constraint[1],
                constraint[2], constraint[3], "-o", filtered.toString());
        assertEquals(0, f.exit(), f.err());
        assertEquals(Files.readString(filtered), Files.readString(scored));
        List<CSVRecord> rows = records(scored);
        assertEquals(count, rows.size(), "every candidate valid, kept or not");
        Engine engine = new Engine(Conventions.DEFAULT);
        CandidateBatch b = new CandidateBatch();
        long[] values = new long[MetricRecord.LENGTH];
        for (CSVRecord r : rows) {
            String arch = r.get("arch");
            InputShape in = SearchSpaces.STANDARD.defaultInput(arch);
            b.clear();
            ArchParser.parseCandidate(arch, in.height(), in.width(), in.channels(), SpaceOptions.SPACE_DEFAULT, b);
            engine.score(b, 0, values, 0);
            for (Metric m : Metric.values()) {
                assertEquals(r.get(m.column()), m.format(values, 0), space + " row " + r.get("id") + " " + m.column());
            }
        }
    }

    @Test
    void misuseIsAUsageErrorNamingTheProblem() {
        InProcessRun r = InProcessRun.of("generate", "regnet", "--all");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("regnet is sampled, not enumerated"), r.err());
        InProcessRun d = InProcessRun.of("generate", "darts", "--all");
        assertEquals(2, d.exit());
        assertTrue(d.err().contains("darts has 1,076,746,950,455,072,400 candidates, too many to walk"), d.err());
        InProcessRun u = InProcessRun.of("generate", "nb102", "--all");
        assertTrue(u.err().contains("unknown space 'nb102'; spaces: nb201, nats-sss, nb101, darts, regnet, regnety, chains, blocks"),
                u.err());
    }

    private static List<CSVRecord> records(Path p) throws IOException {
        try (Reader in = Files.newBufferedReader(p)) {
            return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords());
        }
    }
}
