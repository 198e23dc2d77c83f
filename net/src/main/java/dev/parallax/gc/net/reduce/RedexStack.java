package dev.parallax.gc.net.reduce;

import dev.parallax.gc.net.slab.CacheLinePadded;

import java.util.Arrays;

/**
 * A worker's redexes: a private stack it pushes and pops without synchronisation, and a small shared
 * queue that other workers steal from. When the private stack holds more than {@value #SHARE_AT}
 * redexes and the shared queue is empty, the owner moves the older half there (older redexes tend to
 * root bigger subnets, so thieves take big pieces of work); a thief takes half of a victim's shared
 * queue under the victim's lock. A redex is two port words, kept in long arrays: no object per redex.
 * The owner writes this object's fields at every push and pop, so they are kept a cache line away
 * from the object before it ({@link CacheLinePadded}: the workers' stacks sit side by side in the
 * reducer's array, and a collection of the JVM copies them next to each other).
 */
final class RedexStack extends CacheLinePadded {
    private static final int SHARE_AT = 32;

    private long[] local = new long[2 * 256];
    private int localSize;
    private final Object lock = new Object();
    private long[] shared = new long[2 * 256];
    private int sharedSize;
    /** How many redexes the shared queue holds, readable without the lock. */
    private volatile int sharedCount;

    /** The redex last {@link #pop popped} or stolen. */
    long a;
    long b;

    void push(long x, long y) {
        if (localSize == local.length) {
            local = Arrays.copyOf(local, local.length * 2);
        }
        local[localSize++] = x;
        local[localSize++] = y;
        if (localSize > 2 * SHARE_AT && sharedCount == 0) {
            share();
        }
    }

    private void share() {
        int half = (localSize >>> 2) << 1; // an even number of words, the older half
        synchronized (lock) {
            if (shared.length < half) {
                shared = new long[Math.max(half, shared.length * 2)];
            }
            System.arraycopy(local, 0, shared, 0, half);
            sharedSize = half;
            sharedCount = half >>> 1;
        }
        System.arraycopy(local, half, local, 0, localSize - half);
        localSize -= half;
    }

    /** Pops a redex into {@link #a}, {@link #b}: the private stack first, then the own shared queue. */
    boolean pop() {
        if (localSize > 0) {
            b = local[--localSize];
            a = local[--localSize];
            return true;
        }
        return sharedCount > 0 && stealFrom(this) && pop();
    }

    /** Moves half of {@code victim}'s shared redexes (at least one) onto this private stack. */
    boolean stealFrom(RedexStack victim) {
        if (victim.sharedCount == 0) {
            return false;
        }
        synchronized (victim.lock) {
            int n = victim.sharedSize;
            if (n == 0) {
                return false;
            }
            int take = Math.max(2, (n >>> 2) << 1);
            int from = n - take;
            if (local.length < localSize + take) {
                local = Arrays.copyOf(local, Math.max(local.length * 2, localSize + take));
            }
            System.arraycopy(victim.shared, from, local, localSize, take);
            localSize += take;
            victim.sharedSize = from;
            victim.sharedCount = from >>> 1;
        }
        return true;
    }

    /**
     * Pushes redexes {@code from} to {@code to - 1} of {@code pending}, numbered newest first, in that
     * order (so this stack pops them oldest first, as popping each from {@code pending} and pushing it
     * here would). {@code pending} is only read: it must not change meanwhile. Its redexes in push
     * order are its shared queue's then its private stack's: it shares once, the older half of its
     * private stack, when its shared queue is empty, and is never popped before it is cleared.
     */
    void takeNewestFirst(RedexStack pending, int from, int to) {
        int total = pending.size();
        int inShared = pending.sharedSize >>> 1;
        if (local.length < localSize + 2 * (to - from)) {
            local = Arrays.copyOf(local, Math.max(local.length * 2, localSize + 2 * (to - from)));
        }
        for (int d = from; d < to; d++) {
            int i = total - 1 - d; // in push order
            long[] words = i < inShared ? pending.shared : pending.local;
            int at = i < inShared ? 2 * i : 2 * (i - inShared);
            local[localSize++] = words[at];
            local[localSize++] = words[at + 1];
        }
        if (localSize > 2 * SHARE_AT && sharedCount == 0) {
            share();
        }
    }

    /** Empties this stack (the pending stack, once every worker has taken its block). */
    void clear() {
        localSize = 0;
        synchronized (lock) {
            sharedSize = 0;
            sharedCount = 0;
        }
    }

    boolean hasShared() {
        return sharedCount > 0;
    }

    boolean isEmpty() {
        return localSize == 0 && sharedCount == 0;
    }

    /** Moves every redex of {@code other}'s private stack here (before reduction starts). */
    void takeAll(RedexStack other) {
        while (other.pop()) {
            push(other.a, other.b);
        }
    }

    int size() {
        return (localSize >>> 1) + sharedCount;
    }
}
