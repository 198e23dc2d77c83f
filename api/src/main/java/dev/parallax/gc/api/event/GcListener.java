package dev.parallax.gc.api.event;

/**
 * Observes collections. {@link #phaseStarted} runs on the collecting thread inside the pause and
 * must be quick; {@link #collectionEnded} runs after the mutators are released.
 */
public interface GcListener {
    default void phaseStarted(long collection, GcPhase phase) {
    }

    default void collectionEnded(CollectionRecord record) {
    }
}
