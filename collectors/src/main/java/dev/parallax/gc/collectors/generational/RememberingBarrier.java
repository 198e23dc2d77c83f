package dev.parallax.gc.collectors.generational;

import dev.parallax.gc.api.collector.WriteBarrier;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

import java.util.Arrays;

/**
 * An object-remembering write barrier: a store of a nursery pointer into an object outside the
 * nursery logs that object, once (its log bit, side metadata), in the remembered set a minor
 * collection scans as extra roots.
 *
 * <p>Cost on the store path: one owner-table load for the object (a store into a young object ends
 * there), then a tag test and one load for the new value; the rare logging store takes a lock.
 */
final class RememberingBarrier implements WriteBarrier {
    private final TagScheme tags;
    private final PageResource pages;
    private final byte nursery;
    private final SideBits logged;
    private long[] remembered = new long[1024];
    private int count;
    private long logs;

    RememberingBarrier(TagScheme tags, PageResource pages, byte nursery, SideBits logged) {
        this.tags = tags;
        this.pages = pages;
        this.nursery = nursery;
        this.logged = logged;
    }

    @Override
    public void onReferenceStore(long object, long field, long oldValue, long newValue) {
        // the object's page first: most stores go into young objects, and one load settles those
        if (pages.ownerOf(object) != nursery && tags.isPointer(newValue)
                && pages.ownerOf(tags.untag(newValue)) == nursery && logged.testAndSetAtomic(object)) {
            remember(object);
        }
    }

    private synchronized void remember(long object) {
        if (count == remembered.length) {
            remembered = Arrays.copyOf(remembered, count * 2);
        }
        remembered[count++] = object;
        logs++;
    }

    /** Hands every remembered object to {@code scan}, clears their log bits and empties the set. World stopped. */
    synchronized void drainTo(java.util.function.LongConsumer scan) {
        for (int i = 0; i < count; i++) {
            scan.accept(remembered[i]);
        }
        forget();
    }

    /** Empties the set and clears the log bits (after a full collection, which traced everything). */
    synchronized void forget() {
        for (int i = 0; i < count; i++) {
            logged.clear(remembered[i]);
        }
        count = 0;
    }

    /** Objects logged since the runtime started. */
    synchronized long logs() {
        return logs;
    }
}
