package dev.parallax.gc.runtime.handshake;

/**
 * Where a mutator thread stands in the stop-the-world handshake. The state machine (every change
 * happens under the coordinator's lock; only the owner thread moves its own mutator, except that the
 * runtime moves the mutator of a thread that died to EXITED):
 * <pre>
 * attach --&gt; RUNNING --poll sees a stop--&gt; AT_SAFEPOINT --collection ends--&gt; RUNNING
 *             RUNNING --runBlocked--&gt; BLOCKED --action returns, after any collection--&gt; RUNNING
 *             RUNNING --collect / collectStep / allocation failure--&gt; COLLECTING (runs the pause) --&gt; RUNNING
 *                                     (or, if another pause is in progress, AT_SAFEPOINT until it ends)
 *             any --close, or the thread died--&gt; EXITED (detached: its stack is no root, its region freed)
 * </pre>
 * A collection proceeds once no attached mutator is RUNNING.
 */
public enum MutatorStatus {
    /** Running mutator code; a collection must wait for it to reach a safepoint (a poll). */
    RUNNING,
    /** Stopped at a safepoint (a poll, or joining another thread's pause) until the collection in progress ends. */
    AT_SAFEPOINT,
    /**
     * Inside {@code runBlocked}, outside the heap: counts as stopped, so collections need not wait for
     * it; on return it first waits for any collection in progress.
     */
    BLOCKED,
    /** Running a collection it requested: stopped as far as the heap is concerned. */
    COLLECTING,
    /**
     * Closed, or its thread died without closing it: no longer part of the handshake, its stack no
     * longer a root and its stack region free for the next mutator.
     */
    EXITED;

    /** Whether a collection may proceed while a mutator is in this status. */
    public boolean isStopped() {
        return this != RUNNING;
    }
}
