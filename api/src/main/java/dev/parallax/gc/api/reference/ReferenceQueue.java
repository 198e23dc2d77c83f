package dev.parallax.gc.api.reference;

import dev.parallax.gc.api.Mutator;

/**
 * Where the collector puts reference objects it cleared (those created with this queue), as
 * {@code java.lang.ref.ReferenceQueue} does. The queue holds each enqueued reference object
 * strongly until it is taken. Thread-safe.
 */
public interface ReferenceQueue {
    String name();

    /**
     * Takes the oldest enqueued reference object, or returns 0 when none is. Not a safepoint: the
     * address is valid until {@code mutator}'s next safepoint, so store it in a slot first.
     */
    long poll(Mutator mutator);

    /**
     * Waits up to {@code timeoutMillis} (0: forever) for a reference to be enqueued and takes it;
     * 0 on timeout. The mutator is inactive while it waits (a collection need not wait for it).
     * <i>Safepoint.</i>
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    long remove(Mutator mutator, long timeoutMillis) throws InterruptedException;

    /** How many reference objects are enqueued and not yet taken. */
    int size();
}
