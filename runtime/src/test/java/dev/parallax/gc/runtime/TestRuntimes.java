package dev.parallax.gc.runtime;

import dev.parallax.gc.api.GcConfig;

/** Small runtimes of the real strategies for tests. */
public final class TestRuntimes {
    private TestRuntimes() {
    }

    /** mark-sweep / precise+globals / low-bit / allocation with a 4 MiB heap and small stacks. */
    public static GcConfig small() {
        return GcConfig.defaults().withHeapBytes(4L << 20).withTlabBytes(4096).withStackWords(1024).withGlobalCells(64);
    }

    public static GcRuntimeImpl create(GcConfig config) {
        return (GcRuntimeImpl) GcRuntimes.create(config);
    }
}
