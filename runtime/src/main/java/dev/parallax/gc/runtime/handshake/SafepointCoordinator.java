package dev.parallax.gc.runtime.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stop-the-world handshake. A collection raises a volatile stop flag that mutators read at each
 * poll; a mutator that sees it parks until the collection ends. The requester waits (on a condition,
 * never spinning) until every other attached mutator is parked or blocked, runs the pause through
 * the {@link PauseHandler}, then clears the flag and wakes everyone.
 *
 * <p>Invariants, all guarded by {@link #lock}: at most one collection is in progress
 * ({@link #inCollection}); while one is, no mutator attaches, detaches, leaves BLOCKED or stops
 * parking; a mutator's status changes only on its own thread. A second requester that arrives while
 * a collection is in progress parks and returns after it without running another; the
 * {@link CollectOutcome} tells it what it waited for, so it can ask again if it still needs to.
 */
public final class SafepointCoordinator {
    /** How long a collection waits for the mutators to stop before giving up with an error. */
    public static final long DEFAULT_STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a mutator stops (parks, blocks, detaches): the requester re-checks. */
    private final Condition stopped = lock.newCondition();
    /** Signalled when a collection ends: parked and waiting threads re-check. */
    private final Condition released = lock.newCondition();
    private final List<MutatorState> attached = new ArrayList<>();
    private final PauseHandler handler;
    private final long stopTimeoutNanos;
    private final AtomicLong violations = new AtomicLong();

    private volatile boolean stopRequested;
    /** True from "every mutator stopped" to release: no mutator may touch the heap. */
    private volatile boolean collectionRunning;
    private volatile long latestNumber;
    private boolean inCollection;
    private PauseKind inProgress;
    private String inProgressReason;
    /** Reasons for which a collector may make a full pause a partial collection (a generational minor one). */
    private static final java.util.Set<String> PARTIAL_ALLOWED = java.util.Set.of("allocation failure", "stress");
    private boolean closed;

    public SafepointCoordinator(PauseHandler handler, long stopTimeoutNanos) {
        this.handler = handler;
        this.stopTimeoutNanos = stopTimeoutNanos;
    }

    /** The poll: one volatile read. True when the caller must {@link #park}. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Whether a collection is past its handshake and running now. */
    public boolean collectionRunning() {
        return collectionRunning;
    }

    /** The number of the collection in progress, or of the latest one (0 before any). */
    public long latestCollection() {
        return latestNumber;
    }

    /** Counts a debug-mode heap access made during a collection; returns the new count. */
    public long recordViolation() {
        return violations.incrementAndGet();
    }

    public long violations() {
        return violations.get();
    }

    // ---- mutator life cycle -------------------------------------------------------------------

    /** Adds a running mutator, after any collection in progress. */
    public void attach(MutatorState mutator) {
        lock.lock();
        try {
            awaitNoCollection();
            if (closed) {
                throw new IllegalStateException("cannot attach mutator '" + mutator.name() + "': the runtime is closed");
            }
            attached.add(mutator);
        } finally {
            lock.unlock();
        }
    }

    /** Removes a mutator; if a collection is in progress it counts as parked until that ends. Idempotent. */
    public void detach(MutatorState mutator) {
        lock.lock();
        try {
            if (mutator.status() == MutatorStatus.DETACHED) {
                return;
            }
            stopAndAwaitRelease(mutator, MutatorStatus.PARKED);
            attached.remove(mutator);
            mutator.setStatus(MutatorStatus.DETACHED);
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The slow path of a poll that saw the stop flag: parks until the collection ends. */
    public void park(MutatorState mutator) {
        lock.lock();
        try {
            MutatorStatus before = mutator.status();
            stopAndAwaitRelease(mutator, MutatorStatus.PARKED);
            mutator.setStatus(before);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the mutator BLOCKED: collections proceed without waiting for it. */
    public void block(MutatorState mutator) {
        lock.lock();
        try {
            mutator.setStatus(MutatorStatus.BLOCKED);
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Leaves BLOCKED, first waiting for any collection in progress to end. */
    public void unblock(MutatorState mutator) {
        lock.lock();
        try {
            awaitNoCollection();
            mutator.setStatus(MutatorStatus.RUNNING);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses further attaches, after any collection in progress. Mutators whose thread died without
     * closing them are dropped.
     *
     * @throws IllegalStateException if mutators of live threads remain attached
     */
    public void close() {
        lock.lock();
        try {
            awaitNoCollection();
            attached.removeIf(m -> !m.owner().isAlive());
            if (!attached.isEmpty()) {
                throw new IllegalStateException("cannot close the runtime: mutators " + attached
                        + " are still attached; close them first");
            }
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    // ---- collection ---------------------------------------------------------------------------

    /** {@link #collect(MutatorState, String, PauseKind, Runnable)} with nothing to do after the collection. */
    public CollectOutcome collect(MutatorState requester, String reason, PauseKind kind) {
        return collect(requester, reason, kind, null);
    }

    /**
     * Runs one stop-the-world pause, or joins the one in progress.
     *
     * @param requester     the calling mutator, or null for a control thread (which is not a mutator)
     * @param beforeRelease run by this call, if it runs the pause, after the collection and before the
     *                      mutators are released (an allocation retried there cannot be raced); may be null
     * @return whether this call ran the pause or waited for one already in progress, and of which kind
     * @throws IllegalStateException if some mutator does not stop within the timeout (the mutators are
     *                               released and nothing is collected)
     */
    public CollectOutcome collect(MutatorState requester, String reason, PauseKind kind, Runnable beforeRelease) {
        long number;
        long requestNanos;
        lock.lock();
        try {
            if (inCollection) {
                CollectOutcome joined = inProgress == PauseKind.INCREMENT ? CollectOutcome.JOINED_INCREMENT
                        : PARTIAL_ALLOWED.contains(inProgressReason) && !reason.equals(inProgressReason)
                        ? CollectOutcome.JOINED_OTHER : CollectOutcome.JOINED_FULL;
                if (requester != null) {
                    stopAndAwaitRelease(requester, MutatorStatus.PARKED);
                    requester.setStatus(MutatorStatus.RUNNING);
                } else {
                    awaitNoCollection();
                }
                return joined;
            }
            inCollection = true;
            inProgress = kind;
            inProgressReason = reason;
            number = latestNumber + 1;
            latestNumber = number;
            if (requester != null) {
                requester.setStatus(MutatorStatus.COLLECTING);
            }
            stopRequested = true;
            requestNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
        runCollection(requester, number, reason, kind, requestNanos, beforeRelease);
        return CollectOutcome.RAN;
    }

    private void runCollection(MutatorState requester, long number, String reason, PauseKind kind, long requestNanos,
                               Runnable beforeRelease) {
        boolean stoppedAll = false;
        Throwable failure = null;
        try {
            handler.stopRequested(number, reason, requestNanos);
            List<MutatorState> mutators = awaitAllStopped(number);
            long stoppedNanos = System.nanoTime();
            collectionRunning = true;
            stoppedAll = true;
            handler.runPause(number, reason, kind, mutators, stoppedNanos);
            if (beforeRelease != null) {
                beforeRelease.run();
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            release(requester, number, stoppedAll, failure);
            afterRelease(number, stoppedAll, failure);
        }
    }

    /** Tells the handler the mutators run again; a failure there is attached to the pause's own failure, if any. */
    private void afterRelease(long number, boolean stoppedAll, Throwable failure) {
        try {
            if (stoppedAll) {
                handler.resumed(number, failure);
            } else {
                handler.abandoned(number);
            }
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Waits until every attached mutator is stopped; returns them. Throws, naming the laggards, on timeout. */
    private List<MutatorState> awaitAllStopped(long number) {
        lock.lock();
        boolean interrupted = false;
        try {
            long remaining = stopTimeoutNanos;
            while (true) {
                List<MutatorState> running = running();
                if (running.isEmpty()) {
                    return List.copyOf(attached);
                }
                if (remaining <= 0) {
                    throw new IllegalStateException("collection #" + number + ": mutators " + running
                            + " did not reach a safepoint within " + TimeUnit.NANOSECONDS.toMillis(stopTimeoutNanos)
                            + " ms (do they poll, or call runBlocked around blocking work?)");
                }
                try {
                    remaining = stopped.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    interrupted = true; // the handshake must complete; the interrupt is restored below
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Attached mutators not yet stopped; a thread that died without closing its mutator counts as stopped. */
    private List<MutatorState> running() {
        List<MutatorState> out = new ArrayList<>();
        for (MutatorState m : attached) {
            if (!m.status().isStopped() && m.owner().isAlive()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Accounts the pause, clears the stop flag and wakes every waiting thread. */
    private void release(MutatorState requester, long number, boolean stoppedAll, Throwable failure) {
        lock.lock();
        try {
            if (stoppedAll) {
                handler.finished(number, System.nanoTime(), failure);
            }
        } finally {
            collectionRunning = false;
            stopRequested = false;
            inCollection = false;
            if (requester != null) {
                requester.setStatus(MutatorStatus.RUNNING);
            }
            released.signalAll();
            lock.unlock();
        }
    }

    /** With the lock held: counts {@code mutator} as stopped while a collection is in progress. */
    private void stopAndAwaitRelease(MutatorState mutator, MutatorStatus whileStopped) {
        if (inCollection) {
            mutator.setStatus(whileStopped);
            stopped.signalAll();
            awaitNoCollection();
        }
    }

    /** With the lock held: waits until no collection is in progress. Uninterruptible: the handshake must hold. */
    private void awaitNoCollection() {
        while (inCollection) {
            released.awaitUninterruptibly();
        }
    }
}
