package dev.parallax.gc.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A runtime's configuration: one strategy per axis (several root sources), the heap's size and the
 * debug switches. Built from defaults, a config file and command-line flags by the runtime's config
 * loader; strategies may inject it to read their own {@link #options()}.
 *
 * @param collector      collector name, e.g. {@code mark-sweep}
 * @param roots          root source names, e.g. {@code [precise, globals]}
 * @param tags           tag scheme name, e.g. {@code low-bit}
 * @param safepoints     safepoint policy name, e.g. {@code allocation}
 * @param heapBytes      the heap reserved at start-up
 * @param tlabBytes      preferred size of a thread-local allocation buffer
 * @param stackWords     words of explicit stack per mutator
 * @param globalCells    capacity of the global root table
 * @param debug          verify the heap and check the live set around every collection; poison freed memory
 * @param stress         stress mode
 * @param stressInterval collect every this many allocations or polls in stress mode (&ge; 1)
 * @param options        strategy-specific options ({@code incremental.budget=...}), never null
 */
public record GcConfig(String collector, List<String> roots, String tags, String safepoints, long heapBytes,
                       long tlabBytes, int stackWords, int globalCells, boolean debug, StressMode stress,
                       int stressInterval, Map<String, String> options) {

    public GcConfig {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(safepoints, "safepoints");
        Objects.requireNonNull(stress, "stress");
        roots = List.copyOf(roots);
        options = Map.copyOf(options);
        if (roots.isEmpty()) {
            throw new GcConfigException("roots: at least one root source is needed");
        }
        if (heapBytes < 64 * 1024) {
            throw new GcConfigException("heap: " + heapBytes + " bytes is too small; the minimum is 64k");
        }
        if ((heapBytes & 7) != 0) {
            throw new GcConfigException("heap: " + heapBytes + " bytes is not a multiple of 8");
        }
        if (tlabBytes < 256 || (tlabBytes & 7) != 0 || tlabBytes > heapBytes / 4) {
            throw new GcConfigException("tlab: " + tlabBytes
                    + " bytes must be a multiple of 8, at least 256 and at most a quarter of the heap");
        }
        if (stackWords < 64) {
            throw new GcConfigException("stack: " + stackWords + " words is too small; the minimum is 64");
        }
        if (globalCells < 1) {
            throw new GcConfigException("globals: capacity must be at least 1, not " + globalCells);
        }
        if (stressInterval < 1) {
            throw new GcConfigException("stress-interval: must be at least 1, not " + stressInterval);
        }
    }

    /** The default runtime: mark-sweep, precise stack and global roots, low-bit tags, allocation polls, 64 MiB. */
    public static GcConfig defaults() {
        return new GcConfig("mark-sweep", List.of("precise", "globals"), "low-bit", "allocation",
                64L << 20, 32L << 10, 1 << 16, 4096, false, StressMode.OFF, 1, Map.of());
    }

    public GcConfig withCollector(String name) {
        return new GcConfig(name, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withRoots(List<String> names) {
        return new GcConfig(collector, names, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withTags(String name) {
        return new GcConfig(collector, roots, name, safepoints, heapBytes, tlabBytes, stackWords, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withSafepoints(String name) {
        return new GcConfig(collector, roots, tags, name, heapBytes, tlabBytes, stackWords, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withHeapBytes(long bytes) {
        return new GcConfig(collector, roots, tags, safepoints, bytes, Math.min(tlabBytes, Math.max(256, bytes / 4 & ~7L)),
                stackWords, globalCells, debug, stress, stressInterval, options);
    }

    public GcConfig withTlabBytes(long bytes) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, bytes, stackWords, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withStackWords(int words) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, words, globalCells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withGlobalCells(int cells) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, cells, debug,
                stress, stressInterval, options);
    }

    public GcConfig withDebug(boolean on) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, on,
                stress, stressInterval, options);
    }

    public GcConfig withStress(StressMode mode, int interval) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, debug,
                mode, interval, options);
    }

    public GcConfig withOptions(Map<String, String> opts) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, debug,
                stress, stressInterval, opts);
    }

    /** A strategy option, or {@code fallback} when it is not set. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** "mark-sweep / precise+globals / low-bit / allocation", for tables and messages. */
    public String strategies() {
        return collector + " / " + String.join("+", roots) + " / " + tags + " / " + safepoints;
    }
}
