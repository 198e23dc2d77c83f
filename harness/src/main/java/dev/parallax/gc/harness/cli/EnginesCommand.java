package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.harness.bench.BenchRow;
import dev.parallax.gc.harness.bench.BenchRunner;
import dev.parallax.gc.harness.bench.HeapGcMeter;
import dev.parallax.gc.harness.bench.JvmGcMeter;
import dev.parallax.gc.harness.bench.Warmup;
import dev.parallax.gc.harness.engines.ScriptBench;
import dev.parallax.gc.harness.gcbench.GcBench;
import dev.parallax.gc.harness.gcbench.GcBenchParams;
import dev.parallax.gc.harness.gcbench.HeapGcBench;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.harness.report.TextTable;
import dev.parallax.gc.jit.Jit;
import dev.parallax.gc.lang.Scripts;
import dev.parallax.gc.lang.interp.Interpreter;
import dev.parallax.gc.lang.ir.CheckedScript;
import dev.parallax.gc.lang.run.Engine;
import dev.parallax.gc.lang.syntax.SourceFile;
import dev.parallax.gc.runtime.GcRuntimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code parallax engines}: the mutator code's speed, on one strategy set. GCBench hand-written in
 * Java on our heap against the same benchmark as a script, compiled (with the safepoint policy's
 * polls, and with polls at every loop back-edge and function entry); then the compiled script
 * against the interpreted one, on GCBench's small body and on the list and tree scripts.
 */
@Command(name = "engines", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the mutator engines: hand-written Java, compiled scripts, interpreted scripts.",
                "",
                "On the configured strategies (one set; a script's option lines are not applied), in this JVM, one "
                        + "row after the other, each on a fresh runtime: GCBench hand-written in Java on our heap, "
                        + "GCBench as a script compiled to JVM bytecode with the safepoint policy's polls, and "
                        + "compiled with a poll at every loop back-edge and function entry; then compiled against "
                        + "interpreted scripts (GCBench's small body, lists.script and trees.script). Each "
                        + "row warms up until its body times settle and reports the median of its timed bodies."})
