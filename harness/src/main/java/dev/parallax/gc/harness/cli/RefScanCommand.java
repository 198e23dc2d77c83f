package dev.parallax.gc.harness.cli;

import dev.parallax.gc.harness.refscan.RefScanExperiment;
import dev.parallax.gc.harness.report.Machine;
import dev.parallax.gc.harness.report.Progress;
import dev.parallax.gc.harness.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code parallax refscan}: the Ref-cell scan experiment (naive, indexed and parallel root strategies). */
@Command(name = "refscan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures how long each Ref-cell root strategy of parallax-net takes to find every Ref cell.",
                "",
                "For each node count and Ref density, a net's slabs are filled with nodes (Refs spread at random) and "
                        + "each strategy reports every Ref cell to a visitor that reads it: net-naive (walk every "
                        + "slot), net-indexed with the bitmap and with the remembered list, net-parallel (the walk "
                        + "split over GC threads). Beside them: the time to read the slab memory once, sequentially, "
                        + "and the read bandwidth that gives, measured in the same run."})
public final class RefScanCommand implements Callable<Integer> {
    @Option(names = "--nodes", paramLabel = "COUNTS", split = ",", defaultValue = "1000000,10000000",
            description = "Node counts, comma-separated (default ${DEFAULT-VALUE}).")
    List<Long> nodes;

    @Option(names = "--density", paramLabel = "PERCENTS", split = ",", defaultValue = "0.1,1,10,100",
            description = "Ref densities in percent of the nodes (default ${DEFAULT-VALUE}).")
    List<Double> densities;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Slabs the nodes are spread over, one per net worker (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "GC threads of the parallel walk (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "7",
            description = "Timed repetitions per figure, after a warm-up; the median is shown (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "500",
            description = "Untimed scans before each figure: at least 10 and for at least this long (default ${DEFAULT-VALUE}).")
    long warmupMs;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "12",
            description = "Where the Refs go (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private final String commandLine;

    public RefScanCommand(String commandLine) {
        this.commandLine = commandLine;
    }

    @Override
    public Integer call() {
        for (long n : nodes) {
            if (n < 1 || n > 1L << 31) {
                throw new ParameterException(spec.commandLine(), "--nodes: " + n + " is not in [1, 2^31]");
            }
        }
        for (double d : densities) {
            if (!(d > 0 && d <= 100)) {
                throw new ParameterException(spec.commandLine(), "--density: " + d + " is not a percentage in (0, 100]");
            }
        }
        if (partitions < 1 || partitions > 64 || threads < 1 || threads > 64 || repeats < 1 || warmupMs < 0) {
            throw new ParameterException(spec.commandLine(), "--partitions and --threads must be in [1, 64], --repeats at "
                    + "least 1, --warmup-ms at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr());
        RefScanExperiment experiment = new RefScanExperiment(partitions, threads, repeats, warmupMs, progress::update);
        List<RefScanExperiment.Row> rows = new ArrayList<>();
        for (long n : nodes) {
            for (double d : densities) {
                rows.add(experiment.run(n, d, seed));
            }
        }
        progress.done();
        TextTable table = new TextTable(List.of(
                TextTable.Column.number("nodes"), TextTable.Column.number("Refs %"), TextTable.Column.number("Refs"),
                TextTable.Column.number("slab MiB"), TextTable.Column.number("naive ms"),
                TextTable.Column.number("bitmap ms"), TextTable.Column.number("list ms"),
                TextTable.Column.number("parallel ms"), TextTable.Column.number("read ms"),
                TextTable.Column.number("GB/s"), TextTable.Column.number("naive/read"),
                TextTable.Column.number("naive/bitmap"), TextTable.Column.number("naive/list"),
                TextTable.Column.number("naive/parallel")));
        for (RefScanExperiment.Row r : rows) {
            table.add(String.format(Locale.ROOT, "%,d", r.nodes()), TextTable.fixed(r.densityPercent(), 1),
                    String.format(Locale.ROOT, "%,d", r.refs()), TextTable.fixed(r.slabBytes() / 1048576.0, 1),
                    ms(r.naiveMs()), ms(r.bitmapMs()), ms(r.listMs()), ms(r.parallelMs()), ms(r.readMs()),
                    TextTable.fixed(r.bandwidthGBps(), 2), TextTable.fixed(r.naiveMs() / r.readMs(), 2) + "x",
                    TextTable.fixed(r.naiveMs() / r.bitmapMs(), 1) + "x", TextTable.fixed(r.naiveMs() / r.listMs(), 1) + "x",
                    TextTable.fixed(r.naiveMs() / r.parallelMs(), 2) + "x");
        }
        out.print(table.render());
        out.printf(Locale.ROOT, """
                Each strategy reports every Ref cell once to a visitor that reads the cell; times are medians of %d \
                scans after a warm-up (at least 10 scans and %d ms). Slabs: %d partitions of 32-byte node slots, Refs spread at random \
                (seed %d); the net keeps both indexes. naive: every slot's header read; bitmap: one bit per slot; \
                list: a remembered list per allocating thread (here one: the builder); parallel: the naive walk \
                over %d GC threads in chunks of 65,536 slots, cells then reported by one thread. read ms: every word \
                of the used slab memory read once, sequentially; GB/s: the read bandwidth that gives (this run, \
                this machine).
                %s%n""", repeats, warmupMs, partitions, seed, threads, Machine.describe(commandLine));
        if (experiment.sink() == 42) {
            out.println();
        }
        return 0;
    }

    private static String ms(double v) {
        return TextTable.fixed(v, v < 1 ? 3 : 1);
    }
}
