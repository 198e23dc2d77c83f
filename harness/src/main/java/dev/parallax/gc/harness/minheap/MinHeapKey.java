package dev.parallax.gc.harness.minheap;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.StressMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What a minimum heap was measured for: the workload and everything in a configuration that can
 * change how much heap the workload needs (the strategies, debug mode's identity word, stress
 * collections, the strategies' options); not the heap itself, nor the stacks and global table,
 * which live beside it.
 *
 * @param workload   e.g. "GCBench standard"
 * @param collector  the collector
 * @param roots      the root sources joined with '+', e.g. "precise+globals"
 * @param tags       the tag scheme
 * @param safepoints the safepoint policy
 * @param settings   the mode and the rest, e.g. "release" or "debug incremental.budget=4096"
 */
public record MinHeapKey(String workload, String collector, String roots, String tags, String safepoints,
                         String settings) {

    public static MinHeapKey of(String workload, GcConfig config) {
        return new MinHeapKey(workload, config.collector(), String.join("+", config.roots()), config.tags(),
                config.safepoints(), settings(config));
    }

    /** "release", "debug", then "object-ids", "stress=allocation/1" and the options when set, by name. */
    static String settings(GcConfig config) {
        List<String> parts = new ArrayList<>();
        parts.add(config.debug() ? "debug" : "release");
        if (config.objectIds() && !config.debug()) {
            parts.add("object-ids");
        }
        if (config.stress() != StressMode.OFF) {
            parts.add("stress=" + config.stress().name().toLowerCase(Locale.ROOT) + "/" + config.stressInterval());
        }
        new TreeMap<>(config.options()).forEach((key, value) -> parts.add(key + "=" + value));
        return String.join(" ", parts);
    }

    /** "mark-sweep / precise+globals / low-bit / allocation (GCBench standard, release)". */
    public String describe() {
        return strategies() + " (" + workload + ", " + settings + ")";
    }

    /** "mark-sweep / precise+globals / low-bit / allocation", as {@link GcConfig#strategies()} names them. */
    public String strategies() {
        return collector + " / " + roots + " / " + tags + " / " + safepoints;
    }
}
