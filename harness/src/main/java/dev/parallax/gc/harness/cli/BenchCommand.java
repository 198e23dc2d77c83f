package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.harness.bench.BenchRow;
import dev.parallax.gc.harness.bench.BenchRunner;
import dev.parallax.gc.harness.bench.HeapGcMeter;
import dev.parallax.gc.harness.bench.JvmGcMeter;
import dev.parallax.gc.harness.bench.ResultTable;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.gcbench.HeapGcBench;
import dev.parallax.gc.harness.gcbench.JavaGcBench;
import dev.parallax.gc.harness.plot.BenchPlots;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.runtime.GcRuntimes;
import dev.parallax.gc.runtime.StrategyCatalog;
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
import java.util.Arrays;
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
                "Each row runs warm-up bodies, then timed bodies, and reports the median body time and what",
                "the collector did. Rows: every collector found (or those named by --collector, a comma list,",
                "or the config file) times the root sets precise,globals and conservative,globals (or the one",
                "named by --roots or the config file); the other axes as configured."})
public final class BenchCommand implements Callable<Integer> {

    /** How big a GCBench body is. */
    public enum Size {
        /** Boehm's constants. */
        STANDARD(GcBenchParams.STANDARD),
        /** About 60 times less work, for a quick smoke run. */
        SMALL(GcBenchParams.SMALL);

        final GcBenchParams params;

        Size(GcBenchParams params) {
            this.params = params;
        }
    }

    /** The root sets compared when neither --roots nor the config file names one. */
    public static final List<String> DEFAULT_ROOT_SETS = List.of("precise,globals", "conservative,globals");

    /** The configurations to run; {@code explicit} when the user named both the collectors and the roots. */
    private record Selection(List<GcConfig> configs, boolean explicit) {
    }

    @Mixin
    StrategyOptions strategy;

    @Option(names = "--bodies", paramLabel = "N", defaultValue = "5",
            description = "Timed bodies (default ${DEFAULT-VALUE}); the median is reported.")
    int bodies;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Untimed warm-up bodies first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows to FILE as CSV.")
    Path csv;

