package io.archmeter.bench.report;

import io.archmeter.bench.parse.TokenStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders {@code REPORT.md}: the machine, the headline figures and ratios, a table per benchmark
 * family, and every result with its error. Every ratio is between two results of the same run
 * (the machine is noisy; ratios travel better than absolute numbers). A section whose benchmarks
 * are missing from the results is left out, so a partial run still renders.
 */
public final class MarkdownReport {
    static final String SCORING = Headlines.SCORING;
    static final String BLOCKS = Headlines.BLOCKS;
    static final String BUILDER = Headlines.BUILDER;
    static final String SCALING = Headlines.SCALING;
    static final String RECORDS = Headlines.RECORDS;
    static final String SOA = Headlines.SOA;
    static final String CHAIN = Headlines.CHAIN;
    static final String OBJECTS = Headlines.OBJECTS;
    static final String PARSE = Headlines.PARSE;
    static final String TOUCH = Headlines.TOUCH;
    static final String TOKEN_CACHE = "ParseBenchmark.tokenCache";
    static final String CSV_FLOOR = Headlines.CSV_FLOOR;
    static final String PIPELINE_CLASS = Headlines.PIPELINE_CLASS;
    static final String STATS_FILTER = Headlines.STATS_FILTER;
    static final String[] STATS_BODIES = Headlines.STATS_BODIES;
    static final String PROCESS_FLOOR = Headlines.PROCESS_FLOOR;
    static final String PROCESS_FILTER = Headlines.PROCESS_FILTER;
    static final String PROCESS_SPARK = Headlines.PROCESS_SPARK;
    static final String ALLOC = Headlines.ALLOC;

    private final ResultSet results;
    private final MachineInfo machine;
    private final String source;
    private final List<TokenStatistics> tokens;
    private final String chart;
    private final StringBuilder md = new StringBuilder();

    /**
     * @param source the results file name, shown in the report
     * @param tokens token statistics of the generated data, or an empty list
     */
    public MarkdownReport(ResultSet results, MachineInfo machine, String source, List<TokenStatistics> tokens) {
        this(results, machine, source, tokens, "report.svg");
    }

    /** @param chart the file name of the chart the report shows */
    public MarkdownReport(ResultSet results, MachineInfo machine, String source, List<TokenStatistics> tokens, String chart) {
        this.results = results;
        this.machine = machine;
        this.source = source;
        this.tokens = tokens;
        this.chart = chart;
    }

    public String render() {
        md.setLength(0);
        line("# archmeter benchmark report");
        line("");
        line("Results `" + source + "`, measured " + machine.date() + ". Throughput is per second; "
                + "± is JMH's 99.9% confidence half-interval as a share of the score. A result whose ± exceeds "
                + Math.round(100 * Noise.NOISY_SHARE) + "% of its score, or that has none (a single iteration), is marked"
                + " noisy and is not compared with a target.");
        line("");
        machine();
        Headlines headlines = new Headlines(results, machine.cores());
        headlines(headlines.lines());
        targets(headlines.targets());
        scoring();
        memoryTouch();
        scaling();
        layouts();
        parsing();
        csv();
        statsAndSelection();
        wholeProcess();
        allResults();
        tokenCache();
        line("![throughput per benchmark](" + chart + ")");
        return md.toString();
    }

    private void machine() {
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        line("| CPU | " + machine.cpuModel() + " |");
        line("| cores | " + machine.cores() + " |");
        line("| JDK | " + machine.jdk() + " |");
        line("| OS | " + machine.os() + " |");
        line("| date | " + machine.date() + " |");
        line("");
    }

    private void headlines(List<String> h) {
        if (h.isEmpty()) {
            return;
        }
        line("## Headlines");
        line("");
        h.forEach(x -> line("- " + x));
        line("");
    }

    private void targets(List<Target> targets) {
        if (targets.isEmpty()) {
            return;
        }
        line("## Targets");
        line("");
        line("| figure | measured | ± | target | verdict |");
        line("|---|---:|---|---|---|");
        for (Target t : targets) {
            line("| " + t.figure() + " | " + t.measured() + " | " + t.errors() + " | " + t.barText() + " | " + t.verdict() + " |");
        }
        line("");
    }

