package dev.parallax.gc.api.collector;

/**
 * Called by the mutator store path when a word that may hold a reference is overwritten in a heap
 * object (only if the collector's constraints ask for a barrier). Runs on the mutator thread, on
 * the hot path: must not allocate, must not block, and may not trigger a collection.
 */
@FunctionalInterface
public interface WriteBarrier {
    /**
     * @param object   the object being written (its start address)
     * @param field    the body word index
     * @param oldValue the tagged word being overwritten
     * @param newValue the tagged word being stored
     */
    void onReferenceStore(long object, long field, long oldValue, long newValue);
}
