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
 * @param maxMutators    how many mutators may be attached at once (their stacks are reserved with the heap)
 * @param debug          validate every mutator call and traced reference, verify the heap and check the
 *                       live set around every collection, poison freed memory; implies object ids
 * @param objectIds      give every object an identity word (object ids) even in release mode
 * @param stress         stress mode
 * @param stressInterval collect every this many allocations or polls in stress mode (&ge; 1)
 * @param safepointTimeoutMillis how long a collection waits for every mutator to reach a safepoint before
 *                       it gives up with a {@link SafepointTimeoutException} naming those that did not
 *                       (config key {@code safepoint-timeout}; &ge; 1)
 * @param options        strategy-specific options ({@code incremental.budget=...}), never null
 */
public record GcConfig(String collector, List<String> roots, String tags, String safepoints, long heapBytes,
                       long tlabBytes, int stackWords, int globalCells, int maxMutators, boolean debug,
                       boolean objectIds, StressMode stress, int stressInterval, long safepointTimeoutMillis,
                       Map<String, String> options) {

    /** The most mutators a runtime may be configured for. */
    public static final int MAX_MUTATORS = 4096;
    /** The default {@code safepoint-timeout}: one minute. */
    public static final long DEFAULT_SAFEPOINT_TIMEOUT_MILLIS = 60_000;

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
        if (maxMutators < 1 || maxMutators > MAX_MUTATORS) {
            throw new GcConfigException("mutators: must be between 1 and " + MAX_MUTATORS + ", not " + maxMutators);
        }
        if ((long) maxMutators * stackWords > (1L << 31) / 8) {
            throw new GcConfigException("mutators x stack: " + maxMutators + " stacks of " + stackWords
                    + " words exceed the 2 GiB the runtime reserves for stacks at most");
        }
        if (stressInterval < 1) {
            throw new GcConfigException("stress-interval: must be at least 1, not " + stressInterval);
        }
        if (safepointTimeoutMillis < 1) {
            throw new GcConfigException("safepoint-timeout: must be at least 1 ms, not " + safepointTimeoutMillis + " ms");
        }
    }

    /**
     * The default runtime: mark-sweep, precise stack and global roots, low-bit tags, allocation polls,
     * 64 MiB, release mode, room for 16 mutators of 32k stack words each.
     */
    public static GcConfig defaults() {
        return new GcConfig("mark-sweep", List.of("precise", "globals"), "low-bit", "allocation",
                64L << 20, 32L << 10, 1 << 15, 4096, 16, false, false, StressMode.OFF, 1, DEFAULT_SAFEPOINT_TIMEOUT_MILLIS,
                Map.of());
    }

    /** Whether objects carry an identity word: in debug mode, or when asked for. */
    public boolean keepsObjectIds() {
        return debug || objectIds;
    }

    public GcConfig withCollector(String name) {
        return new GcConfig(name, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, maxMutators,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withRoots(List<String> names) {
        return new GcConfig(collector, names, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withTags(String name) {
        return new GcConfig(collector, roots, name, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withSafepoints(String name) {
        return new GcConfig(collector, roots, tags, name, heapBytes, tlabBytes, stackWords, globalCells, maxMutators,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    /** The heap size; the TLAB shrinks to a quarter of a small heap. */
    public GcConfig withHeapBytes(long bytes) {
        return new GcConfig(collector, roots, tags, safepoints, bytes, Math.min(tlabBytes, Math.max(256, bytes / 4 & ~7L)),
                stackWords, globalCells, maxMutators, debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withTlabBytes(long bytes) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, bytes, stackWords, globalCells, maxMutators,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withStackWords(int words) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, words, globalCells, maxMutators,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withGlobalCells(int cells) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, cells, maxMutators,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withMaxMutators(int count) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells, count,
                debug, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withDebug(boolean on) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, on, objectIds, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withObjectIds(boolean on) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, on, stress, stressInterval, safepointTimeoutMillis, options);
    }

    public GcConfig withStress(StressMode mode, int interval) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, objectIds, mode, interval, safepointTimeoutMillis, options);
    }

    public GcConfig withSafepointTimeoutMillis(long millis) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, objectIds, stress, stressInterval, millis, options);
    }

    public GcConfig withOptions(Map<String, String> opts) {
        return new GcConfig(collector, roots, tags, safepoints, heapBytes, tlabBytes, stackWords, globalCells,
                maxMutators, debug, objectIds, stress, stressInterval, safepointTimeoutMillis, opts);
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