    private void scoring() {
        List<BenchmarkResult> rs = results.of(SCORING);
        if (rs.isEmpty()) {
            return;
        }
        line("## Scoring (ScoringBenchmark): candidates/s by depth and batch size");
        line("");
        line("The same 100,000 candidates per invocation, cut into batches of `batchSize`: flat rows mean the cost is"
                + " linear in the number of candidates. Layers/s = candidates/s × depth.");
        line("");
        line("| depth | batch | serial | parallel | parallel/serial | serial layers/s |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (int depth : results.intParams(SCORING, "depth")) {
            for (int batch : results.intParams(SCORING, "batchSize")) {
                Map<String, String> p = Map.of("depth", String.valueOf(depth), "batchSize", String.valueOf(batch));
                Score s = score(SCORING, with(p, "mode", "serial"));
                Score q = score(SCORING, with(p, "mode", "parallel"));
                if (s == null && q == null) {
                    continue;
                }
                double sv = s == null ? Double.NaN : s.value();
                double qv = q == null ? Double.NaN : q.value();
                line("| " + depth + " | " + Formats.integer(batch) + " | " + (s == null ? "" : Formats.withError(s)) + " | "
                        + (q == null ? "" : Formats.withError(q)) + " | " + Formats.ratio(qv / sv) + " | "
                        + Formats.compact(sv * depth) + " |");
            }
        }
        line("");
    }

    /** Scoring as a share of the memory-touch limit: one pass summing the same records, same depth and batch size. */
    private void memoryTouch() {
        List<BenchmarkResult> rs = results.of(TOUCH);
        if (rs.isEmpty()) {
            return;
        }
        line("## The memory-touch limit (MemoryTouchBenchmark): scoring as a share of reading its input once");
        line("");
        line("One serial pass summing every int of the layer records ScoringBenchmark scores (the same candidates and"
                + " batches): no scorer reads its input faster. The share is serial scoring ÷ that pass, at the same depth and"
                + " batch size; what is left is the arithmetic and control flow of scoring.");
        line("");
        line("| depth | batch | touch candidates/s | touch GB/s | serial scoring candidates/s | scoring / limit |");
        line("|---:|---:|---:|---:|---:|---:|");
        for (int depth : results.intParams(TOUCH, "depth")) {
            for (int batch : results.intParams(TOUCH, "batchSize")) {
                Map<String, String> p = Map.of("depth", String.valueOf(depth), "batchSize", String.valueOf(batch));
                Score t = score(TOUCH, p);
                if (t == null) {
                    continue;
                }
                Score s = score(SCORING, with(p, "mode", "serial"));
                line("| " + depth + " | " + Formats.integer(batch) + " | " + Formats.withError(t) + " | "
                        + gigabytes(t.value() * depth) + " | " + cell(s) + " | "
                        + (s == null ? "" : Formats.percent(s.value() / t.value())) + " |");
            }
        }
        line("");
    }

    /** GB/s of layer records for {@code layersPerSecond} (15 ints of 4 bytes each). */
    static String gigabytes(double layersPerSecond) {
        return String.format(Locale.ROOT, "%.2f", layersPerSecond * RECORD_BYTES / 1e9);
    }

    /** Bytes of one layer record: {@code LayerRecord.LENGTH} ints. */
    private static final int RECORD_BYTES = io.archmeter.encoding.LayerRecord.LENGTH * Integer.BYTES;

    private void scaling() {
        List<Integer> threads = results.intParams(SCALING, "threads");
        if (threads.isEmpty()) {
            return;
        }
        line("## Thread scaling (ScalingBenchmark): one batch in a ForkJoinPool of N threads");
        line("");
        line("| threads | candidates/s | speedup over 1 thread | efficiency |");
        line("|---:|---:|---:|---:|");
        double one = results.score(SCALING, Map.of("threads", "1"));
        for (int t : threads) {
            Score s = score(SCALING, Map.of("threads", String.valueOf(t)));
            double speedup = s.value() / one;
            line("| " + t + " | " + Formats.withError(s) + " | " + Formats.ratio(speedup) + " | "
                    + Formats.percent(speedup / t) + " |");
        }
        line("");
    }

