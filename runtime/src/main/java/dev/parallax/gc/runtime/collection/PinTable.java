package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.runtime.heap.ObjectStartMap;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * API pins ({@code Mutator.pin}/{@code unpin}) as counts: an object stays put while any holder
 * still pins it. The collectors see one header bit, {@link HeaderLayout#PINNED_BIT}, set while the
 * count is above zero; the count lives here, beside the heap, keyed by the object's address (a
 * pinned object never moves, so its address is a stable key).
 *
 * <p>Threading: every update takes this table's monitor and changes the count and the header bit
 * together, so that two mutators pinning and unpinning one object cannot lose an update (no other
 * thread writes a live object's status word while mutators run). Cost: a map update per pin or
 * unpin; nothing on the allocation or field paths.
 *
 * <p>A pin does not keep its object alive. When a pinned object dies, its count is dropped at the end
 * of the pause that reclaims it ({@link #dropDead}), so a new object at the same address starts
 * unpinned; an unpin of it afterwards is refused as an unpin of an unpinned object.
 */
public final class PinTable {
    private final ObjectModel objects;
    private final Map<Long, Integer> counts = new HashMap<>();

    public PinTable(ObjectModel objects) {
        this.objects = objects;
    }

    /** Adds a pin to {@code object} (an object start); returns its new count. */
    public synchronized int pin(long object) {
        Integer before = counts.get(object);
        int count = before == null ? 1 : before + 1;
        if (count < 0) {
            throw new IllegalStateException(objects.describe(object) + " is pinned " + before
                    + " times: the pin count would overflow");
        }
        counts.put(object, count);
        if (count == 1) {
            objects.setBits(object, HeaderLayout.PINNED_BIT);
        }
        return count;
    }

    /**
     * Removes one pin from {@code object}; returns the count left.
     *
     * @throws IllegalStateException when the object holds no pin (an unpin without a pin, a second
     *                               unpin, or an object that died while pinned)
     */
    public synchronized int unpin(long object) {
        Integer before = counts.get(object);
        if (before == null) {
            throw new IllegalStateException("unpin of " + objects.describe(object)
                    + ", which holds no pin (every unpin needs an earlier pin of the same object)");
        }
        if (before == 1) {
            counts.remove(object);
            objects.clearBits(object, HeaderLayout.PINNED_BIT);
            return 0;
        }
        counts.put(object, before - 1);
        return before - 1;
    }

    /** The pins {@code object} holds (0 when none). */
    public synchronized int count(long object) {
        return counts.getOrDefault(object, 0);
    }

    /** How many distinct objects hold a pin. */
    public synchronized int pinnedObjects() {
        return counts.size();
    }

    /**
     * At the end of a pause, with the heap parsable: forgets the pins of objects that are gone (no
     * object with the pinned bit starts at their address any more). Cost: nothing without pins,
     * else one object-start map build and a lookup per pinned object.
     */
    public synchronized void dropDead(ObjectStartMap starts) {
        if (counts.isEmpty()) {
            return;
        }
        for (Iterator<Long> it = counts.keySet().iterator(); it.hasNext(); ) {
            long object = it.next();
            if (starts.objectContaining(object) != object || !objects.isPinned(object)) {
                it.remove();
            }
        }
    }
}
