package dev.parallax.gc.api.collector;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.Map;

/**
 * A garbage collection algorithm and the space management that goes with it (free lists for
 * mark-sweep, a bump pointer for mark-compact). One instance serves one runtime.
 *
 * <p>Threading: {@link #refill} and {@link #allocateLarge} are called concurrently by mutator
 * threads (on their allocation slow path) and must be thread-safe; {@link #collect} is called by one
 * thread with the world stopped, never concurrently with the allocation calls.
 */
public interface Collector {
    /** The name by which configs select this collector (e.g. {@code mark-sweep}). */
    String name();

    CollectorConstraints constraints();

    /**
     * Takes over the heap: formats all of it as free space. Called once, before any allocation.
     * {@code tags} decodes slots while tracing.
     */
    void initialize(ObjectModel objects, TagScheme tags);

    /**
     * Gives {@code buffer} a free region of at least {@code minBytes} bytes (ideally about
     * {@code preferredBytes}), for the default {@link BufferContext}. The region's memory need not be
     * zeroed: the runtime initialises each object it allocates. The old contents of {@code buffer} are
     * already retired. A collector with its own {@link #createMutatorContext} need not implement it.
     *
     * @return false when no region that large is free: the caller collects and retries, then fails
     *         with an out-of-memory error
     */
    default boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        throw new UnsupportedOperationException("collector '" + name() + "' allocates through its own mutator context");
    }

    /**
     * Allocates {@code bytes} outside any buffer (objects larger than a buffer), for the default
     * {@link BufferContext}.
     *
     * @return the start address, or 0 when no block that large is free
     */
    default long allocateLarge(long bytes) {
        throw new UnsupportedOperationException("collector '" + name() + "' allocates through its own mutator context");
    }

    /**
     * Whether {@link #collect} may, for an allocation failure or a stress collection (reasons
     * "allocation failure" and "stress"), collect only part of the heap (a generational minor
     * collection). If so, an allocation that still finds no room afterwards is retried after a
     * second collection, reason "allocation failure (full)", which must be full. Default: no.
     */
    default boolean mayCollectPartially() {
        return false;
    }

    /**
     * Collects: finds the objects reachable from the roots, reclaims the others. Must leave the heap
     * parsable, every MARK/GREY/FORWARDED bit clear, and the reachable graph unchanged (same objects by
     * id, same fields; a moving collector updates every slot the roots and the heap hold).
     */
    void collect(CollectionScope scope);

    /**
     * The current account of the heap. Cheap, and callable at any time from any thread, also while a
     * pause runs: it must never read structures a pause is rebuilding (during a pause it may answer
     * with the account as the pause began). Its figures are consistent with each other
     * ({@code used + free = capacity}, {@code largestFree <= free}).
     */
    HeapUsage usage();

    /** Objects found reachable by the latest collection, or -1 when the collector does not count them. */
    default long liveObjects() {
        return -1;
    }

    /**
     * Header bits the runtime ORs into the status word of every new object: the allocation colour of
     * an incremental collector (MARK while a cycle is marking, so new objects are black). Changes only
     * inside a pause; the runtime may read it once per allocation. Default: none.
     */
    default long allocationHeaderBits() {
        return 0;
    }

    /**
     * Whether the collector wants an incremental step now. Polled by the runtime on the allocation
     * slow path (before the buffer refill, so the step's pause does not retire a fresh buffer), so
     * it must be cheap; when true the runtime stops the world
     * and calls {@link #collectIncrement}. Default: never (stop-the-world collectors).
     */
    default boolean incrementDue() {
        return false;
    }

    /**
     * One bounded step of an incremental cycle, with the world stopped and buffers retired, as for
     * {@link #collect}. Unlike {@code collect}, it need not leave the graph fully traced or the heap
     * fully swept; it must leave the heap parsable.
     */
    default void collectIncrement(CollectionScope scope) {
        collect(scope);
    }

    /**
     * Whether {@link #collectIncrement} runs bounded steps of a cycle (an incremental collector)
     * rather than full collections. Stress mode runs increments on such a collector, so that stress
     * exercises marking interleaved with the mutators. Default: false.
     */
    default boolean isIncremental() {
        return false;
    }

    /** Collector-specific counters for reports (e.g. stop-the-world fallbacks, objects moved). */
    default Map<String, Long> counters() {
        return Map.of();
    }

    /**
     * A new mutator's allocation state. Default: a {@link BufferContext} over {@link #refill} and
     * {@link #allocateLarge}, with buffers of about {@code preferredBufferBytes}. A collector built
     * from spaces returns its own (an allocator per space the mutator allocates in).
     */
    default MutatorContext createMutatorContext(ObjectModel objects, long preferredBufferBytes) {
        return new BufferContext(this, objects, preferredBufferBytes);
    }

    /** Releases what the collector holds outside the heap (GC worker threads). Called once, when the runtime closes. */
    default void close() {
    }

    /** The barrier the mutator store path calls; only used when {@code constraints().needsWriteBarrier()}. */
    default WriteBarrier writeBarrier() {
        return null;
    }
}
