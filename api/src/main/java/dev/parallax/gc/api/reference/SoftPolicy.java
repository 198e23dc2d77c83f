package dev.parallax.gc.api.reference;

/**
 * Decides, at each collection, whether the referent of a soft reference that is otherwise
 * unreachable is kept. Called in the pause, once per such soft reference: must be cheap and pure.
 *
 * <p>The default ({@link #lru}) is HotSpot's least-recently-used policy in collection counts: a
 * referent is kept while it was last touched (created or read with {@code get}) fewer collections
 * ago than {@code maxAge} times the fraction of the heap that was free when the collection began,
 * and cleared in any collection under memory pressure: the last collection before an allocation
 * fails ("allocation failure (full)", which the runtime runs whenever soft references exist, so
 * they are all cleared before the heap is reported exhausted), an allocation failure that finds
 * less than a tenth of the heap free, or any collection while {@code References.memoryPressure} is set. Tests drive it with
 * {@code memoryPressure} or a policy of their own.
 */
@FunctionalInterface
public interface SoftPolicy {
    /**
     * @param age          collections since the reference was created or last read (0: this collection's clock)
     * @param freeFraction the free part of the heap when the pause began, 0..1
     * @param pressure     whether this collection runs under memory pressure
     * @return true to keep the referent (and everything it reaches) this collection
     */
    boolean keep(long age, double freeFraction, boolean pressure);

    /** Keeps a referent touched fewer than {@code maxAge * freeFraction} collections ago; clears all under pressure. */
    static SoftPolicy lru(long maxAge) {
        if (maxAge < 0) {
            throw new IllegalArgumentException("soft reference max age must be >= 0, got " + maxAge);
        }
        return (age, free, pressure) -> !pressure && age < Math.ceil(maxAge * free);
    }

    /** Keeps every softly reachable referent except under memory pressure (what the property tests model). */
    static SoftPolicy untilPressure() {
        return (age, free, pressure) -> !pressure;
    }
}
