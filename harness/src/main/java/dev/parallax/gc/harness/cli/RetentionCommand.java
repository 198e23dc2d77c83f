package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.plot.RetentionPlots;
import dev.parallax.gc.harness.report.Html;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.retention.RetentionExperiment;
import dev.parallax.gc.harness.retention.RetentionParams;
import dev.parallax.gc.harness.retention.RetentionReport;
import dev.parallax.gc.harness.retention.RootMode;
import dev.parallax.gc.harness.retention.WordClass;
import dev.parallax.gc.runtime.ConfigLoader;
import dev.parallax.gc.runtime.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parallax retention}: the false-retention experiment. Non-pointer words beside a live graph
 * on the stack; how much a conservative scan keeps alive and pins, per tag scheme, root decoding
 * and word class, against the precise run of the same workload and seed.
 */
@Command(name = "retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures false retention by conservative stack scanning.",
                "",
                "A long-lived tree and a churn of short-lived trees run beside stack slots holding raw non-pointer "
                        + "words (random, small integers, doubles, integers inside the heap's range). For each tag "
                        + "scheme, root decoding and word class it reports the objects and bytes kept alive only by "
                        + "those words, the objects pinned per GC and the pause difference, against the precise run.",
                "",
                "Exit code 0 when every run behaved as its roots predict (an UNSAFE row is a finding), 1 when a "
                        + "run failed where it should not have."})
public final class RetentionCommand implements Callable<Integer> {
    @Option(names = "--collector", paramLabel = "NAME", defaultValue = "mark-sweep",
            description = "Collector (default ${DEFAULT-VALUE}).")
    String collector;

    @Option(names = "--tags", paramLabel = "NAMES", split = ",",
            description = "Tag schemes, comma-separated (default: every one found).")
    List<String> tags;

