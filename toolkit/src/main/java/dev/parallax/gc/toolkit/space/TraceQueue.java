package dev.parallax.gc.toolkit.space;

/** Where a space puts an object whose fields must be traced: the tracer's grey set. Allocation-free. */
@FunctionalInterface
public interface TraceQueue {
    void enqueue(long object);

    /**
     * The GC worker this queue belongs to: 0 for a lone tracer, 0..n-1 in a parallel trace. A space
     * that keeps per-worker state during a trace (a copy space's copy targets) indexes it by this.
     */
    default int worker() {
        return 0;
    }
}
