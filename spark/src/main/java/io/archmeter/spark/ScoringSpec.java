package io.archmeter.spark;

import io.archmeter.engine.Metric;
import io.archmeter.io.Constraint;
import io.archmeter.io.FilterSpec;
import io.archmeter.model.Conventions;
import io.archmeter.model.DType;
import io.archmeter.model.FlopsConvention;
import io.archmeter.model.InputShape;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FilterSpec} in a form Spark can ship to its executors (the spec itself holds a pool and
 * types that are not serializable). {@link #of} and {@link #toFilterSpec} round-trip everything
 * the scoring needs; the executors rebuild the spec once per partition.
 */
final class ScoringSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FlopsConvention flops;
    private final boolean countElementwise;
    private final DType weightType;
    private final DType activationType;
    private final int inputH;
    private final int inputW;
    private final int inputC;
    private final String archColumn;
    private final List<String> constraintColumns = new ArrayList<>();
    private final List<Constraint.Bound> constraintBounds = new ArrayList<>();
    private final List<BigDecimal> constraintLimits = new ArrayList<>();
    private final List<Metric> columns;
    private final boolean all;
    private final int cellClasses;
    private final int chunkChars;
    private final int maxRowChars;
    private final int batchLayers;

    private ScoringSpec(FilterSpec s) {
        Conventions c = s.conventions();
        flops = c.flops();
        countElementwise = c.countElementwise();
        weightType = c.weightType();
        activationType = c.activationType();
        // no default input (0s): each notation's own
        inputH = s.defaultInput() != null ? s.defaultInput().height() : 0;
        inputW = s.defaultInput() != null ? s.defaultInput().width() : 0;
        inputC = s.defaultInput() != null ? s.defaultInput().channels() : 0;
        archColumn = s.archColumn();
        for (Constraint k : s.constraints()) {
            constraintColumns.add(k.column());
            constraintBounds.add(k.bound());
            constraintLimits.add(k.limit());
        }
        columns = new ArrayList<>(s.columns());
        all = s.all();
        cellClasses = s.cellClasses();
        chunkChars = s.chunkChars();
        maxRowChars = s.maxRowChars();
        batchLayers = s.batchLayers();
    }

    static ScoringSpec of(FilterSpec spec) {
        return new ScoringSpec(spec);
    }

    FilterSpec toFilterSpec() {
        List<Constraint> cs = new ArrayList<>();
        for (int i = 0; i < constraintColumns.size(); i++) {
            String column = constraintColumns.get(i);
            cs.add(new Constraint(column, constraintBounds.get(i), constraintLimits.get(i), Metric.ofColumn(column)));
        }
        return FilterSpec.builder()
                .conventions(new Conventions(flops, countElementwise, weightType, activationType))
                .defaultInput(inputH == 0 ? null : new InputShape(inputH, inputW, inputC))
                .archColumn(archColumn)
                .constraints(cs)
                .columns(columns)
                .all(all)
                .cellClasses(cellClasses)
                .chunkChars(chunkChars)
                .maxRowChars(maxRowChars)
                .batchLayers(batchLayers)
                .build();
    }
}
