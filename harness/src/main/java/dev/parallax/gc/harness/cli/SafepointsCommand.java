package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.harness.plot.SafepointPlots;
import dev.parallax.gc.harness.report.Html;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.harness.safepoints.LoopParams;
import dev.parallax.gc.harness.safepoints.SafepointExperiment;
import dev.parallax.gc.harness.safepoints.SafepointReport;
import dev.parallax.gc.harness.safepoints.SafepointRun;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code parallax safepoints}: the safepoint-policy experiment. Two mutator threads: a worker running
 * a loop-heavy body and a requester asking for collections; per policy, the worker's throughput and
 * the requests' time-to-safepoint.
 */
@Command(name = "safepoints", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares safepoint policies: throughput and time-to-safepoint.",
                "",
                "A worker thread runs rounds of three phases (build a tree: allocations and function entries; sum "
                        + "an array: back-edges only; walk a tree: function entries only) while a second mutator "
                        + "thread asks for a collection step every few milliseconds. Per policy: the worker's median "
                        + "body time and how long the requests waited for it to reach a poll."})
public final class SafepointsCommand implements Callable<Integer> {
    @Mixin
    StrategyOptions strategy;

    @Option(names = "--policies", paramLabel = "NAMES",
            description = "Safepoint policies, comma-separated (default: every one found).")
    String policies;

    @Option(names = "--bodies", paramLabel = "N", defaultValue = "10",
            description = "Timed bodies per policy (default ${DEFAULT-VALUE}); the median is reported.")
    int bodies;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
            description = "Untimed warm-up bodies first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--request-interval", paramLabel = "MS", defaultValue = "5",
            description = "Milliseconds the requester sleeps between requests (default ${DEFAULT-VALUE}).")
    double requestIntervalMs;

    @Option(names = "--tree-depth", paramLabel = "D", defaultValue = "14",
            description = "Depth of the walked tree (default ${DEFAULT-VALUE}).")
    int treeDepth;

    @Option(names = "--array", paramLabel = "N", defaultValue = "200000",
            description = "Length of the summed array (default ${DEFAULT-VALUE}).")
    int arrayLength;

    @Option(names = "--churn-depth", paramLabel = "D", defaultValue = "12",
            description = "Depth of the tree built each round (default ${DEFAULT-VALUE}).")
    int churnDepth;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20",
            description = "Rounds per body (default ${DEFAULT-VALUE}).")
    int rounds;

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
    public SafepointsCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    /**
     * Removes the shared strategy flag this command would ignore ({@code --safepoints}: it compares
     * the policies of {@code --policies}), so that it is neither offered in help nor accepted.
     */
    public static void removeIgnoredOptions(CommandSpec spec) {
        spec.remove(spec.findOption("--safepoints"));
    }

    @Override
    public Integer call() throws IOException {
        LoopParams params = params();
        List<GcConfig> configs = new ArrayList<>();
        for (String policy : policyNames()) {
            // every name is checked before anything runs
            configs.add(StrategyOptions.requireKnownStrategies(strategy.loadWith("safepoints", policy)));
        }
        Path plotDir = plot.prepare(spec.commandLine());
        Path reportDir = report.prepare(spec.commandLine());
        gcLog.prepare(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr());
        SafepointExperiment experiment = new SafepointExperiment(params, warmup, bodies,
                (long) (requestIntervalMs * TimeUnit.MILLISECONDS.toNanos(1)), progress.asWriter());
        PrintWriter log = gcLog.open(out);
        experiment.observeRuntimes(runtime -> gcLog.attach(runtime, log));
        List<SafepointRun> runs = new ArrayList<>();
        for (GcConfig config : configs) {
            runs.add(experiment.run(config));
        }
        progress.done();
        SafepointReport results = new SafepointReport(runs);
        String legend = legend(params, configs.getFirst());
        out.print(results.render());
        out.println(legend);
        out.flush();
        List<String> footer = List.of(plotLegend(params, configs.getFirst()), Machine.describe(commandLine));
        if (plotDir != null) {
            PlotOption.print(out, SafepointPlots.write(plotDir, runs, footer));
        }
        if (reportDir != null) {
            Html page = new Html("parallax-gc: safepoint policies").heading("Results").table(results.table())
                    .legend(legend).heading("Charts");
            for (Path chart : SafepointPlots.write(reportDir, runs, footer).written()) {
                page.image(chart, chart.getFileName().toString());
            }
            ReportOption.print(out, page.write(reportDir.resolve("safepoints-report.html")));
        }
        return 0;
    }

    private LoopParams params() {
        if (bodies < 1 || warmup < 0 || !(requestIntervalMs > 0)) {
            throw new ParameterException(spec.commandLine(), "--bodies must be at least 1, --warmup at least 0 and "
                    + "--request-interval positive, not " + bodies + ", " + warmup + " and " + requestIntervalMs);
        }
        try {
            return new LoopParams(treeDepth, arrayLength, churnDepth, rounds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The named policies, else every one found with allocation (the default) first. */
    private List<String> policyNames() {
        if (policies != null) {
            return Arrays.stream(policies.split(",")).map(String::strip).toList();
        }
        List<String> found = new ArrayList<>(StrategyCatalog.discover().names(Axis.SAFEPOINTS));
        String first = GcConfig.defaults().safepoints();
        if (found.remove(first)) {
            found.addFirst(first);
        }
        return found;
    }

    /** The first line under the charts: the workload, shorter than the table's legend. */
    private String plotLegend(LoopParams p, GcConfig config) {
        return String.format(Locale.ROOT, "Workload: %s, heap %s; a worker runs %d timed bodies (after %d warm-up) of "
                        + "%d rounds: build a tree of depth %d, sum %,d doubles, walk a tree of depth %d; a second "
                        + "mutator asks for a collection step every %.1f ms.",
                config.collector() + " / " + String.join("+", config.roots()) + " / " + config.tags(),
                TextTable.binarySize(config.heapBytes()), bodies, warmup, p.rounds(), p.churnDepth(), p.arrayLength(),
                p.treeDepth(), requestIntervalMs);
    }

    private String legend(LoopParams p, GcConfig config) {
        return String.format(Locale.ROOT, """
                Workload: %s, heap %s; two mutator threads. The worker runs %d warm-up and %d timed bodies of \
                %d rounds: build and drop a tree of depth %d bottom-up (allocations, a function entry per \
                MakeTree call), sum %,d doubles (a back-edge per iteration, no allocation), walk a tree of \
                depth %d recursively (a function entry per call, no allocation). The requester sleeps %.1f ms \
                (blocked), then asks for a collection step (Mutator.collectStep), and so on.
                median body ms: the worker's, pauses included; vs first: ratio to the first row. requests: \
                requested collections during the timed bodies; TTS: their time-to-safepoint (stop request until \
                every mutator parked), i.e. how long the worker ran before it reached a poll.
                polls/body: declared sites at which the policy polls (the allocation slow path, which always \
                polls, about once per %s allocation buffer, is not counted); the last three columns: the \
                sites the body declares, by kind.
                %s""",
                config.collector() + " / " + String.join("+", config.roots()) + " / " + config.tags(), TextTable.binarySize(config.heapBytes()),
                warmup, bodies, p.rounds(), p.churnDepth(), p.arrayLength(), p.treeDepth(), requestIntervalMs,
                TextTable.binarySize(config.tlabBytes()), Machine.describe(commandLine));
    }
}
