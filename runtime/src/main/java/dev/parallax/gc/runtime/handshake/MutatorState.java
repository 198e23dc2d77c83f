package dev.parallax.gc.runtime.handshake;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.collector.MutatorContext;
import dev.parallax.gc.api.roots.MutatorStackView;

/**
 * One attached mutator as the handshake sees it: its name and thread, its status, where it last
 * reached a safepoint (for timeout diagnostics), and what a pause needs from it (its stack, a root,
 * and its collector context, to flush and reset).
 *
 * <p>The status changes only under the coordinator's lock (on the owner thread, except EXITED for a
 * thread that died); it is volatile so the owner's debug checks and the collector read it without
 * the lock. The last safepoint is recorded on the slow paths only (parking, blocking, collecting),
 * never on a poll that finds no stop requested.
 */
public final class MutatorState {
    private final String name;
    private final Thread owner;
    private final MutatorStackView stack;
    private final MutatorContext context;
    private final long attachedNanos = System.nanoTime();
    private volatile MutatorStatus status = MutatorStatus.RUNNING;
    private volatile String lastSafepoint;
    /** Debug mode: the kind of the last poll, stopped or not; null in release mode. */
    private volatile String lastPoll;
    private volatile long lastSafepointNanos;

    public MutatorState(String name, Thread owner, MutatorStackView stack, MutatorContext context) {
        this.name = name;
        this.owner = owner;
        this.stack = stack;
        this.context = context;
    }

    public String name() {
        return name;
    }

    public Thread owner() {
        return owner;
    }

    public MutatorStackView stack() {
        return stack;
    }

    /** The buffer the mutator's fast path bumps (its context's). */
    public AllocationBuffer buffer() {
        return context.buffer();
    }

    /** The mutator's allocation state, as its collector defines it. */
    public MutatorContext context() {
        return context;
    }

    public MutatorStatus status() {
        return status;
    }

    void setStatus(MutatorStatus status) {
        this.status = status;
    }

    /** Records that the mutator reached a safepoint of kind {@code site} ("a back-edge poll", "runBlocked"). */
    void reachedSafepoint(String site) {
        lastSafepoint = site;
        lastSafepointNanos = System.nanoTime();
    }

    /** Debug mode: the mutator polled at a site of this kind (whether or not it had to stop). */
    public void polledAt(String site) {
        lastPoll = site;
    }

    /**
     * "mutator 'w' (thread 'worker-1', RUNNING; last stopped at: a back-edge poll, 12 ms ago)", as a
     * timeout names a mutator that did not stop. "Stopped at" counts the safepoints where the mutator
     * actually stopped (parked, blocked, collected): a poll that finds no stop requested records
     * nothing in release mode, so that polls stay one volatile read; debug mode also names the last poll,
     * stopped or not.
     */
    public String diagnose(long nowNanos) {
        String last = lastSafepoint == null
                ? "never since it attached " + millis(nowNanos - attachedNanos) + " ago"
                : lastSafepoint + ", " + millis(nowNanos - lastSafepointNanos) + " ago";
        String poll = lastPoll == null ? "" : "; last poll: " + lastPoll;
        return "mutator '" + name + "' (thread '" + owner.getName() + "', " + status + "; last stopped at: " + last
                + poll + ")";
    }

    private static String millis(long nanos) {
        return nanos / 1_000_000 + " ms";
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + status + ")";
    }
}
