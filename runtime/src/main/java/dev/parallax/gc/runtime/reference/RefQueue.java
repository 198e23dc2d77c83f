package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.reference.ReferenceQueue;
import dev.parallax.gc.api.tags.TagScheme;

import java.util.ArrayDeque;

/**
 * A {@link ReferenceQueue}: the handles of enqueued reference objects in order. The collector adds
 * in a pause ({@link #enqueue}); mutators take while running, so a taken address is valid until
 * the taker's next safepoint.
 */
final class RefQueue implements ReferenceQueue {
    private final int id;
    private final String name;
    private final Handles handles;
    private final TagScheme tags;
    private final ArrayDeque<Integer> entries = new ArrayDeque<>();

    RefQueue(int id, String name, Handles handles, TagScheme tags) {
        this.id = id;
        this.name = name;
        this.handles = handles;
        this.tags = tags;
    }

    int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** In a pause: holds the reference object strongly until it is taken. */
    synchronized void enqueue(long reference) {
        entries.add(handles.put(tags.tagPointer(reference)));
        notifyAll();
    }

    @Override
    public synchronized long poll(Mutator mutator) {
        Integer handle = entries.poll();
        return handle == null ? 0 : tags.untag(handles.take(handle));
    }

    @Override
    public long remove(Mutator mutator, long timeoutMillis) throws InterruptedException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms, got " + timeoutMillis);
        }
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            long taken = poll(mutator);
            if (taken != 0) {
                return taken;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            InterruptedException[] interrupted = new InterruptedException[1];
            mutator.runBlocked(() -> {
                synchronized (this) {
                    try {
                        if (entries.isEmpty()) {
                            wait(deadline == Long.MAX_VALUE ? 0 : Math.max(1, left / 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        interrupted[0] = e;
                    }
                }
            });
            if (interrupted[0] != null) {
                throw interrupted[0];
            }
        }
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "ReferenceQueue[" + name + ", " + size() + " enqueued]";
    }
}
