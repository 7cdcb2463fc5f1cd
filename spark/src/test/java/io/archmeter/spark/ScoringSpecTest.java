package io.archmeter.spark;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterSpec;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.InputShape;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the executors rebuild is the driver's spec, every option of {@code filter} included (no Spark session needed). */
class ScoringSpecTest {
    @Test
    void aSpecWithEveryOptionChangedSurvivesSerializationToTheExecutors() throws IOException, ClassNotFoundException {
        FilterSpec spec = FilterSpec.builder()
                .conventions(Conventions.DEFAULT.withActivationType(DType.INT8))
                .defaultInput(new InputShape(32, 32, 3))
                .archColumn("net")
                .constraint(Constraint.max("macs=300M"))
                .constraint(Constraint.min("acc=0.6"))
                .columns(Metric.MACS, Metric.RF)
                .all(true)
                .cellClasses(100)
                .chunkChars(5000)
                .maxRowChars(7000)
                .batchLayers(900)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(ScoringSpec.of(spec));
        }
        ScoringSpec shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (ScoringSpec) in.readObject();
        }
        FilterSpec rebuilt = shipped.toFilterSpec();
        assertEquals(spec, rebuilt);
        assertEquals(5000, rebuilt.chunkChars());
        assertEquals(7000, rebuilt.maxRowChars());
        assertEquals(900, rebuilt.batchLayers());
    }
}
