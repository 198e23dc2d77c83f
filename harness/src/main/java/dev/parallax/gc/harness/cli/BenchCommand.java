package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.harness.bench.BenchRow;
import dev.parallax.gc.harness.bench.ResultTable;
import dev.parallax.gc.harness.bench.RowProcess;
import dev.parallax.gc.harness.bench.RowRun;
import dev.parallax.gc.harness.bench.RowSpec;
import dev.parallax.gc.harness.bench.Warmup;
import dev.parallax.gc.harness.cli.HeapMultipleOption.SizedRow;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.netbench.NetBench;
import dev.parallax.gc.harness.netbench.NetBenchParams;
import dev.parallax.gc.harness.plot.BenchPlots;
import dev.parallax.gc.harness.plot.PlotFiles;
import dev.parallax.gc.harness.report.Html;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.harness.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parallax bench}: GCBench on the parallax heap, once per strategy set, and on plain Java
 * objects as the baseline; prints the comparison table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs GCBench on the parallax heap and on plain Java objects; prints a comparison table.",
                "",
                "Rows: every collector found (or those named by --collector, a comma list, or the config file) "
                        + "times the root sets precise,globals and conservative,globals (or the one named by --roots "
                        + "or the config file); the other axes as configured. Each row runs in a fresh JVM with the "
                        + "same flags (the baseline's included; --same-jvm runs them all in this one), warms up "
                        + "until two consecutive bodies are within --settle percent, then runs the timed bodies and "
                        + "reports the median body, its split into mutator and GC time, the cost per node and "
                        + "what the collector did."})
public final class BenchCommand implements Callable<Integer> {

    /**
     * How big a GCBench body is, the heap it runs on unless one is named, and the step of a search
     * for its minimum heap (a 256th of that heap).
     */
    public enum Size {
        /** Boehm's constants, on the configured heap (64 MiB by default). */
        STANDARD(GcBenchParams.STANDARD, -1, 256 << 10),
        /** About 60 times less work, for a quick smoke run, on a heap small enough that every collector collects. */
        SMALL(GcBenchParams.SMALL, 4 << 20, 16 << 10);

        final GcBenchParams params;
        /** The heap when neither a flag nor the config file names one; -1: the config's default. */
        private final long heap;
        /** The default granularity of a minimum-heap search. */
        final long minHeapGranularity;

        Size(GcBenchParams params, long heap, long minHeapGranularity) {
            this.params = params;
            this.heap = heap;
            this.minHeapGranularity = minHeapGranularity;
        }

        /** The heap when none is named, in bytes: also where a minimum-heap search starts. */
        long heapBytes() {
            return heap < 0 ? GcConfig.defaults().heapBytes() : heap;
        }

        /** "GCBench standard", the workload a minimum heap is measured for. */
        String workload() {
            return "GCBench " + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The label of the baseline row. */
    static final String BASELINE = "baseline: Java objects, JVM GC";
    /** The label of the net workload's baseline row. */
    static final String NET_BASELINE = "baseline: numbers in the net, no heap values";
    /** The net workload's root set when neither --roots nor the config file names one. */
    static final String NET_ROOTS = "precise,globals,net-indexed";

    /** What a body runs. */
    public enum Workload {
        /** Boehm and Ellis's GCBench. */
        GCBENCH,
        /** An interaction net whose Ref nodes hold boxes and tuples on the heap, reduced by net workers. */
        NET
    }

    @Option(names = "--workload", paramLabel = "WORKLOAD", defaultValue = "gcbench",
            description = "gcbench (the default) or net: a tree of operators over boxes and tuples as a parallax-net "
                    + "interaction net, reduced by --net-workers workers that are mutators of the row's runtime; "
                    + "rows add a Ref-cell root source (default roots " + NET_ROOTS + ").")
    String workload;

    @Option(names = "--net-workers", paramLabel = "N", defaultValue = "2",
            description = "Net workers reducing the net workload (default ${DEFAULT-VALUE}).")
    int netWorkers;

    @Mixin
    StrategyOptions strategy;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "standard",
            description = "standard (Boehm's depths 18/16, 500,000 doubles) or small (12/10, 20,000, on a 4 MiB heap "
                    + "unless --heap says otherwise) for a smoke run.")
    Size size;

    @Mixin
    BodyOptions body;

    @Option(names = "--same-jvm",
            description = "Run every row in this JVM, one after the other, instead of each in a fresh one.")
    boolean sameJvm;

