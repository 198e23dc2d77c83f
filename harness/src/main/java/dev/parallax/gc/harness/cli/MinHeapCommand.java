package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.harness.cli.BenchCommand.Size;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.minheap.HeapSearch;
import dev.parallax.gc.harness.minheap.MinHeap;
import dev.parallax.gc.harness.minheap.MinHeapKey;
import dev.parallax.gc.harness.minheap.MinHeapTable;
import dev.parallax.gc.harness.minheap.MinHeaps;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.runtime.GcRuntimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parallax minheap}: the smallest heap in which GCBench runs, per collector and root set, by
 * a binary search over fixed heap sizes, each trial on a fresh runtime.
 */
@Command(name = "minheap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures each collector's minimum heap for GCBench: a binary search over fixed heap sizes, "
                + "each trial a fresh runtime, until GCBench runs; prints a table.",
                "",
                "Rows: every collector found (or those named by --collector, a comma list, or the config file) times "
                        + "the root sets precise,globals and conservative,globals (or the one named by --roots or the "
                        + "config file); the other axes as configured. A trial fails when the heap is exhausted; any "
                        + "other failure is an error, reported under the table (exit code 1). The search sets the "
                        + "heap: a config file's heap is not used."})
public final class MinHeapCommand implements Callable<Integer> {
    /** GCBench bodies per trial unless --bodies says otherwise. */
    static final int DEFAULT_BODIES = 1;
    /** The largest heap tried unless --max-heap says otherwise. */
    static final String DEFAULT_MAX_HEAP = "1g";

    @Mixin
    StrategyOptions strategy;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "standard",
            description = "standard (Boehm's depths 18/16, 500,000 doubles; the search starts at 64 MiB) or small "
                    + "(12/10, 20,000; starts at 4 MiB).")
    Size size;

    @Option(names = "--granularity", paramLabel = "SIZE",
            description = "The search's step: every heap tried is a multiple of it, and the minimum is exact to "
                    + "within it; a multiple of 4k (default 256k at standard size, 16k at small).")
    String granularity;

    @Option(names = "--max-heap", paramLabel = "SIZE", defaultValue = DEFAULT_MAX_HEAP,
            description = "The largest heap tried (default ${DEFAULT-VALUE}); a collector that needs more is "
                    + "reported as '> SIZE'.")
    String maxHeap;

    @Option(names = "--bodies", paramLabel = "N", defaultValue = "" + DEFAULT_BODIES,
            description = "GCBench bodies each trial must run (default ${DEFAULT-VALUE}).")
    int bodies;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the minimum heaps to FILE as CSV (bytes), which bench --min-heap reads.")
    Path csv;

    @Spec
    CommandSpec spec;

    private final String commandLine;

    /** @param commandLine the command line as typed, for the legend */
    public MinHeapCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    /** The search sets the heap, so --heap is not offered (the mixin has it for every other command). */
    public static void removeIgnoredOptions(CommandSpec spec) {
        spec.remove(spec.findOption("--heap"));
    }

    @Override
    public Integer call() throws IOException {
        if (bodies < 1) {
            throw new ParameterException(spec.commandLine(), "--bodies must be at least 1, not " + bodies);
        }
        HeapSearch search = search(spec, size, granularity, maxHeap);
        StrategySelection selection = StrategySelection.of(strategy, Map.of());
        if (csv != null) {
            OutputPaths.writableFile(spec.commandLine(), "--csv", csv);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.to(err);
        MinHeaps.Result result = MinHeaps.measure(selection.configs(), selection.explicit(), search, size.params,
                bodies, progress::update);
        progress.done();
        if (result.rows().isEmpty()) {
            throw new GcConfigException("no strategy set could run with this configuration: "
                    + String.join("; ", result.skipped()));
        }
        MinHeapTable table = new MinHeapTable(size.workload(), result.rows());
        out.print(table.table().render());
        result.skipped().forEach(note -> out.println("note: " + note));
        for (MinHeapTable.Row row : table.errors()) {
            out.println("error: " + row.config().strategies() + ": " + row.result().error().describe());
            err.println("error in " + row.config().strategies() + ", " + row.result().error().describe() + ":");
            row.result().error().cause().printStackTrace(err);
        }
        out.println(legend(search, result.rows().getFirst().config()));
        out.flush();
        if (csv != null) {
            Files.writeString(csv, table.csv());
        }
        return table.errors().isEmpty() ? 0 : ErrorReporter.FAILURE;
    }

    /**
     * The search of {@code minheap}, and of {@code bench --heap-multiple} when it measures the minima
     * itself: from the size's heap up to {@code maxHeap}, in steps of {@code granularity} (null: the size's).
     *
     * @throws ParameterException naming the option whose value is bad
     */
    static HeapSearch search(CommandSpec spec, Size size, String granularity, String maxHeap) {
        long step = granularity == null ? size.minHeapGranularity
                : ByteSize.parse(spec.commandLine(), "--granularity", granularity);
        if (step <= 0 || step % HeapSearch.PAGE_BYTES != 0) {
            throw new ParameterException(spec.commandLine(), "--granularity: " + granularity + " is not a positive "
                    + "multiple of 4k (every heap tried is whole 4 KiB pages)");
        }
        long max = ByteSize.parse(spec.commandLine(), "--max-heap", maxHeap);
        if (!HeapSearch.fits(step, max)) {
            throw new ParameterException(spec.commandLine(), "--max-heap: " + maxHeap + " holds no heap the search "
                    + "would try: the smallest is " + MinHeap.size(HeapSearch.floor(step)) + " and every one a multiple "
                    + "of " + MinHeap.size(step));
        }
        try {
            GcRuntimes.requireHeapFits(max);
        } catch (GcConfigException e) {
            throw new ParameterException(spec.commandLine(), "--max-heap: " + e.getMessage()
                    .replaceFirst("^heap: ", "").replace("--heap", "--max-heap"));
        }
        return new HeapSearch(step, size.heapBytes(), max);
    }

    private String legend(HeapSearch search, GcConfig first) {
        GcBenchParams p = size.params;
        MinHeapKey key = MinHeapKey.of(size.workload(), first);
        return String.format(Locale.ROOT, """
                GCBench (%s): stretch depth %d, long-lived depth %d, %,d doubles, trees of depth %d..%d; %d %s per \
                trial, each checked for its survivors; %s / %s, %s.
                Each trial runs on a fresh runtime (a new heap and collector, in this JVM) with a fixed heap; it fails \
                when the heap is exhausted (HeapExhaustedException); any other failure is an error. The search tries \
                %s, doubles the heap until GCBench runs (at most %s), then halves the interval between the largest \
                heap that failed and the smallest that ran down to the granularity, %s.
                minimum heap: the smallest heap in which GCBench ran; largest failed: the largest heap in which it ran \
                out of memory (-: none; the minimum is then the smallest heap tried); GCs at minimum: the collections \
                of the trial at the minimum.
                %s""",
                size.name().toLowerCase(Locale.ROOT), p.stretchDepth(), p.longLivedDepth(), p.arraySize(),
                p.minDepth(), p.maxDepth(), bodies, bodies == 1 ? "body" : "bodies", key.tags(), key.safepoints(),
                key.settings().replace(" ", ", ").replaceFirst("^(release|debug)", "$1 mode"),
                MinHeap.size(search.start()), MinHeap.size(search.max()), MinHeap.size(search.granularity()),
                Machine.describe(commandLine));
    }
}