public final class EnginesCommand implements Callable<Integer> {
    @Mixin
    StrategyOptions strategy;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "standard",
            description = "GCBench's size for the first table: standard or small (as bench's --size).")
    BenchCommand.Size size;

    @Mixin
    BodyOptions body;

    @Spec
    CommandSpec spec;

    private final String commandLine;

    /** @param commandLine the command line as typed, for the legend */
    public EnginesCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    /**
     * GCBench between small and standard (stretch 16, long-lived 14, 100,000 doubles, depths 4 to 14;
     * about 3.6 million nodes), for compiled against interpreted: long enough bodies for both.
     */
    static final GcBenchParams MEDIUM = new GcBenchParams(16, 14, 100_000, 4, 14);

    /** One row: a label and how to make its benchmark on a runtime. */
    private record Row(String label, Function<GcRuntime, GcBench> bench) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Warmup warmup = body.warmupRule(spec.commandLine());
        GcConfig config = StrategyOptions.requireKnownStrategies(strategy.load());
        CheckedScript gcbench = script("gcbench.script");
        CheckedScript lists = script("lists.script");
        CheckedScript trees = script("trees.script");
        Progress progress = Progress.to(spec.commandLine().getErr());
        GcBenchParams params = size.params;
        Jit polls = new Jit(Jit.Options.DEFAULT.withEverySitePolls(true));
        List<BenchRow> first = run(config, warmup, progress, List.of(
                new Row("Java, hand-written (HeapGcBench)", rt -> new HeapGcBench(rt, params)),
                new Row("script, compiled", rt -> gcBench(rt, gcbench, new Jit(), params)),
                new Row("script, compiled, a poll at every back-edge and entry", rt -> gcBench(rt, gcbench, polls,
                        params))));
        GcBenchParams medium = size == BenchCommand.Size.SMALL ? GcBenchParams.SMALL : MEDIUM;
        int calls = size == BenchCommand.Size.SMALL ? 1 : 20;
        List<BenchRow> second = run(config, warmup, progress, List.of(
                new Row("GCBench " + depths(medium) + ", compiled", rt -> gcBench(rt, gcbench, new Jit(), medium)),
                new Row("GCBench " + depths(medium) + ", interpreted", rt -> gcBench(rt, gcbench, new Interpreter(),
                        medium)),
                new Row("lists.script x" + calls + ", compiled", rt -> main(rt, lists, new Jit(), calls)),
                new Row("lists.script x" + calls + ", interpreted", rt -> main(rt, lists, new Interpreter(), calls)),
                new Row("trees.script x" + calls + ", compiled", rt -> main(rt, trees, new Jit(), calls)),
                new Row("trees.script x" + calls + ", interpreted", rt -> main(rt, trees, new Interpreter(), calls))));
        progress.done();
        out.printf("GCBench (%s body, %s nodes) on %s, heap %s, %s mode%n", size.name().toLowerCase(Locale.ROOT),
                TextTable.count(params.nodesPerBody()), config.strategies(), TextTable.binarySize(config.heapBytes()),
                config.debug() ? "debug" : "release");
        out.print(table(first, first.getFirst(), "vs Java", params.nodesPerBody()).render());
        out.println();
        out.println("Compiled against interpreted scripts, same strategies (lists and trees: " + calls
                + " runs of main() per body):");
        TextTable compare = new TextTable(List.of(TextTable.Column.text("script and engine"),
                TextTable.Column.number("median ms"), TextTable.Column.number("interpreted / compiled"),
                TextTable.Column.number("GC ms"), TextTable.Column.number("GCs/body")));
        for (int i = 0; i < second.size(); i++) {
            BenchRow row = second.get(i);
            BenchRow compiled = second.get(i - i % 2);
            compare.add(row.heap(), TextTable.fixed(row.medianMs(), 1),
                    i % 2 == 0 ? "" : TextTable.fixed(row.medianMs() / compiled.medianMs(), 1) + "x",
                    TextTable.fixed(row.medianGcMs(), 1), TextTable.fixed(row.gc().collectionsPerBody(), 1));
        }
        out.print(compare.render());
        out.println(String.format(Locale.ROOT, "Rows run in this JVM one after the other, each on a fresh runtime and "
                        + "with its own compiled classes; warm-up until two consecutive bodies were within %s%% (at "
                        + "least %d, at most %d bodies), then the median of %d timed bodies. %s",
                TextTable.fixed(warmup.tolerance() * 100, 0), warmup.minBodies(), warmup.maxBodies(), body.bodies,
                Machine.describe(commandLine)));
        return 0;
    }

    private List<BenchRow> run(GcConfig config, Warmup warmup, Progress progress, List<Row> rows) {
        List<BenchRow> out = new ArrayList<>();
        BenchRunner runner = new BenchRunner(warmup, body.bodies, progress::update);
        String jvm = new JvmGcMeter().describe();
        for (Row row : rows) {
            progress.update(row.label() + ": starting");
            try (GcRuntime runtime = GcRuntimes.create(config);
                 HeapGcMeter meter = new HeapGcMeter(runtime);
                 GcBench bench = row.bench().apply(runtime)) {
                out.add(runner.run(row.label(), bench, meter, config.heapBytes(), jvm));
            }
        }
        return out;
    }

    private static TextTable table(List<BenchRow> rows, BenchRow base, String ratio, long nodes) {
        TextTable t = new TextTable(List.of(TextTable.Column.text("mutator code"), TextTable.Column.number("median ms"),
                TextTable.Column.number(ratio), TextTable.Column.number("ns/node"), TextTable.Column.number("mutator ms"),
                TextTable.Column.number("GC ms"), TextTable.Column.number("GCs/body"),
                TextTable.Column.number("warm-up")));
        for (BenchRow row : rows) {
            t.add(row.heap(), TextTable.fixed(row.medianMs(), 1), TextTable.fixed(row.medianMs() / base.medianMs(), 2)
                            + "x", TextTable.fixed(row.nsPerNode(nodes), 1), TextTable.fixed(row.mutatorMs(), 1),
                    TextTable.fixed(row.medianGcMs(), 1), TextTable.fixed(row.gc().collectionsPerBody(), 1),
                    row.warmupBodies() + (row.settled() ? "" : "*"));
        }
        return t;
    }

    private GcBench gcBench(GcRuntime runtime, CheckedScript script, Engine engine, GcBenchParams params) {
        return ScriptBench.gcBench(runtime, script, engine, params, this::warn);
    }

    private GcBench main(GcRuntime runtime, CheckedScript script, Engine engine, int calls) {
        return new ScriptBench(runtime, script, engine, GcBenchParams.SMALL, "main", new Object[0], calls, null,
                this::warn);
    }

    /** "depths 16/14" for a GCBench size. */
    private static String depths(GcBenchParams p) {
        return "depths " + p.stretchDepth() + "/" + p.longLivedDepth();
    }

    private void warn(String line) {
        spec.commandLine().getErr().println("warning: " + line);
    }

    /** A script the harness carries (copied from the repository's scripts directory when it is built). */
    static CheckedScript script(String name) {
        try (InputStream in = ScriptBench.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path beside ScriptBench");
            }
            return Scripts.check(new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