    @Option(names = "--jvm-heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "The Java heap of every row's fresh JVM, fixed and pre-touched (-Xms -Xmx "
                    + "-XX:+AlwaysPreTouch; default ${DEFAULT-VALUE}); PARALLAX_JAVA_OPTS, passed on after it, wins.")
    String jvmHeap;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write every figure to FILE as CSV (one column each, units in the header).")
    Path csv;

    @Mixin
    HeapMultipleOption heapMultiple;

    @Mixin
    GcLogOption gcLog;

    @Mixin
    PlotOption plot;

    @Mixin
    ReportOption report;

    @Spec
    CommandSpec spec;

    private final String commandLine;

    /** @param commandLine the command line as typed, for the legend */
    public BenchCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Warmup settle = body.warmupRule(spec.commandLine());
        int bodies = body.bodies;
        if (!jvmHeap.matches("\\d+[kKmMgG]?")) {
            throw new ParameterException(spec.commandLine(), "--jvm-heap: '" + jvmHeap + "' is not a size like 1g or 512m");
        }
        // everything the user named is checked before the first body runs
        heapMultiple.check(spec, strategy);
        Workload kind = workload();
        NetBenchParams net = null;
        if (kind == Workload.NET) {
            if (heapMultiple.active()) {
                throw new ParameterException(spec.commandLine(), "--heap-multiple measures GCBench's minimum heaps; "
                        + "it does not apply to --workload net");
            }
            if (netWorkers < 1 || netWorkers > 64) {
                throw new ParameterException(spec.commandLine(), "--net-workers: " + netWorkers + " is not in [1, 64]");
            }
            net = new NetBenchParams(size == Size.SMALL ? NetBenchParams.SMALL_DEPTH : NetBenchParams.STANDARD_DEPTH,
                    netWorkers, 1000);
        }
        StrategySelection selection = kind == Workload.NET
                ? StrategySelection.of(strategy, sized(Map.of()), List.of(NET_ROOTS))
                : StrategySelection.of(strategy, sized(Map.of()));
        if (kind == Workload.NET) {
            for (GcConfig c : selection.configs()) {
                if (c.roots().stream().noneMatch(r -> r.startsWith("net-"))) {
                    throw new ParameterException(spec.commandLine(), "--workload net needs a Ref-cell root source "
                            + "among the roots (net-naive, net-indexed or net-parallel), e.g. --roots " + NET_ROOTS
                            + "; got " + String.join(",", c.roots()));
                }
            }
        }
        if (csv != null) {
            OutputPaths.writableFile(spec.commandLine(), "--csv", csv);
        }
        Path plotDir = plot.prepare(spec.commandLine());
        Path reportDir = report.prepare(spec.commandLine());
        gcLog.prepare(spec.commandLine());
        Progress progress = Progress.to(spec.commandLine().getErr());
        List<String> notes = new ArrayList<>();
        HeapMultipleOption.Minimums minimums = null;
        List<SizedRow> planned = selection.configs().stream().map(c -> new SizedRow(c.strategies(), c)).toList();
        if (heapMultiple.active()) {
            minimums = heapMultiple.minimums(spec, selection, size, progress::update);
            notes.addAll(minimums.skipped());
            planned = heapMultiple.rows(minimums);
        }
        List<String> flags = sameJvm ? List.of() : RowProcess.jvmFlags(jvmHeap);
        List<BenchRow> rows = new ArrayList<>();
        rows.add(runRow(new RowSpec(net == null ? BASELINE : NET_BASELINE, null, size.params, settle, bodies, null,
                gcLog.level(), net), flags, out, progress));
        for (SizedRow row : planned) {
            try {
                rows.add(runRow(new RowSpec(row.label(), RowSpec.keys(row.config()), size.params, settle, bodies,
                        gcLog.target(), gcLog.level(), net), flags, out, progress));
            } catch (GcConfigException e) {
                if (selection.explicit()) {
                    throw e;
                }
                notes.add("skipped " + row.label() + ": " + e.getMessage());
            }
        }
        progress.done();
        if (rows.size() == 1) {
            throw new GcConfigException("no strategy set could run with this configuration: " + String.join("; ", notes));
        }
        notes.addAll(warnings(rows));
        ResultTable table = new ResultTable(rows, net == null ? size.params.nodesPerBody() : NetBench.nodes(net));
        String legend = net != null ? netLegend(net)
                : legend(rows.getFirst(), minimums == null ? "" : HeapMultipleOption.legend(minimums) + "\n");
        out.print(table.render());
        notes.forEach(note -> out.println("note: " + note));
        out.println(legend);
        if (csv != null) {
            Files.writeString(csv, table.csv());
        }
        List<String> footer = List.of(net == null ? plotLegend(rows.getFirst()) : netPlotLegend(net),
                Machine.describe(commandLine));
        String workloadName = net == null ? "GCBench" : "Net workload";
        if (plotDir != null) {
            PlotOption.print(out, BenchPlots.write(plotDir, rows, footer, workloadName));
        }
        if (reportDir != null) {
            PlotFiles charts = BenchPlots.write(reportDir, rows, footer, workloadName);
            Html page = new Html("parallax-gc: " + workloadName).heading("Results").table(table.main()).table(table.detail());
            notes.forEach(note -> page.legend("note: " + note));
            page.legend(legend).heading("Charts");
            for (Path chart : charts.written()) {
                page.image(chart, chart.getFileName().toString());
            }
            ReportOption.print(out, page.write(reportDir.resolve("bench-report.html")));
        }
        return 0;
    }

