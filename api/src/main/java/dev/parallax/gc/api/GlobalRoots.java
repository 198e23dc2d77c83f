package dev.parallax.gc.api;

/**
 * The table of global roots ("registered globals" in the design report, {@code add_global_root} in
 * rsgc). Registration takes a lock; reading and writing a registered cell does not.
 */
public interface GlobalRoots {
    /**
     * Registers a new cell holding null.
     *
     * @throws IllegalStateException when the table is full (its capacity is in the config)
     */
    GlobalRoot register(String name);

    /** The number of registered cells. */
    int registered();
}