    private void layouts() {
        TreeSet<Integer> depths = new TreeSet<>(results.intParams(RECORDS, "depth"));
        depths.addAll(results.intParams(OBJECTS, "depth"));
        if (depths.isEmpty()) {
            return;
        }
        line("## Engine vs baselines (ObjectBaselineBenchmark): the same 1,000 candidates, serial, candidates/s");
        line("");
        // the SoA columns only for results files from before it was retired
        final boolean soa = !results.intParams(SOA, "depth").isEmpty();
        line("records = the engine; chain records = the engine's chain path without its graph code, same records;"
                + (soa ? " SoA = that chain loop over one array per field;" : "") + " objects = baseline (a).");
        line("");
        line("| depth | records (engine) | chain records |" + (soa ? " SoA |" : "") + " objects | engine/objects |"
                + (soa ? " SoA/chain records |" : "") + " chain records/engine |");
        line("|---:|---:|---:|---:|---:|---:|" + (soa ? "---:|---:|" : ""));
        for (int d : depths) {
            Map<String, String> p = Map.of("depth", String.valueOf(d));
            Score r = score(RECORDS, p);
            Score c = score(CHAIN, p);
            Score s = score(SOA, p);
            Score o = score(OBJECTS, p);
            line("| " + d + " | " + cell(r) + " | " + cell(c) + " | " + (soa ? cell(s) + " | " : "") + cell(o) + " | "
                    + Formats.ratio(value(r) / value(o)) + " | " + (soa ? Formats.ratio(value(s) / value(c)) + " | " : "")
                    + Formats.ratio(value(c) / value(r)) + " |");
        }
        line("");
    }

    private void parsing() {
        TreeSet<Integer> depths = new TreeSet<>(results.intParams(PARSE, "depth"));
        depths.addAll(results.intParams(TOKEN_CACHE, "depth"));
        if (depths.isEmpty()) {
            return;
        }
        line("## Parsing (ParseBenchmark): strings into the primitive encoding");
        line("");
        line("| depth | ArchParser candidates/s | ArchParser MB/s | token cache candidates/s | token cache/ArchParser |");
        line("|---:|---:|---:|---:|---:|");
        for (int d : depths) {
            Map<String, String> p = Map.of("depth", String.valueOf(d));
            BenchmarkResult a = results.find(PARSE, p).orElse(null);
            Score c = score(TOKEN_CACHE, p);
            Score as = a == null ? null : a.primary();
            String mbs = a != null && a.secondary().containsKey("bytes") ? mb(a.secondary().get("bytes").value()) : "";
            line("| " + d + " | " + cell(as) + " | " + mbs + " | " + cell(c) + " | " + Formats.ratio(value(c) / value(as)) + " |");
        }
        line("");
    }

    private void csv() {
        double floor = results.score(CSV_FLOOR, Map.of());
        List<BenchmarkResult> pipes = pipelines();
        if (Double.isNaN(floor) && pipes.isEmpty()) {
            return;
        }
        line("## CSV: the floor (CsvReadBenchmark) and the filter pipeline, rows/s");
        line("");
        line("| benchmark | rows/s | share of the floor |");
        line("|---|---:|---:|");
        results.find(CSV_FLOOR, Map.of()).ifPresent(r -> line("| " + CSV_FLOOR + " (floor) | " + Formats.withError(r.primary()) + " | 100% |"));
        for (BenchmarkResult p : pipes) {
            line("| " + p.key() + " | " + Formats.withError(p.primary()) + " | " + Formats.percent(p.primary().value() / floor) + " |");
        }
        if (pipes.isEmpty()) {
            line("");
            line("No FilterPipelineBenchmark in these results.");
        }
        line("");
    }

