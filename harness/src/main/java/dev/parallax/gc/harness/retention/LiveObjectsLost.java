package dev.parallax.gc.harness.retention;

/** A retention run found its live graph broken: the collector reclaimed objects that were reachable. */
public class LiveObjectsLost extends RuntimeException {
    public LiveObjectsLost(String message) {
        super(message);
    }
}
