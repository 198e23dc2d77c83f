package dev.parallax.gc.net.slab;

import java.util.Arrays;

/**
 * A stack of free ids (node slots, variables or Ref cells) in a long array: one thread's free list.
 * Stacks move between threads wholesale before and after a reduction, by swapping arrays where they
 * can, so that handing the builder's free slots to the workers costs no copy for one worker and
 * about half of them for two.
 */
final class FreeStack {
    private long[] ids = new long[256];
    private int count;

    int count() {
        return count;
    }

    void push(long id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = id;
    }

    /** The top id; call only when {@link #count()} is positive. */
    long pop() {
        return ids[--count];
    }

    /** Moves every id of {@code other} here: a swap of arrays when this stack is empty. */
    void takeAll(FreeStack other) {
        if (count == 0) {
            long[] mine = ids;
            ids = other.ids;
            count = other.count;
            other.ids = mine;
            other.count = 0;
        } else {
            takeTop(other, other.count);
        }
    }

    /** Moves the top {@code n} ids of {@code other} here. */
    void takeTop(FreeStack other, int n) {
        if (ids.length < count + n) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, count + n));
        }
        System.arraycopy(other.ids, other.count - n, ids, count, n);
        count += n;
        other.count -= n;
    }
}
