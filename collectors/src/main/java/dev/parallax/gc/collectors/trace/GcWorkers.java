package dev.parallax.gc.collectors.trace;

import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;

/** The GC worker count a parallel collector reads from its config ({@code immix.workers}, {@code generational.workers}). */
public final class GcWorkers {
    /** The most worker threads an option may ask for. */
    public static final int MAX = 256;

    private GcWorkers() {
    }

    /** The machine's cores: the default worker count. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Option {@code key} as a worker count, the cores when absent.
     *
     * @throws GcConfigException naming the option when it is not a whole number from 1 to {@link #MAX}
     */
    public static int parse(GcConfig config, String key) {
        String text = config.option(key, String.valueOf(cores()));
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX) {
            throw new GcConfigException(key + ": '" + text + "' must be a whole number of threads from 1 to " + MAX);
        }
        return n;
    }
}
