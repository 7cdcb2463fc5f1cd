package io.archmeter.bench;

import io.archmeter.bench.baseline.ObjectArchParser;
import io.archmeter.bench.baseline.ObjectMetrics;
import io.archmeter.bench.baseline.ObjectScorer;
import io.archmeter.model.Conventions;
import io.archmeter.stats.ColumnSummary;
import io.archmeter.stats.RowSelection;
import io.archmeter.stats.StatsResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the bodies of {@link StatsPipelineBenchmark} once on a small file and checks them against
 * the object baseline's metrics (its own parser and formulas) computed row by row here.
 */
class StatsPipelineBenchmarkTest {
    static final int ROWS = 3000;

    @Test
    void statsSummariseEveryRowAsTheObjectBaselineScoresIt() throws Exception {
        StatsPipelineBenchmark b = new StatsPipelineBenchmark();
        b.rows = ROWS;
        b.setup();
        String[][] rows = CsvFixture.values(ROWS, BenchmarkDefaults.CSV_DEPTH, GeneratedCandidates.SEED);
        ObjectScorer scorer = new ObjectScorer(Conventions.DEFAULT);
        long[] macs = new long[ROWS];
        long within300M = 0;
        long within300MAnd4MiB = 0;
        long within1GAnd4MiB = 0;
        double[] acc = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ObjectMetrics m = scorer.score(ObjectArchParser.parse(rows[i][1]), 224, 224, 3);
            macs[i] = m.macs();
            acc[i] = Double.parseDouble(rows[i][2]);
            within300M += m.macs() <= 300_000_000L ? 1 : 0;
            within300MAnd4MiB += m.macs() <= 300_000_000L && m.activationPeakBytes() <= 4L << 20 ? 1 : 0;
            within1GAnd4MiB += m.macs() <= 1_000_000_000L && m.activationPeakBytes() <= 4L << 20 ? 1 : 0;
        }
        long[] sorted = macs.clone();
        Arrays.sort(sorted);
        for (int round = 0; round < 2; round++) {
            StatsResult r = b.stats();
            assertEquals(ROWS, r.rows());
            ColumnSummary m = r.summaries().get(r.indexOf("macs"));
            assertEquals(sorted[0], m.min());
            assertEquals(sorted[ROWS - 1], m.max());
            assertEquals(sorted[ROWS / 2 - 1], m.median());            // rank ceil(0.5 * 3000) = 1500
            assertEquals(within300MAnd4MiB, r.budgets().kept(1, 1));      // budgets macs=100M,300M,1G × peak=2MiB,4MiB
            assertEquals(within1GAnd4MiB, r.budgets().kept(2, 1));
        }
        // a front of (macs:min, acc:max) over the rows within 300M: row i is on it unless another has <= macs and >= acc, one strictly
        long front = 0;
        for (int i = 0; i < ROWS; i++) {
            if (macs[i] > 300_000_000L) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < ROWS && !dominated; j++) {
                dominated = macs[j] <= 300_000_000L && macs[j] <= macs[i] && acc[j] >= acc[i] && (macs[j] < macs[i] || acc[j] > acc[i]);
            }
            front += dominated ? 0 : 1;
        }
        RowSelection p = b.pareto();
        assertEquals(front, p.frontSize());
        assertEquals(front, p.written());
        RowSelection t = b.top();
        assertEquals(100, t.written());
        assertTrue(within300M > 1000, "about half the rows are within 300M: " + within300M);
    }
}
