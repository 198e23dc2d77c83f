package dev.parallax.gc.collectors.trace;

import java.util.Arrays;

/**
 * The grey objects of a trace: marked, fields not yet scanned. An explicit stack instead of
 * recursion, so a long linked list cannot overflow the Java stack. Grows by doubling (amortised
 * allocation-free); {@link #reset} keeps the capacity for the next collection.
 */
public final class MarkStack {
    private long[] entries = new long[4096];
    private int size;

    public void push(long object) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size++] = object;
    }

    /** The most recently pushed object. Only call when not {@link #isEmpty()}. */
    public long pop() {
        return entries[--size];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }
}
