package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.harness.gcbench.GcBenchParams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures the minimum heap of GCBench for each of a list of configurations, one {@link HeapSearch}
 * each, every trial a fresh runtime in this JVM. A configuration whose runtime cannot be assembled
 * at all (its first trial is refused: an impossible pairing, say) is skipped with a note, unless the
 * user named it, when the refusal is thrown as it is.
 */
public final class MinHeaps {
    /**
     * @param rows    one per configuration measured, in order
     * @param skipped why each skipped configuration was skipped
     */
    public record Result(List<MinHeapTable.Row> rows, List<String> skipped) {
    }

    private MinHeaps() {
    }

    /**
     * @param configs  the configurations (their heaps are replaced by each trial's)
     * @param explicit whether the user named them, so that a refused one is an error, not a skip
     * @param search   the search's bounds and granularity
     * @param params   the GCBench sizes
     * @param bodies   GCBench bodies per trial
     * @param progress told a line per trial
     * @throws GcConfigException when an explicitly named configuration cannot be assembled
     */
    public static Result measure(List<GcConfig> configs, boolean explicit, HeapSearch search, GcBenchParams params,
                                 int bodies, Consumer<String> progress) {
        List<MinHeapTable.Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (GcConfig config : configs) {
            String label = config.strategies() + ": minimum heap: ";
            MinHeap result = search.search(new GcBenchTrial(config, params, bodies), line -> progress.accept(label + line));
            if (result.trials() == 1 && result.error() != null && result.error().cause() instanceof GcConfigException e) {
                if (explicit) {
                    throw e;
                }
                skipped.add("skipped " + config.strategies() + ": " + e.getMessage());
                continue;
            }
            rows.add(new MinHeapTable.Row(config, result));
        }
        return new Result(rows, skipped);
    }
}
