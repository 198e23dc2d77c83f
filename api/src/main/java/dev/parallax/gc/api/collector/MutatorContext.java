package dev.parallax.gc.api.collector;

/**
 * One mutator's allocation state as its collector defines it (MMTk's per-mutator allocators): a
 * bump region for ordinary objects, which the runtime's allocation fast path bumps without calling
 * the collector, and whatever else the collector keeps per mutator (an Immix hole cursor, a
 * large-object allocator). Created by {@link Collector#createMutatorContext} when a mutator attaches.
 *
 * <p>Threads: {@link #allocate} runs on the mutator's thread (its allocation slow path);
 * {@link #flush} and {@link #reset} run on the collecting thread while the mutator is stopped. The
 * handshake orders the two.
 */
public interface MutatorContext {
    /**
     * The region the runtime's fast path bumps for {@link AllocationSemantics#DEFAULT} objects. The
     * same buffer object for the mutator's whole life; its region changes only in {@link #allocate}
     * and {@link #flush}.
     */
    AllocationBuffer buffer();

    /**
     * The allocation slow path: room for an object of {@code bytes} (a multiple of 8) with the given
     * semantics. For a DEFAULT object that fits a buffer, the context refills {@link #buffer()} and
     * returns the object's address bumped from it; otherwise it returns memory from wherever the
     * semantics send it. The memory need not be zeroed (the runtime zeroes what it is given).
     *
     * @return the object's address, or 0 when the collector has no room: the runtime collects and
     *         asks again, then reports the heap exhausted
     */
    long allocate(long bytes, AllocationSemantics semantics);

    /**
     * At the start of every pause, with the world stopped: gives back the unused part of the buffer
     * (formatted as free space, so that the heap parses) and anything else the pause must see.
     */
    void flush();

    /** At the end of every pause, before the mutator runs again: forgets state the pause invalidated. */
    default void reset() {
    }

    /** When the mutator detaches: gives everything back, as {@link #flush} does. */
    default void close() {
        flush();
    }
}
