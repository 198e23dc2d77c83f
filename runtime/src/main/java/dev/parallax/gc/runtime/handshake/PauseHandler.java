package dev.parallax.gc.runtime.handshake;

import java.util.List;

/**
 * The work of one stop-the-world pause, driven by the {@link SafepointCoordinator}. The calls for
 * one collection come in order on the requesting thread: {@link #stopRequested}, then (once every
 * mutator is stopped) {@link #runPause}, then {@link #finished} just before the mutators are woken,
 * then {@link #resumed} after. If the stop times out, {@link #abandoned} replaces the last three.
 */
public interface PauseHandler {
    /** The stop flag was just raised at {@code requestNanos} ({@link System#nanoTime()}). */
    void stopRequested(long number, String reason, long requestNanos);

    /**
     * Collects with the world stopped: {@code mutators} are all attached mutators, each parked,
     * blocked, or the requester itself. Runs with no coordinator lock held.
     */
    void runPause(long number, String reason, PauseKind kind, List<MutatorState> mutators, long stoppedNanos);

    /**
     * The pause ends at {@code releaseNanos}; {@code failure} is what runPause threw, or null. Called
     * with the coordinator's lock held, so that a woken mutator sees the pause accounted: must be
     * quick and must not call back into the coordinator or user code.
     */
    void finished(long number, long releaseNanos, Throwable failure);

    /** The mutators are running again (listeners may be told now). */
    void resumed(long number, Throwable failure);

    /** The stop timed out; the mutators were released without a collection. */
    void abandoned(long number);
}