    @Option(names = "--words", paramLabel = "CLASSES", split = ",",
            description = "Word classes, comma-separated: random, small-int, double, heap-aligned, heap-unaligned "
                    + "(default: all).")
    List<String> words;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "16m", description = "Heap size (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the stack words (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--long-lived-depth", paramLabel = "D", defaultValue = "15",
            description = "Depth of the long-lived tree (default ${DEFAULT-VALUE}).")
    int longLivedDepth;

    @Option(names = "--churn-depth", paramLabel = "D", defaultValue = "10",
            description = "Depth of each short-lived tree (default ${DEFAULT-VALUE}).")
    int churnDepth;

    @Option(names = "--churn-trees", paramLabel = "N", defaultValue = "1500",
            description = "Short-lived trees built (default ${DEFAULT-VALUE}).")
    int churnTrees;

    @Option(names = "--live-churn", paramLabel = "N", defaultValue = "8",
            description = "Latest short-lived trees kept reachable (default ${DEFAULT-VALUE}).")
    int liveChurn;

    @Option(names = "--noise-words", paramLabel = "N", defaultValue = "64",
            description = "Stack slots holding non-pointer words (default ${DEFAULT-VALUE}).")
    int noiseWords;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Runs per cell, each on a fresh runtime, pauses pooled (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--debug", description = "Verify the heap around every collection (slows every pause).")
    boolean debug;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "A strategy option, e.g. incremental.budget=4096; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

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
    public RetentionCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() throws IOException {
        RetentionParams params = params();
        List<String> schemes = tags != null ? tags : defaultFirst(StrategyCatalog.discover().names(Axis.TAGS));
        List<WordClass> classes = words != null ? wordClasses() : Arrays.asList(WordClass.values());
        for (String scheme : schemes) {
            for (RootMode mode : RootMode.values()) {
                StrategyOptions.requireKnownStrategies(config(scheme, mode)); // checked before anything runs
            }
        }
        Path plotDir = plot.prepare(spec.commandLine());
        Path reportDir = report.prepare(spec.commandLine());
        gcLog.prepare(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr());
        RetentionExperiment experiment = new RetentionExperiment(this::config, params, seed, runs,
                progress.asWriter());
        PrintWriter log = gcLog.open(out);
        experiment.observeRuntimes(runtime -> gcLog.attach(runtime, log));
        List<RetentionExperiment.Cell> cells = experiment.run(schemes, classes);
        progress.done();
        RetentionReport results = new RetentionReport(cells);
        GcConfig reference = config(schemes.getFirst(), RootMode.PRECISE);
        String legend = legend(params, reference);
        out.print(results.render());
        out.println(legend);
        out.flush();
        List<String> footer = List.of(plotLegend(params, reference), Machine.describe(commandLine));
        if (plotDir != null) {
            PlotOption.print(out, RetentionPlots.write(plotDir, cells, footer));
        }
        if (reportDir != null) {
            Html page = new Html("parallax-gc: false retention by conservative stack scanning").heading("Results")
                    .table(results.table());
            results.notes().forEach(page::preformatted);
            page.legend(legend).heading("Charts");
            for (Path chart : RetentionPlots.write(reportDir, cells, footer).written()) {
                page.image(chart, chart.getFileName().toString());
            }
            ReportOption.print(out, page.write(reportDir.resolve("retention-report.html")));
        }
        return results.anyFailed() ? ErrorReporter.FAILURE : 0;
    }

    /** The tag schemes found, the default one first. */
    private static List<String> defaultFirst(List<String> found) {
        List<String> ordered = new ArrayList<>(found);
        String first = GcConfig.defaults().tags();
        if (ordered.remove(first)) {
            ordered.addFirst(first);
        }
        return ordered;
    }

    private List<WordClass> wordClasses() {
        try {
            return words.stream().map(WordClass::named).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--words: " + e.getMessage(), e);
        }
    }

    private RetentionParams params() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not " + runs);
        }
        try {
            return new RetentionParams(longLivedDepth, churnDepth, churnTrees, liveChurn, noiseWords);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The runtime for one cell: the flags, with the cell's tags, roots and decoding. */
    private GcConfig config(String scheme, RootMode mode) {
        Map<String, String> settings = new LinkedHashMap<>(options);
        settings.putAll(mode.options());
        settings.put("collector", collector);
        settings.put("tags", scheme);
        settings.put("roots", mode.roots());
        settings.put("heap", heap);
        settings.put("debug", Boolean.toString(debug));
        return ConfigLoader.load((Path) null, settings);
    }

    /** The first line under the chart: the workload, shorter than the table's legend. */
    private String plotLegend(RetentionParams p, GcConfig config) {
        return String.format(Locale.ROOT, "Workload: collector %s, heap %s, seed %d, %d runs per cell; a long-lived "
                        + "tree of depth %d, %,d short-lived trees of depth %d (the latest %d kept reachable), %d stack "
                        + "slots of raw words rewritten before every short-lived tree.",
                config.collector(), TextTable.binarySize(config.heapBytes()), seed, runs, p.longLivedDepth(),
                p.churnTrees(), p.churnDepth(), p.liveChurn(), p.noiseWords());
    }

    private String legend(RetentionParams p, GcConfig config) {
        return String.format(Locale.ROOT, """
                Workload: collector %s, heap %s, seed %d, runs per cell %d (fresh runtimes, after a warm-up run)%s; \
                a long-lived tree of depth %d (%,d nodes of 48 bytes), \
                %,d short-lived trees of depth %d (%,d nodes each, built alternately top-down and bottom-up, the \
                latest %d kept reachable), and %d stack slots rewritten with raw words of the class (Mutator.setRaw) \
                before every short-lived tree; two full collections at the end.
                live objects: reachable per the final full collection. false objects / KiB: objects and bytes it \
                kept beyond the precise run of the same workload and seed (the reachable graph is the same, so \
                the difference is what the stack words alone kept alive); false %%: of the precise live objects. \
                pinned/GC: objects named by conservative stack words per collection (the real pointers in the \
                frames included), mean over the runs' collections; pinned %%: of the precise live objects. \
                GCs: collections per run. median pause: over the runs' collections; pause vs precise: minus the precise \
                run's (run-to-run noise on a busy machine is of the order of milliseconds); root scan: median time \
                of the MARK_ROOTS phase, where the stacks are scanned, and its difference: the scanning cost itself.
                conservative(tags) takes a word for a pointer only if the tag scheme says so; conservative(naive) \
                reads every word as a raw address, which under a scheme whose pointer words are not raw \
                addresses (high-bit) misses every real pointer on the stack: %s means the run's live-graph \
                check or the live-set comparison found reachable objects reclaimed (how, below the table).
                Published: Conservative Immix (Shahriyar, Blackburn and McKinley, OOPSLA 2014) found, for Java \
                benchmarks with ambiguous stacks and registers, < 0.01%% of objects falsely retained and 0.03%% pinned.
                %s""",
                config.collector(), TextTable.binarySize(config.heapBytes()), seed, runs, debug ? ", debug verification on" : "",
                p.longLivedDepth(), GcBenchParams.treeSize(p.longLivedDepth()), p.churnTrees(), p.churnDepth(),
                GcBenchParams.treeSize(p.churnDepth()), p.liveChurn(), p.noiseWords(), RetentionReport.UNSAFE,
                Machine.describe(commandLine));
    }
}