    /** StatsPipelineBenchmark: stats, --pareto and --top against the filter they replace, same run, same file. */
    private void statsAndSelection() {
        double base = results.score(STATS_FILTER, Map.of());
        if (Double.isNaN(base)) {
            return;
        }
        line("## Statistics and selection (StatsPipelineBenchmark), rows/s");
        line("");
        line("Same file as the pipeline above; ratio to `filter --max macs=300M` of the same run (target ≥ 0.83×). The 100,000-row");
        line("file makes the per-file finish (sorting the sketches, ranking the 20,000-row sample: about 20 ms) count for");
        line("about 0.2 µs a row; `benchmarks/stats-10m.sh` times the commands on 10 M rows in -Xmx256m.");
        line("");
        line("| benchmark | rows/s | / filter | alloc B/row |");
        line("|---|---:|---:|---:|");
        for (String name : new String[] {STATS_FILTER, STATS_BODIES[0], STATS_BODIES[1], STATS_BODIES[2]}) {
            results.find(name, Map.of()).ifPresent(r -> line("| " + name + " | " + Formats.withError(r.primary()) + " | "
                    + Formats.ratio(r.primary().value() / base) + " | "
                    + (r.secondary().containsKey(ALLOC) ? Formats.number(r.secondary().get(ALLOC).value()) : "") + " |"));
        }
        line("");
    }

    private void wholeProcess() {
        Score floor = score(PROCESS_FLOOR, Map.of());
        if (floor == null) {
            return;
        }
        line("## Whole process: one 1,000,000-row file, a fresh JVM per run, rows/s");
        line("");
        line("Wall time of each command, start-up included, median of interleaved runs (± half the spread). The floor only parses "
                + "the CSV with Commons CSV on one thread; the filter also parses and scores every architecture and writes the kept "
                + "rows (`--max macs=300M`) to a file.");
        line("");
        line("| command | rows/s | vs parse-only |");
        line("|---|---:|---:|");
        for (BenchmarkResult r : results.all()) {
            if (r.className().equals("WholeProcess")) {
                line("| " + r.key() + " | " + Formats.withError(r.primary()) + " | " + Formats.ratio(r.primary().value() / floor.value())
                        + " |");
            }
        }
        line("");
    }

    private void allResults() {
        boolean alloc = results.all().stream().anyMatch(r -> r.secondary().containsKey(ALLOC));
        line("## All results");
        line("");
        line("| benchmark | params | score | ± | unit" + (alloc ? " | alloc B/op" : "") + " |");
        line("|---|---|---:|---:|---|" + (alloc ? "---:|" : ""));
        for (BenchmarkResult r : results.all()) {
            Score s = r.primary();
            String err = Formats.error(s).replace("± ", "");
            String a = alloc ? " | " + (r.secondary().containsKey(ALLOC) ? Formats.number(r.secondary().get(ALLOC).value()) : "") : "";
            line("| " + r.shortName() + " | " + r.paramsLabel() + " | " + Formats.number(s.value()) + " | " + err + " | "
                    + r.operationUnit() + a + " |");
        }
        line("");
    }

    private void tokenCache() {
        if (tokens.isEmpty()) {
            return;
        }
        line("## Would a per-token cache pay? Distinct tokens in generated data");
        line("");
        line("| depth | candidates | tokens | distinct | hit rate of an unbounded cache |");
        line("|---:|---:|---:|---:|---:|");
        for (TokenStatistics t : tokens) {
            line("| " + t.depth() + " | " + Formats.integer(t.candidates()) + " | " + Formats.integer(t.tokens()) + " | "
                    + Formats.integer(t.distinct()) + " | " + String.format(Locale.ROOT, "%.3f%%", 100 * t.hitRate()) + " |");
        }
        line("");
        line("The measured answer is the token cache/ArchParser column of the parsing table.");
        line("");
    }

    private List<BenchmarkResult> pipelines() {
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

    private static Map<String, String> with(Map<String, String> p, String k, String v) {
        Map<String, String> m = new java.util.HashMap<>(p);
        m.put(k, v);
        return m;
    }

    private static String cell(Score s) {
        return s == null ? "" : Formats.withError(s);
    }

    private static double value(Score s) {
        return s == null ? Double.NaN : s.value();
    }

    static String mb(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f", bytesPerSecond / 1e6);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
