package io.archmeter.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headline figures of a run and the {@link Target}s, each stated with its conditions (depth,
 * batch size, threads, mode) so that a figure quoted elsewhere (the README quotes these lines) can
 * be traced to one result. Noisy results are flagged, and a target is judged only on results
 * that are not noisy.
 */
final class Headlines {
    static final String SCORING = "ScoringBenchmark.scoreAll";
    static final String BLOCKS = "BlockScoringBenchmark.scoreAll";
    static final String BUILDER = "BuilderLoopBenchmark.buildAndScore";
    static final String SCALING = "ScalingBenchmark.scoreAllInPool";
    static final String TOUCH = "MemoryTouchBenchmark.sumRecords";
    static final String RECORDS = "ObjectBaselineBenchmark.primitiveRecords";
    /** Retired (records stay); still rendered from results files that carry it. */
    static final String SOA = "ObjectBaselineBenchmark.structureOfArrays";
    static final String CHAIN = "ObjectBaselineBenchmark.chainRecords";
    static final String OBJECTS = "ObjectBaselineBenchmark.objects";
    static final String PARSE = "ParseBenchmark.archParser";
    static final String CSV_FLOOR = "CsvReadBenchmark.readAll";
    static final String PIPELINE_CLASS = "FilterPipelineBenchmark";
    static final String STATS_FILTER = "StatsPipelineBenchmark.filter";
    static final String[] STATS_BODIES = {"StatsPipelineBenchmark.stats", "StatsPipelineBenchmark.pareto", "StatsPipelineBenchmark.top"};
    /** The statistics target: stats, --pareto and --top at most 20% slower than the filter they replace. */
    static final double STATS_BAR = 0.83;
    static final String PROCESS_FLOOR = "WholeProcess.csvParseOnly";
    static final String PROCESS_FILTER = "WholeProcess.filter";
    static final String PROCESS_SPARK = "WholeProcess.sparkLocal";
    static final String ALLOC = "gc.alloc.rate.norm";

    /** The scoring target: candidates/s of 20-layer chains on the machine's cores. */
    static final double SCORING_BAR = 5e6;
    /** The scaling target: speed-up of 2 threads over 1. */
    static final double SCALING_BAR = 1.7;
    /** The pipeline target: share of the CSV floor. */
    static final double PIPELINE_BAR = 0.60;

    private final ResultSet results;
    private final int cores;

    Headlines(ResultSet results, int cores) {
        this.results = results;
        this.cores = cores;
    }

    /** The headline lines, in report order. */
    List<String> lines() {
        List<String> h = new ArrayList<>();
        scoring(h);
        memoryTouch(h);
        scaling(h);
        layouts(h);
        blocks(h);
        parsing(h);
        csv(h);
        allocation(h);
        return h;
    }

    private void scoring(List<String> h) {
        for (int batch : results.intParams(SCORING, "batchSize")) {
            if (batch < 1000) {
                continue;       // batch 1 measures the per-call overhead of scoreAll, not scoring: see the table
            }
            for (String mode : new String[] {"serial", "parallel"}) {
                Score s = score(SCORING, Map.of("depth", "20", "batchSize", String.valueOf(batch), "mode", mode));
                if (s != null) {
                    h.add("Scoring 20-layer chains, " + (mode.equals("serial") ? "serial (one thread)" : "parallel (common pool, "
                            + cores + " cores)") + ", batch " + Formats.integer(batch) + ": " + Formats.compactWithError(s)
                            + " candidates/s.");
                }
            }
        }
    }

    /** Serial scoring as a share of one pass summing the same records (MemoryTouchBenchmark), 20 layers. */
    private void memoryTouch(List<String> h) {
        List<Integer> batches = results.intParams(TOUCH, "batchSize");
        if (batches.isEmpty()) {
            return;
        }
        int batch = batches.contains(1000) ? 1000 : batches.get(batches.size() - 1);
        Map<String, String> at = Map.of("depth", "20", "batchSize", String.valueOf(batch));
        Score touch = score(TOUCH, at);
        Score scored = score(SCORING, Map.of("depth", "20", "batchSize", String.valueOf(batch), "mode", "serial"));
        if (touch != null && scored != null) {
            h.add("Serial scoring of 20-layer chains (batch " + Formats.integer(batch) + ") runs at "
                    + Formats.percent(scored.value() / touch.value()) + " of the memory-touch limit (one pass summing the same"
                    + " records: " + Formats.compactWithError(touch) + " candidates/s, " + MarkdownReport.gigabytes(touch.value() * 20)
                    + " GB/s).");
        }
    }