    @Mixin
    PlotOption plot;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "standard",
            description = "standard (Boehm's depths 18/16, 500,000 doubles) or small (12/10, 20,000) for a smoke run.")
    Size size;

    @Spec
    CommandSpec spec;

    private final String commandLine;

    /** @param commandLine the command line as typed, for the legend */
    public BenchCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        if (bodies < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--bodies must be at least 1 and --warmup at least 0, not " + bodies + " and " + warmup);
        }
        BenchRunner runner = new BenchRunner(warmup, bodies, progress);
        Selection selection = select();
        Path plotDir = plot.prepare(spec.commandLine());
        List<BenchRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (GcConfig config : selection.configs()) {
            try {
                rows.add(runOnHeap(runner, config));
            } catch (GcConfigException e) {
                if (selection.explicit()) {
                    throw e;
                }
                notes.add("skipped " + config.strategies() + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw new GcConfigException("no strategy set could run with this configuration: " + String.join("; ", notes));
        }
        JvmGcMeter jvm = new JvmGcMeter();
        rows.addFirst(runBaseline(runner, jvm));
        ResultTable table = new ResultTable(rows);
        out.print(table.render());
        notes.forEach(note -> out.println("note: " + note));
        out.println(legend(jvm));
        if (csv != null) {
            Files.writeString(csv, table.csv());
        }
        if (plotDir != null) {
            PlotOption.print(out, BenchPlots.write(plotDir, rows, List.of(plotLegend(jvm), Machine.describe(commandLine))));
        }
        return 0;
    }

    /** Collectors (named, configured, else all found) times root sets (named, configured, else the defaults). */
    private Selection select() {
        List<String> listed = collectorFlag();
        GcConfig configured = configured(); // validates the file and flags before anything runs
        List<GcConfig> configs = new ArrayList<>();
        for (String collector : listed.isEmpty() ? collectors(configured) : listed) {
            for (String roots : rootSets(configured)) {
                configs.add(StrategyOptions.requireKnownStrategies(
                        strategy.loadWith(Map.of("collector", collector, "roots", roots))));
            }
        }
        return new Selection(configs, named("collector") && named("roots"));
    }

    /** The file and flags, with the first of --collector's list: the loader takes one name (the loop checks each). */
    private GcConfig configured() {
        List<String> listed = collectorFlag();
        return listed.isEmpty() ? strategy.load() : strategy.loadWith("collector", listed.getFirst());
    }

    /** --collector's comma list; empty without the flag. */
    private List<String> collectorFlag() {
        String flag = strategy.flags().get("collector");
        return flag == null ? List.of() : Arrays.stream(flag.split(",")).map(String::strip).toList();
    }

    /** The config file's collector, else every collector found. */
    private List<String> collectors(GcConfig configured) {
        return named("collector") ? List.of(configured.collector()) : StrategyCatalog.discover().names(Axis.COLLECTOR);
    }

    /** The one root set of --roots or the config file, else {@link #DEFAULT_ROOT_SETS}. */
    private List<String> rootSets(GcConfig configured) {
        return named("roots") ? List.of(String.join(",", configured.roots())) : DEFAULT_ROOT_SETS;
    }

    /** Whether the flags or the config file name {@code key}. */
    private boolean named(String key) {
        return strategy.flags().containsKey(key) || strategy.configFileSets(key);
    }

    private BenchRow runOnHeap(BenchRunner runner, GcConfig config) {
        try (GcRuntime runtime = GcRuntimes.create(config);
             HeapGcMeter meter = new HeapGcMeter(runtime);
             HeapGcBench bench = new HeapGcBench(runtime, size.params)) {
            return runner.run(config.strategies(), bench, meter);
        }
    }

    private BenchRow runBaseline(BenchRunner runner, JvmGcMeter meter) {
        try (JavaGcBench bench = new JavaGcBench(size.params)) {
            return runner.run("baseline: Java objects, JVM GC", bench, meter);
        }
    }

    private String legend(JvmGcMeter jvm) {
        GcBenchParams p = size.params;
        return String.format(Locale.ROOT, """
                GCBench: stretch depth %d, long-lived depth %d, %,d doubles, trees of depth %d..%d; \
                median of %d timed bodies after %d warm-up; heap %s.
                Per-body figures are means over the timed bodies; max/p50/p99 pause and max TTS (time to \
                safepoint, microseconds) are over all of them; an incremental collector's pauses are its \
                increments; heap after GC is measured with the long-lived data alive; frag %% is \
                1 - largest free block / free bytes right after the last GC; pinned/GC is the mean number of \
                objects conservative stack words pinned per pause; collector counters are the collector's own, \
                totals over the timed bodies (e.g. incremental stw-fallbacks: full collections forced because \
                allocation outran a cycle), except the *-last-gc ones, which describe the last collection.
                Our GCBench declares a function entry at every Populate/MakeTree call and a back-edge in every \
                loop, for the back-edge and function-entry safepoint policies.
                Baseline: the JVM's collectors (%s; %s); its pause figure is GC time totals as the \
                GarbageCollectorMXBeans report them, its heap is MemoryMXBean used heap after System.gc().
                %s""",
                p.stretchDepth(), p.longLivedDepth(), p.arraySize(), p.minDepth(), p.maxDepth(), bodies, warmup,
                heapSize(), jvm.collectorNames(), jvm.heapFlags(), Machine.describe(commandLine));
    }

    /** The first line under the charts: what ran, shorter than the tables' legend. */
    private String plotLegend(JvmGcMeter jvm) {
        GcBenchParams p = size.params;
        return String.format(Locale.ROOT, "GCBench (%s): stretch depth %d, long-lived depth %d, %,d doubles, trees "
                        + "of depth %d..%d; median of %d timed bodies after %d warm-up; heap %s. Baseline: %s (%s).",
                size.name().toLowerCase(Locale.ROOT), p.stretchDepth(), p.longLivedDepth(), p.arraySize(), p.minDepth(),
                p.maxDepth(), bodies, warmup, heapSize(), jvm.collectorNames(), jvm.heapFlags());
    }

    /** The heap of every row (only the collector and the roots differ between them). */
    private String heapSize() {
        return TextTable.binarySize(configured().heapBytes());
    }
}
