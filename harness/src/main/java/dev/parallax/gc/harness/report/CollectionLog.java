package dev.parallax.gc.harness.report;

import dev.parallax.gc.api.event.CollectionRecord;
import dev.parallax.gc.api.event.GcListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A listener that keeps every collection record it is given, in order. Records arrive on whichever
 * thread ran the collection, after the mutators are released; reads take a snapshot.
 */
public final class CollectionLog implements GcListener {
    private final List<CollectionRecord> records = new ArrayList<>();

    @Override
    public synchronized void collectionEnded(CollectionRecord record) {
        records.add(record);
    }

    /** Forgets what was logged so far (e.g. the warm-up's collections). */
    public synchronized void clear() {
        records.clear();
    }

    /** The records logged so far, in order. */
    public synchronized List<CollectionRecord> snapshot() {
        return List.copyOf(records);
    }

    /**
     * Waits up to {@code timeoutNanos} until at least {@code expected} records have arrived
     * (listeners run after the release, so the last ones may still be in flight).
     */
    public void awaitCount(long expected, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (records.size() >= expected) {
                    return;
                }
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
