package dev.parallax.gc.api.reference;

import dev.parallax.gc.api.Mutator;

/**
 * Weak, soft and phantom references, reference queues, finalizers and ephemerons on the runtime's
 * heap ({@code runtime.references()}), with {@code java.lang.ref} semantics.
 *
 * <p>A reference object and an ephemeron are heap objects (shapes {@code parallax.SoftReference},
 * {@code parallax.WeakReference}, {@code parallax.PhantomReference}, {@code parallax.Ephemeron},
 * defined on first use): put them in slots and fields like any object. Their referent, key and
 * value words are <i>not</i> reference fields: no tracer follows them; after each collection's
 * strong trace the runtime processes them (soft, weak and ephemerons, then finalization, then
 * phantom) and clears or updates them. As long as no reference object and no finalizer exists,
 * this costs a collection one branch, and allocation and marking nothing.
 *
 * <p>Operands that must survive an allocation are given as slots of {@code mutator}'s innermost
 * frame, never as addresses: every method marked <i>safepoint</i> may move objects.
 */
public interface References {
    /** A new reference queue. */
    ReferenceQueue newQueue(String name);

    /**
     * Allocates a reference of {@code kind} to the object in {@code referentSlot} (null: a cleared
     * reference), enqueued on {@code queue} (null: none) when the collector clears it. <i>Safepoint.</i>
     *
     * @return the reference object's address (a phantom reference without a queue is legal, as in Java,
     *         but nothing can observe it)
     */
    long newReference(Mutator mutator, ReferenceKind kind, int referentSlot, ReferenceQueue queue);

    /**
     * The referent of a soft or weak reference, 0 once cleared; always 0 for a phantom reference. Reading
     * a soft reference resets its age. Not a safepoint.
     *
     * @throws IllegalArgumentException when {@code reference} is not a reference object
     */
    long get(Mutator mutator, long reference);

    /** Clears the reference without enqueueing it. */
    void clear(Mutator mutator, long reference);

    /** Whether the collector enqueued the reference (it stays true after it is taken from its queue). */
    boolean isEnqueued(Mutator mutator, long reference);

    /** The kind of {@code reference}, or null when it is not a reference object. */
    ReferenceKind kindOf(Mutator mutator, long reference);

    /**
     * Allocates an ephemeron: the value in {@code valueSlot} is kept alive by this ephemeron only while
     * the key in {@code keySlot} is reachable other than through the value of an ephemeron whose key
     * is unreachable; once the key dies both are cleared. <i>Safepoint.</i>
     */
    long newEphemeron(Mutator mutator, int keySlot, int valueSlot);

    /** The key of an ephemeron, 0 once cleared. */
    long ephemeronKey(Mutator mutator, long ephemeron);

    /** The value of an ephemeron (the tagged word as stored), 0 once cleared. */
    long ephemeronValue(Mutator mutator, long ephemeron);

    /**
     * Registers {@code finalizer} for the object in {@code slot}: after a collection finds the object
     * unreachable it is kept alive and the finalizer runs once on the finalizer thread. An object has
     * at most one finalizer.
     *
     * @throws IllegalArgumentException when the object already has one
     */
    void registerFinalizer(Mutator mutator, int slot, Finalizer finalizer);

    /**
     * Waits until every finalizer that was due when called has run (also those made due by a
     * collection while waiting). The mutator is inactive while it waits. <i>Safepoint.</i>
     *
     * @return false on timeout
     */
    boolean awaitFinalizers(Mutator mutator, long timeoutMillis) throws InterruptedException;

    /** The policy that decides which soft referents survive; {@link SoftPolicy#lru} by default. */
    void softPolicy(SoftPolicy policy);

    /** While set, every collection counts as under memory pressure (the soft policy clears softly reachable referents). */
    void memoryPressure(boolean on);

    /** Finalizers run so far; those that threw count too (their exception is recorded and dropped). */
    long finalizersRun();

    /** Finalizers that threw. */
    long finalizerFailures();

    /** Reference objects, ephemerons and registered finalizers the runtime is tracking now. */
    int tracked();
}
