package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.object.ShapeTable;
import dev.parallax.gc.runtime.heap.Heap;

/** Small runtimes of the real strategies for tests. */
public final class TestRuntimes {
    private TestRuntimes() {
    }

    /** mark-sweep / precise+globals / low-bit / allocation with a 4 MiB heap and small stacks. */
    public static GcConfig small() {
        return GcConfig.defaults().withHeapBytes(4L << 20).withTlabBytes(4096).withStackWords(1024).withGlobalCells(64);
    }

    /** A bare heap of {@code bytes} in debug mode (two-word headers with ids), without a runtime. */
    public static Heap heap(long bytes) {
        return Heap.reserve(GcConfig.defaults().withHeapBytes(bytes).withStackWords(64).withMaxMutators(1).withDebug(true),
                new ShapeTable());
    }

    public static GcRuntimeImpl create(GcConfig config) {
        return (GcRuntimeImpl) GcRuntimes.create(config);
    }
}