    private void scaling(List<String> h) {
        List<Integer> threads = results.intParams(SCALING, "threads");
        if (threads.size() > 1) {
            int max = threads.get(threads.size() - 1);
            Score one = score(SCALING, Map.of("threads", "1"));
            Score n = score(SCALING, Map.of("threads", String.valueOf(max)));
            h.add("Thread scaling, 20-layer chains, one batch of 100,000 in a ForkJoinPool of " + max + " threads against 1: "
                    + Formats.ratio(n.value() / one.value()) + " (" + Formats.compactWithError(n) + " / "
                    + Formats.compactWithError(one) + " candidates/s).");
        }
    }

    private void layouts(List<String> h) {
        Score records = score(RECORDS, Map.of("depth", "20"));
        Score objects = score(OBJECTS, Map.of("depth", "20"));
        Score soa = score(SOA, Map.of("depth", "20"));
        Score chain = score(CHAIN, Map.of("depth", "20"));
        if (records != null && objects != null) {
            h.add("Engine vs object baseline, 20-layer chains, 1,000 candidates, serial: " + Formats.ratio(records.value() / objects.value())
                    + " (" + (soa == null || chain == null ? "" : "structure of arrays vs records, chain loop: "
                    + Formats.ratio(soa.value() / chain.value()) + "; ")
                    + (chain == null ? "" : "chain-only loop vs engine, same records: " + Formats.ratio(chain.value() / records.value()))
                    + ").");
        }
    }

    private void blocks(List<String> h) {
        Score serial = score(BLOCKS, Map.of("blocks", "20", "mode", "serial"));
        Score parallel = score(BLOCKS, Map.of("blocks", "20", "mode", "parallel"));
        if (serial != null) {
            h.add("Scoring 20-block MobileNet-style graphs (about 200 layers), batch 10,000: serial " + Formats.compactWithError(serial)
                    + " candidates/s" + (parallel == null ? "" : ", parallel (" + cores + " cores) "
                    + Formats.compactWithError(parallel) + " candidates/s") + ".");
        }
        Score builder = score(BUILDER, Map.of());
        h.add(builder == null
                ? "Building and scoring MobileNetV2-like candidates one at a time (BuilderLoopBenchmark): not in these results."
                : "Building and scoring MobileNetV2-like candidates one at a time, as a search loop does (CandidateBuilder, then"
                        + " engine.score into a reused Metrics; 17 blocks, about 150 layers; one thread): "
                        + Formats.compactWithError(builder) + " candidates/s.");
    }

    private void parsing(List<String> h) {
        results.find(PARSE, Map.of("depth", "20")).ifPresent(r -> h.add("Parsing 20-layer strings, 1,000 per call: "
                + Formats.compactWithError(r.primary()) + " candidates/s"
                + (r.secondary().containsKey("bytes") ? ", " + MarkdownReport.mb(r.secondary().get("bytes").value()) + " MB/s" : "") + "."));
    }

    private void csv(List<String> h) {
        Score floor = score(CSV_FLOOR, Map.of());
        if (floor != null) {
            h.add("CSV floor (Commons CSV reads 100,000 rows of 20-layer archs, touches each value): "
                    + Formats.compactWithError(floor) + " rows/s.");
        }
        for (BenchmarkResult p : pipelines()) {
            h.add("Filter pipeline " + p.method() + (p.paramsLabel().isEmpty() ? "" : " [" + p.paramsLabel() + "]")
                    + " (--max macs=300M, the floor's file): " + Formats.compactWithError(p.primary()) + " rows/s"
                    + (floor == null ? "" : " = " + Formats.percent(p.primary().value() / floor.value()) + " of the CSV floor") + ".");
        }
        Score statsBase = score(STATS_FILTER, Map.of());
        for (String body : STATS_BODIES) {
            Score v = score(body, Map.of());
            if (v != null && statsBase != null) {
                h.add(body.substring(body.indexOf('.') + 1) + " on the pipeline's file: " + Formats.compactWithError(v) + " rows/s = "
                        + Formats.ratio(v.value() / statsBase.value()) + " filter on the same rows (" + Formats.compactWithError(statsBase)
                        + ").");
            }
        }
        processes(h);
    }

