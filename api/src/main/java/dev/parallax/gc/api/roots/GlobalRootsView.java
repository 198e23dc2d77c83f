package dev.parallax.gc.api.roots;

import java.lang.foreign.MemorySegment;

/**
 * The registered global roots, as root sources see them: a table of 64-bit cells, each holding a
 * tagged value, and a bitmap of which cells are registered. Valid only while the world is stopped.
 */
public interface GlobalRootsView {
    /** The cells; cell i lives at byte offset {@code 8 * i}. */
    MemorySegment cells();

    /** The number of cells in the table (registered or not). */
    int capacity();

    /** Word {@code i} of the registration bitmap: bit b set when cell {@code 64 * i + b} is registered. */
    long registeredMap(int i);
}