    private BenchRow runRow(RowSpec row, List<String> flags, PrintWriter out, Progress progress)
            throws IOException, InterruptedException {
        progress.update(row.label() + ": starting" + (sameJvm ? "" : " a fresh JVM"));
        return sameJvm ? RowRun.run(row, out, progress::update) : RowProcess.run(row, flags, out, progress::update);
    }

    /** Rows whose warm-up did not settle, and heap rows that never collected (their figures say nothing about GC). */
    private List<String> warnings(List<BenchRow> rows) {
        List<String> notes = new ArrayList<>();
        for (BenchRow row : rows) {
            if (!row.settled() && row.warmupBodies() > 0) {
                notes.add(row.heap() + ": body times did not settle within " + row.warmupBodies()
                        + " warm-up bodies (marked *); its figures are less steady");
            }
        }
        for (BenchRow row : rows.subList(1, rows.size())) {
            if (row.gc().collectionsPerBody() == 0) {
                notes.add(row.heap() + ": never collected during the timed bodies; the heap ("
                        + TextTable.binarySize(row.heapBytes()) + ") is larger than a body needs, so this row "
                        + "measures no collector");
            }
        }
        return notes;
    }

    private Workload workload() {
        return switch (workload.toLowerCase(Locale.ROOT)) {
            case "gcbench" -> Workload.GCBENCH;
            case "net" -> Workload.NET;
            default -> throw new ParameterException(spec.commandLine(), "--workload: '" + workload
                    + "' is not a workload; use gcbench or net");
        };
    }

    private String netLegend(NetBenchParams net) {
        return String.format(Locale.ROOT, """
                Net workload (%s): a tree of operators over 2^%d leaves (boxes and tuples allocated on the heap by the \
                mutator side; every fourth level also duplicated, a duplicator copying the Ref's cell), %,d \
                expression nodes per body, built by one mutator, reduced by %d net workers (each a mutator of the \
                row's runtime), then erased; every operator above a heap value allocates a box, garbage once \
                consumed; %,d long-lived tuples held by Refs are checked after every body, with the normal form \
                against an evaluator. Warm-up until two consecutive bodies were within %s%% (at least %d, at most \
                %d bodies), then the median of %d timed bodies; %s; parallax heap %s.
                ns/node: the median body divided by the expression nodes; GC ms, pauses and TTS as for GCBench. \
                Baseline: the same net with numbers held in the net instead of heap values, on the defaults with \
                net-indexed roots (it allocates nothing on the heap, so its time is the reducer's alone).
                %s""",
                size.name().toLowerCase(Locale.ROOT), net.depth(), NetBench.nodes(net), net.workers(), net.longLived(),
                ResultTable.plain(body.settlePercent), body.warmup, body.maxWarmup, body.bodies, jvms(), heapSize(),
                Machine.describe(commandLine));
    }

    /** The file and flags as every row shares them (the first collector of --collector's list). */
    private GcConfig configured() {
        List<String> listed = StrategySelection.collectorFlag(strategy);
        return strategy.loadWith(sized(listed.isEmpty() ? Map.of() : Map.of("collector", listed.getFirst())));
    }

