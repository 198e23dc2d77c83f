package dev.parallax.gc.harness.cli;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.harness.bench.ResultTable;
import dev.parallax.gc.harness.cli.BenchCommand.Size;
import dev.parallax.gc.harness.minheap.HeapSearch;
import dev.parallax.gc.harness.minheap.MinHeap;
import dev.parallax.gc.harness.minheap.MinHeapFile;
import dev.parallax.gc.harness.minheap.MinHeapKey;
import dev.parallax.gc.harness.minheap.MinHeapTable;
import dev.parallax.gc.harness.minheap.MinHeaps;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * bench's {@code --heap-multiple} and {@code --min-heap}: each collector runs at multiples of its own
 * minimum heap for the workload (the Whiffle/MMTk methodology), the minima read from a CSV that
 * {@code minheap --csv} wrote or measured first, in this JVM, as {@code minheap} measures them.
 */
public final class HeapMultipleOption {
    @Option(names = "--heap-multiple", paramLabel = "LIST",
            description = "Run each strategy set at these multiples (a comma list, each at least 1, e.g. 1.5,2,3,5) of "
                    + "its own minimum heap for the workload, measured first as minheap measures it, or read from "
                    + "--min-heap; rounded up to the search's granularity. Excludes --heap.")
    String multiples;

    @Option(names = "--min-heap", paramLabel = "FILE",
            description = "With --heap-multiple: read the minimum heaps from FILE, a CSV written by minheap --csv, "
                    + "instead of measuring them.")
    Path file;

    /**
     * One row to run: a configuration sized to a multiple of its minimum heap.
     *
     * @param label  its name in the table: the strategies, the multiple and the heap
     * @param config the configuration with that heap
     */
    record SizedRow(String label, GcConfig config) {
    }

    /**
     * The minimum heaps found for the rows: where they came from, and each.
     *
     * @param source   how they were found, for the legend
     * @param minimums one per configuration, in order
     * @param skipped  configurations that could not be assembled (when measured)
     */
    record Minimums(String source, List<Found> minimums, List<String> skipped) {
    }

    /** A configuration's minimum heap and the granularity it is exact to. */
    record Found(GcConfig config, long minBytes, long granularity) {
    }

    private List<Double> parsed;

    /** Whether --heap-multiple was given. */
    boolean active() {
        return multiples != null;
    }

    /**
     * Checks the options against each other and the strategy flags, before anything runs.
     *
     * @throws ParameterException naming the bad value or the clash
     */
    void check(CommandSpec spec, StrategyOptions strategy) {
        if (file != null && multiples == null) {
            throw new ParameterException(spec.commandLine(), "--min-heap is read only with --heap-multiple");
        }
        if (multiples == null) {
            return;
        }
        if (strategy.flags().containsKey("heap")) {
            throw new ParameterException(spec.commandLine(), "--heap and --heap-multiple exclude each other: "
                    + "--heap-multiple sizes each row's heap from its minimum heap");
        }
        List<Double> values = new ArrayList<>();
        for (String text : multiples.split(",", -1)) {
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!Double.isFinite(value)) {
                throw new ParameterException(spec.commandLine(), "--heap-multiple: '" + text.strip() + "' is not a "
                        + "number; give a comma list of multiples like 1.5,2,3,5");
            }
            if (value < 1) {
                throw new ParameterException(spec.commandLine(), "--heap-multiple: " + text.strip() + " is below 1: "
                        + "a heap smaller than the minimum cannot run the workload");
            }
            if (values.contains(value)) {
                throw new ParameterException(spec.commandLine(), "--heap-multiple: " + text.strip()
                        + " is listed twice");
            }
            values.add(value);
        }
        parsed = List.copyOf(values);
    }

    /**
     * The minimum heap of every configuration: looked up in --min-heap's file (every one is looked up
     * now, before anything runs), else measured with {@code minheap}'s default search.
     *
     * @throws dev.parallax.gc.api.GcConfigException for a bad or incomplete file
     * @throws IllegalStateException when a search fails otherwise than by running out of memory, or
     *                               finds no minimum up to its largest heap
     */
    Minimums minimums(CommandSpec spec, StrategySelection selection, Size size, Consumer<String> progress) {
        if (file != null) {
            MinHeapFile read = MinHeapFile.read("--min-heap", file);
            List<Found> found = selection.configs().stream().map(config -> {
                MinHeapFile.Entry entry = read.require(MinHeapKey.of(size.workload(), config));
                return new Found(config, entry.minBytes(), entry.granularity());
            }).toList();
            return new Minimums("read from " + file, found, List.of());
        }
        HeapSearch search = MinHeapCommand.search(spec, size, null, MinHeapCommand.DEFAULT_MAX_HEAP);
        MinHeaps.Result result = MinHeaps.measure(selection.configs(), selection.explicit(), search, size.params,
                MinHeapCommand.DEFAULT_BODIES, progress);
        List<Found> found = result.rows().stream().map(HeapMultipleOption::found).toList();
        return new Minimums("measured first in this JVM as minheap measures them (a fresh runtime per trial, "
                + MinHeapCommand.DEFAULT_BODIES + " body per trial, to within " + MinHeap.size(search.granularity())
                + ")", found, result.skipped());
    }

    /**
     * The minimum a search found.
     *
     * @throws IllegalStateException when the search failed otherwise than by running out of memory, or
     *                               found no heap in which the workload ran
     */
    static Found found(MinHeapTable.Row row) {
        MinHeap r = row.result();
        String what = "cannot size the rows of " + row.config().strategies() + ": its minimum-heap search ";
        if (r.error() != null) {
            throw new IllegalStateException(what + "failed, " + r.error().describe(), r.error().cause());
        }
        if (!r.found()) {
            throw new IllegalStateException(what + "found none up to " + MinHeap.size(r.largestFailedBytes()));
        }
        return new Found(row.config(), r.minBytes(), r.granularity());
    }

    /** Every configuration at every multiple of its minimum, in that order. */
    List<SizedRow> rows(Minimums minimums) {
        List<SizedRow> rows = new ArrayList<>();
        for (Found found : minimums.minimums()) {
            for (double multiple : parsed) {
                long heap = (long) Math.ceil(found.minBytes() * multiple / found.granularity()) * found.granularity();
                rows.add(new SizedRow(found.config().strategies() + " / " + ResultTable.plain(multiple) + "x min ("
                        + MinHeap.size(heap) + ")", found.config().withHeapBytes(heap)));
            }
        }
        return rows;
    }

    /** "1.5, 2, 3 and 5 times each row's minimum heap", for the legends. */
    String describe() {
        List<String> each = parsed.stream().map(ResultTable::plain).toList();
        String list = each.size() == 1 ? each.getFirst()
                : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.getLast();
        return list + " times each strategy set's minimum heap";
    }

    /**
     * "Minimum heaps, measured ...: mark-sweep / precise+globals / low-bit / allocation 20.25 MiB; ... Each
     * row's heap is its multiple of its minimum, rounded up to a multiple of the search's granularity."
     */
    static String legend(Minimums minimums) {
        return "Minimum heaps, " + minimums.source() + ": "
                + minimums.minimums().stream().map(f -> f.config().strategies() + " " + MinHeap.size(f.minBytes()))
                .collect(Collectors.joining("; "))
                + ". Each row's heap is its multiple of its minimum, rounded up to a multiple of the search's "
                + "granularity.";
    }
}
