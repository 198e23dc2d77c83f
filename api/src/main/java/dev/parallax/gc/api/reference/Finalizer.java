package dev.parallax.gc.api.reference;

import dev.parallax.gc.api.Mutator;

/**
 * Code run once for an object after the collector found it unreachable, on the runtime's finalizer
 * thread (never inside a pause, never on a mutator's allocation path). It may read the object, and
 * it may resurrect it by storing it somewhere reachable: then the object and everything it reaches
 * survive, and are reclaimed once unreachable again (the finalizer does not run a second time).
 *
 * <p>A finalizer runs late or never (only after a collection finds the object dead, and not at all if
 * the runtime closes first): never make it the only release of a critical resource (a file handle,
 * a socket, a lock); close those explicitly and use a finalizer or a phantom-reference cleaner as a
 * safety net.
 */
@FunctionalInterface
public interface Finalizer {
    /**
     * @param finalizerThread the finalizer thread's mutator; the object is in reference slot
     *                        {@code slot} of its innermost frame (re-read it with {@code ref(slot)}
     *                        after any safepoint: a moving collector may have moved it)
     * @param slot            the slot holding the object
     */
    void finalize(Mutator finalizerThread, int slot);
}
