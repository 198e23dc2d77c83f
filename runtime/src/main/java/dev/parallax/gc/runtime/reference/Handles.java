package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.roots.RootVisitor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Strong root cells outside the heap for objects the runtime holds on the mutators' behalf: reference
 * objects enqueued and not yet taken, objects waiting for their finalizer. Reported to the collector
 * as updatable slots with every collection's roots. Thread-safe; a cell's word is read by its taker
 * while the world runs, written by a collector only in a pause.
 *
 * <p>Cost: a collection visits the cells in use (none: one branch); put and take are O(1) under a lock.
 */
final class Handles {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    private MemorySegment cells = Arena.ofAuto().allocate(64 * 8L, 8);
    private int capacity = 64;
    private int[] free = new int[64];
    private int freeCount;
    private int top;   // cells [0, top) have been handed out at least once
    private int inUse;
    private boolean[] used = new boolean[64];

    /** Holds {@code word} (a tagged pointer) strongly; returns the cell's index. */
    synchronized int put(long word) {
        int index;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (top == capacity) {
                grow();
            }
            index = top++;
        }
        cells.set(WORD, (long) index << 3, word);
        used[index] = true;
        inUse++;
        return index;
    }

    /** The word in cell {@code index}, and the cell is free again. */
    synchronized long take(int index) {
        long word = cells.get(WORD, (long) index << 3);
        cells.set(WORD, (long) index << 3, 0);
        used[index] = false;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = index;
        inUse--;
        return word;
    }

    synchronized int inUse() {
        return inUse;
    }

    /** Reports every cell in use as a slot (in a pause). */
    synchronized void scan(RootVisitor visitor) {
        if (inUse == 0) {
            return;
        }
        for (int i = 0; i < top; i++) {
            if (used[i]) {
                visitor.visitSlot(cells, (long) i << 3);
            }
        }
    }

    private void grow() {
        int next = capacity * 2;
        MemorySegment bigger = Arena.ofAuto().allocate((long) next * 8, 8);
        MemorySegment.copy(cells, 0, bigger, 0, (long) capacity * 8);
        cells = bigger;
        used = Arrays.copyOf(used, next);
        capacity = next;
    }
}
