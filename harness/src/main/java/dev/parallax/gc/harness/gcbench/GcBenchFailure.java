package dev.parallax.gc.harness.gcbench;

/** A GCBench body ended without the long-lived data it must keep: the heap lost or corrupted objects. */
public class GcBenchFailure extends RuntimeException {
    public GcBenchFailure(String message) {
        super(message);
    }
}
