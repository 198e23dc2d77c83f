package dev.parallax.gc.harness.bench;

/**
 * Reads one heap's collection figures over the timed bodies of a benchmark run. Called on the
 * benchmark's thread, between bodies, never while one runs.
 */
public interface GcMeter extends AutoCloseable {
    /** Starts the timed part: what happened before (the warm-up) does not count. */
    void startTimed();

    /** The collector's pause time so far, in milliseconds, cumulative (read around each timed body). */
    double pauseMillis();

    /** Ends the timed part after {@code bodies} bodies and returns what the collector did. */
    GcFigures stopTimed(int bodies);

    /** Stops observing the heap. */
    @Override
    default void close() {
    }
}