    /** Whole processes on one 1,000,000-row file (benchmarks/process.sh): start-up included. */
    private void processes(List<String> h) {
        Score floor = score(PROCESS_FLOOR, Map.of());
        if (floor == null) {
            return;
        }
        StringBuilder sb = new StringBuilder("Whole process, 1,000,000 rows, a fresh JVM per run: Commons CSV parse-only "
                + Formats.compactWithError(floor) + " rows/s");
        for (BenchmarkResult f : results.of(PROCESS_FILTER)) {
            sb.append("; filter --threads ").append(f.param("threads")).append(' ').append(Formats.compactWithError(f.primary()))
                    .append(" = ").append(Formats.ratio(f.primary().value() / floor.value()));
        }
        h.add(sb + " of the floor.");
        Score two = score(PROCESS_FILTER, Map.of("threads", "2"));
        for (BenchmarkResult s : results.of(PROCESS_SPARK)) {
            if (two != null) {
                h.add("Spark job on " + s.param("master") + ", same file: " + Formats.compactWithError(s.primary()) + " rows/s = "
                        + Formats.ratio(s.primary().value() / two.value()) + " archmeter filter --threads 2.");
            }
        }
    }

    private void allocation(List<String> h) {
        double max = Double.NaN;
        int n = 0;
        for (BenchmarkResult r : results.of(SCORING)) {
            if ("serial".equals(r.param("mode")) && r.secondary().containsKey(ALLOC)) {
                double v = r.secondary().get(ALLOC).value();
                max = Double.isNaN(max) ? v : Math.max(max, v);
                n++;
            }
        }
        if (n > 0) {
            h.add("Scoring allocation, serial, -prof gc: at most " + Formats.number(max) + " B per candidate (the largest of the"
                    + " serial results, " + n + " depth and batch-size pairs; the loop allocates nothing, the residue is JMH's own).");
        }
    }

    /** The targets this run can judge, in report order. */
    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        List<Integer> batches = results.intParams(SCORING, "batchSize");
        if (!batches.isEmpty()) {
            int big = batches.get(batches.size() - 1);
            Score s = score(SCORING, Map.of("depth", "20", "batchSize", String.valueOf(big), "mode", "parallel"));
            if (s != null) {
                t.add(new Target("scoring 20-layer chains, parallel (common pool, " + cores + " cores), batch " + Formats.integer(big),
                        Formats.compact(s.value()) + " candidates/s", s.value(), SCORING_BAR, "≥ 5 M candidates/s on 2 cores", List.of(s)));
            }
        }
        Score one = score(SCALING, Map.of("threads", "1"));
        Score two = score(SCALING, Map.of("threads", "2"));
        if (one != null && two != null) {
            t.add(new Target("thread scaling, ForkJoinPool of 2 threads against 1, 20-layer chains", Formats.ratio(two.value() / one.value()),
                    two.value() / one.value(), SCALING_BAR, "≥ 1.7× on 2 threads", List.of(two, one)));
        }
        Score floor = score(CSV_FLOOR, Map.of());
        for (BenchmarkResult p : pipelines()) {
            if (floor != null) {
                // one reader: 60% of the single-thread floor; byte ranges on 2 threads or more: the floor itself
                boolean parallel = p.param("threads") != null && !p.param("threads").equals("1");
                double share = p.primary().value() / floor.value();
                t.add(new Target("filter pipeline " + p.method() + (p.paramsLabel().isEmpty() ? "" : " [" + p.paramsLabel() + "]")
                        + " / CSV floor", Formats.percent(share), share, parallel ? 1.0 : PIPELINE_BAR,
                        parallel ? "≥ 100% of the CSV floor on 2 cores" : "≥ 60% of the CSV floor", List.of(p.primary(), floor)));
            }
        }
        Score statsBase = score(STATS_FILTER, Map.of());
        for (String body : STATS_BODIES) {
            Score v = score(body, Map.of());
            if (v != null && statsBase != null) {
                double ratio = v.value() / statsBase.value();
                t.add(new Target(body.substring(body.indexOf('.') + 1) + " / filter on the same rows (StatsPipelineBenchmark)",
                        Formats.ratio(ratio), ratio, STATS_BAR, "≥ 0.83×: at most 20% slower", List.of(v, statsBase)));
            }
        }
        Score processFloor = score(PROCESS_FLOOR, Map.of());
        Score process = score(PROCESS_FILTER, Map.of("threads", "2"));
        if (processFloor != null && process != null) {
            double ratio = process.value() / processFloor.value();
            t.add(new Target("whole process, filter --threads 2 / Commons CSV parse-only, 1,000,000 rows", Formats.ratio(ratio), ratio, 1.0,
                    "≥ 1.0× with 2 threads on 2 cores", List.of(process, processFloor)));
        }
        return t;
    }

    List<BenchmarkResult> pipelines() {
        List<BenchmarkResult> list = new ArrayList<>();
        for (BenchmarkResult r : results.all()) {
            if (r.className().equals(PIPELINE_CLASS)) {
                list.add(r);
            }
        }
        return list;
    }

    private Score score(String shortName, Map<String, String> params) {
        return results.find(shortName, params).map(BenchmarkResult::primary).orElse(null);
    }
}
