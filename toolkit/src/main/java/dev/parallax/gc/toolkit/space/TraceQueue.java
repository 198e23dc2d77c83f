package dev.parallax.gc.toolkit.space;

/** Where a space puts an object whose fields must be traced: the tracer's grey set. Allocation-free. */
@FunctionalInterface
public interface TraceQueue {
    void enqueue(long object);
}