    /** {@code settings} plus the size's heap when neither a flag nor the config file names a heap. */
    private Map<String, String> sized(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        if ("net".equalsIgnoreCase(workload) && !strategy.sets("heap")) {
            // the net workload's bodies allocate about 1/8 of GCBench's: a heap that makes every collector collect
            all.put("heap", Long.toString(size == Size.SMALL ? 1L << 20 : 16L << 20));
        } else if (size.heap > 0 && !strategy.sets("heap")) {
            all.put("heap", Long.toString(size.heap));
        }
        return all;
    }

    /** @param minimums the line naming the minimum heaps the rows are multiples of (ending in a newline), or "" */
    private String legend(BenchRow baseline, String minimums) {
        GcBenchParams p = size.params;
        return String.format(Locale.ROOT, """
                GCBench (%s): stretch depth %d, long-lived depth %d, %,d doubles, trees of depth %d..%d, %,d nodes \
                per body; %s; warm-up until two consecutive bodies were within %s%% (at least %d, at most %d \
                bodies), then the median of %d timed bodies; parallax heap %s.
                median ms: the median body; ns/node: that divided by the nodes a body allocates; GC ms: the \
                collector's pause time during the median body (for the baseline the GC time the JVM's MXBeans \
                report, part of it concurrent); mutator ms: the median body minus its GC time. GCs/body is a mean \
                over the timed bodies; max/p50/p99 pause and max TTS (time to safepoint, microseconds) are over \
                all of them; an incremental collector's pauses are its increments. heap MiB: the heap the row ran \
                on (the baseline: the JVM's maximum heap); heap after GC is measured with the long-lived data \
                alive; frag %% is 1 - largest free block / free bytes right after the last GC; pinned/GC: objects \
                conservative stack words pinned per pause; warm-up: the bodies run before timing (* did not \
                settle); collector counters are the collector's own, totals over the timed bodies (e.g. \
                incremental stw-fallbacks: full collections forced because allocation outran a cycle), except \
                the *-last-gc ones, which describe the last collection (their totals stand beside them without \
                the suffix).
                Our GCBench declares a function entry at every Populate/MakeTree call and a back-edge in every \
                loop, for the back-edge and function-entry safepoint policies.
                Baseline: the same code on Java objects, collected by the JVM (%s).
                %s%s""",
                size.name().toLowerCase(Locale.ROOT), p.stretchDepth(), p.longLivedDepth(), p.arraySize(),
                p.minDepth(), p.maxDepth(), p.nodesPerBody(), jvms(), ResultTable.plain(body.settlePercent), body.warmup,
                body.maxWarmup, body.bodies, heapSize(), baseline.jvm(), minimums, Machine.describe(commandLine));
    }

    /** How the rows' JVMs were started. */
    private String jvms() {
        return sameJvm ? "every row in this one JVM, one after the other"
                : "every row in a fresh JVM with the same flags (" + String.join(" ", RowProcess.jvmFlags(jvmHeap)
                .stream().filter(f -> f.startsWith("-X")).toList()) + ")";
    }

    /** The first line under the net workload's charts. */
    private String netPlotLegend(NetBenchParams net) {
        return String.format(Locale.ROOT, "Net workload (%s): operators over 2^%d leaves (boxes and tuples on the heap), "
                        + "%d net workers; median of %d timed bodies after warm-up; parallax heap %s; %s. Baseline: the "
                        + "same net with numbers held in the net.", size.name().toLowerCase(Locale.ROOT), net.depth(),
                net.workers(), body.bodies, heapSize(), sameJvm ? "one JVM" : "a fresh JVM per row");
    }

    /** The first line under the charts: what ran, shorter than the tables' legend. */
    private String plotLegend(BenchRow baseline) {
        GcBenchParams p = size.params;
        return String.format(Locale.ROOT, "GCBench (%s): stretch depth %d, long-lived depth %d, %,d doubles, trees "
                        + "of depth %d..%d; median of %d timed bodies after warm-up; parallax heap %s; %s. "
                        + "Baseline: %s.",
                size.name().toLowerCase(Locale.ROOT), p.stretchDepth(), p.longLivedDepth(), p.arraySize(), p.minDepth(),
                p.maxDepth(), body.bodies, heapSize(), sameJvm ? "one JVM" : "a fresh JVM per row", baseline.jvm());
    }

    /** The heap of every row (only the collector and the roots differ between them), or their multiples. */
    private String heapSize() {
        return heapMultiple.active() ? heapMultiple.describe() : TextTable.binarySize(configured().heapBytes());
    }
}
