package io.archmeter.spaces.timm;

import io.archmeter.engine.Metrics;
import io.archmeter.spaces.NotationException;
import io.archmeter.spaces.mobile.SpaceScoring;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model of timm's efficientnet.py and mobilenetv3.py against timm's own counts
 * ({@code spaces/timm-reference.csv}, computed by timm; see its header): the ones archmeter builds
 * match exactly, from their own arch_def; the others are refused with a reason.
 */
class TimmReferenceTest {

    record Row(String module, String model, long params, long macs) {
        @Override
        public String toString() {
            return model;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TimmReferenceTest.class.getResourceAsStream("/spaces/timm-reference.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("module,")) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        return rows;
    }

    static Stream<Row> built() throws IOException {
        return rows().stream().filter(r -> TimmModels.all().containsKey(r.model()));
    }

    static Stream<Row> refused() throws IOException {
        return rows().stream().filter(r -> !r.model().startsWith("gen:") && !TimmModels.all().containsKey(r.model()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("built")
    @DisplayName("a model archmeter builds has timm's parameters and MACs at 224x224, from its own arch_def")
    void builtModelsMatchTimm(Row row) {
        Metrics m = SpaceScoring.score(b -> TimmNotation.append("timm:" + row.model(), b, 224, 224, 1000));
        assertEquals(row.params(), m.params(), "params");
        if (row.macs() >= 0) {
            assertEquals(row.macs(), m.macs(), "MACs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    @DisplayName("a model archmeter cannot build exactly is refused, with a reason")
    void otherModelsAreRefused(Row row) {
        NotationException e = assertThrows(NotationException.class,
                () -> SpaceScoring.score(b -> TimmNotation.append("timm:" + row.model(), b, 224, 224, 1000)));
        assertTrue(e.getMessage().contains(row.model()), e.getMessage());
    }

    @Test
    @DisplayName("the minimal MobileNetV3 arch_defs (registered by timm only as tf_ ports) match _gen_mobilenet_v3's counts")
    void minimalArchDefsMatchTimm() throws IOException {
        for (Row row : rows()) {
            if (!row.model().startsWith("gen:")) {
                continue;
            }
            boolean large = row.model().contains("large");
            String notation = "timm:mobilenetv3_" + (large ? "large" : "small") + "_100:"
                    + (large ? TimmModels.MOBILENETV3_LARGE_MINIMAL : TimmModels.MOBILENETV3_SMALL_MINIMAL);
            Metrics m = SpaceScoring.score(b -> TimmNotation.append(notation, b, 224, 224, 1000));
            assertEquals(row.params(), m.params(), row.model());
            assertEquals(row.macs(), m.macs(), row.model());
        }
    }

    static Stream<String[]> multiplierRows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TimmReferenceTest.class.getResourceAsStream("/spaces/timm-multipliers-reference.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.startsWith("notation,")) {
                    rows.add(line.split(",(?=[0-9]+,[0-9]+$)|,(?=[0-9]+$)"));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "timm:{0}")
    @MethodSource("multiplierRows")
    @DisplayName("a model's generator with other width and depth multipliers matches timm's _gen_* called with them")
    void multipliersMatchTimmsGenerators(String notation, String params, String macs) {
        Metrics m = SpaceScoring.score(b -> TimmNotation.append("timm:" + notation, b, 224, 224, 1000));
        assertEquals(Long.parseLong(params), m.params(), "params");
        assertEquals(Long.parseLong(macs), m.macs(), "MACs");
    }

    @Test
    @DisplayName("efficientnet_b0 with EfficientNet-B2's multipliers is efficientnet_b2; a depth multiplier is refused where timm takes none")
    void multipliersReproduceTheScaledModels() {
        Metrics b2 = SpaceScoring.score(b -> TimmNotation.append("timm:efficientnet_b0(w=1.1,d=1.2)", b, 224, 224, 1000));
        Metrics ref = SpaceScoring.score(b -> TimmNotation.append("timm:efficientnet_b2", b, 224, 224, 1000));
        assertEquals(ref.params(), b2.params());
        assertEquals(9_109_994, b2.params());
        NotationException e = assertThrows(NotationException.class,
                () -> SpaceScoring.score(b -> TimmNotation.append("timm:mnasnet_100(d=1.2)", b, 224, 224, 1000)));
        assertTrue(e.getMessage().contains("takes no depth multiplier"), e.getMessage());
        assertThrows(NotationException.class, () -> SpaceScoring.score(b -> TimmNotation.append("timm:mnasnet_100(x=1)", b, 224, 224, 1000)));
    }

    @Test
    @DisplayName("every model archmeter lists is pinned by a timm reference row")
    void everyListedModelHasAReference() throws IOException {
        List<String> referenced = rows().stream().map(Row::model).toList();
        for (String name : TimmModels.all().keySet()) {
            assertTrue(referenced.contains(name), name + " has no timm reference row");
        }
    }
}
