package dev.parallax.gc.runtime.handshake;

import dev.parallax.gc.api.SafepointTimeoutException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

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
 *
 * <p>Threads that die without closing their mutator: Java signals no thread's end, so the coordinator
 * looks. A mutator whose thread is dead is detached (EXITED) at the next attach, at the start of every
 * collection, and while a collection waits for the mutators to stop (it re-checks at least every
 * {@link #EXIT_CHECK_NANOS}); the runtime is told ({@code onExited}) so it retires the mutator's
 * allocation buffer and frees its stack region. Its stack is then no longer a root.
 *
 * <p>A stop that takes longer than the timeout (config key {@code safepoint-timeout}) fails with a
 * {@link SafepointTimeoutException} naming every mutator that did not stop, its thread and state,
 * where it last reached a safepoint, and where its thread is now; the mutators are released.
 */
public final class SafepointCoordinator {
    /** While a collection waits for the mutators to stop, it looks for dead owner threads this often. */
    public static final long EXIT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Stack frames of a laggard's thread shown in a timeout message. */
    private static final int STACK_FRAMES_SHOWN = 8;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a mutator stops (parks, blocks, detaches): the requester re-checks. */
    private final Condition stopped = lock.newCondition();
    /** Signalled when a collection ends: parked and waiting threads re-check. */
    private final Condition released = lock.newCondition();
    private final List<MutatorState> attached = new ArrayList<>();
    private final PauseHandler handler;
    private final long stopTimeoutNanos;
    private final Consumer<MutatorState> onExited;
    private final AtomicLong violations = new AtomicLong();
    /** The calling thread's attached mutator, for the debug checks of heap access from outside a Mutator. */
    private final ThreadLocal<MutatorState> current = new ThreadLocal<>();

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

    /**
     * @param onExited called, with the lock held, for the mutator of a thread that died without closing
     *                 it, once it is detached: the runtime retires its buffer and frees its stack region
     */
    public SafepointCoordinator(PauseHandler handler, long stopTimeoutNanos, Consumer<MutatorState> onExited) {
        this.handler = handler;
        this.stopTimeoutNanos = stopTimeoutNanos;
        this.onExited = onExited;
    }

    /** A coordinator that needs no notice of exited mutators (tests). */
    public SafepointCoordinator(PauseHandler handler, long stopTimeoutNanos) {
        this(handler, stopTimeoutNanos, m -> { });
    }

    /** How long a collection waits for the mutators to stop. */
    public long stopTimeoutNanos() {
        return stopTimeoutNanos;
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

    /** Adds a running mutator owned by the calling thread, after any collection in progress. */
    public void attach(MutatorState mutator) {
        lock.lock();
        try {
            awaitNoCollection();
            if (closed) {
                throw new IllegalStateException("cannot attach mutator '" + mutator.name() + "': the runtime is closed");
            }
            reapExited();
            attached.add(mutator);
            if (mutator.owner() == Thread.currentThread()) {
                current.set(mutator);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Detaches the mutators whose threads died without closing them, after any collection in progress.
     * The runtime calls it before it hands out a stack region, so dead threads never hold one.
     */
    public void detachExited() {
        lock.lock();
        try {
            awaitNoCollection();
            reapExited();
        } finally {
            lock.unlock();
        }
    }

    /** With the lock held, no pause running: every mutator of a dead thread becomes EXITED and is reported. */
    private void reapExited() {
        for (Iterator<MutatorState> it = attached.iterator(); it.hasNext(); ) {
            MutatorState m = it.next();
            if (!m.owner().isAlive()) {
                it.remove();
                m.setStatus(MutatorStatus.EXITED);
                onExited.accept(m);
            }
        }
    }

    /** The calling thread's attached mutator, or null. */
    public MutatorState currentMutator() {
        return current.get();
    }

    /**
     * Debug mode: refuses a heap access made outside a {@code Mutator} (a global cell's read or write)
     * unless the calling thread is an attached mutator, running, with no collection running.
     *
     * @param what "global 'g': set", for the message
     */
    public void checkMutatorAccess(String what) {
        MutatorState m = current.get();
        if (m == null || m.status() == MutatorStatus.EXITED) {
            throw new IllegalStateException(what + " from thread '" + Thread.currentThread().getName()
                    + "', which is not an attached mutator: only mutators read and write global cells, between "
                    + "safepoints (a collection may be rewriting them)");
        }
        if (m.status() != MutatorStatus.RUNNING || collectionRunning) {
            recordViolation();
            throw new IllegalStateException(what + " by mutator '" + m.name() + "' during collection #" + latestNumber
                    + " (mutator status " + m.status() + ", collection " + (collectionRunning ? "running" : "not running")
                    + ")");
        }
    }

    /** Removes a mutator; if a collection is in progress it counts as parked until that ends. Idempotent. */
    public void detach(MutatorState mutator) {
        lock.lock();
        try {
            if (mutator.status() == MutatorStatus.EXITED) {
                return;
            }
            stopAndAwaitRelease(mutator, MutatorStatus.AT_SAFEPOINT);
            attached.remove(mutator);
            mutator.setStatus(MutatorStatus.EXITED);
            if (current.get() == mutator) {
                current.remove();
            }
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The slow path of a poll that saw the stop flag: parks until the collection ends.
     *
     * @param site what kind of safepoint the mutator reached ("an allocation poll"), for diagnostics
     */
    public void park(MutatorState mutator, String site) {
        lock.lock();
        try {
            mutator.reachedSafepoint(site);
            MutatorStatus before = mutator.status();
            stopAndAwaitRelease(mutator, MutatorStatus.AT_SAFEPOINT);
            mutator.setStatus(before);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the mutator BLOCKED: collections proceed without waiting for it. */
    public void block(MutatorState mutator) {
        lock.lock();
        try {
            mutator.reachedSafepoint("runBlocked");
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
            reapExited();
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
     * @throws SafepointTimeoutException if some mutator does not stop within the timeout (the mutators
     *                                   are released and nothing is collected)
     */
    public CollectOutcome collect(MutatorState requester, String reason, PauseKind kind, Runnable beforeRelease) {
        long number;
        long requestNanos;
        lock.lock();
        try {
            if (requester != null) {
                requester.reachedSafepoint("its own request for a collection (" + reason + ")");
            }
            if (inCollection) {
                CollectOutcome joined = inProgress == PauseKind.INCREMENT ? CollectOutcome.JOINED_INCREMENT
                        : PARTIAL_ALLOWED.contains(inProgressReason) && !reason.equals(inProgressReason)
                        ? CollectOutcome.JOINED_OTHER : CollectOutcome.JOINED_FULL;
                if (requester != null) {
                    stopAndAwaitRelease(requester, MutatorStatus.AT_SAFEPOINT);
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
            List<MutatorState> mutators = awaitAllStopped(number, reason, requester);
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

    /**
     * Waits until every attached mutator is stopped, detaching those whose thread died meanwhile;
     * returns them. Throws, naming the laggards, on timeout.
     */
    private List<MutatorState> awaitAllStopped(long number, String reason, MutatorState requester) {
        lock.lock();
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + stopTimeoutNanos;
            while (true) {
                reapExited();
                List<MutatorState> running = running();
                if (running.isEmpty()) {
                    return List.copyOf(attached);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw timeout(number, reason, requester, running);
                }
                try {
                    // woken when a mutator stops; also every EXIT_CHECK_NANOS, to notice a thread that died
                    stopped.awaitNanos(Math.min(remaining, EXIT_CHECK_NANOS));
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

    /** Attached mutators not yet stopped. */
    private List<MutatorState> running() {
        List<MutatorState> out = new ArrayList<>();
        for (MutatorState m : attached) {
            if (!m.status().isStopped()) {
                out.add(m);
            }
        }
        return out;
    }

    private SafepointTimeoutException timeout(long number, String reason, MutatorState requester,
                                              List<MutatorState> laggards) {
        long now = System.nanoTime();
        long millis = TimeUnit.NANOSECONDS.toMillis(stopTimeoutNanos);
        StringBuilder out = new StringBuilder();
        out.append("collection #").append(number).append(" (").append(reason).append(", requested by ")
                .append(requester == null ? "control thread '" + Thread.currentThread().getName() + "'"
                        : "mutator '" + requester.name() + "'")
                .append("): ").append(laggards.size() == 1 ? "1 mutator" : laggards.size() + " mutators")
                .append(" did not reach a safepoint within ").append(millis)
                .append(" ms (config key safepoint-timeout); nothing was collected and every mutator was released. ")
                .append("Do they poll (allocate, back-edges, function entries, poll()), or call runBlocked around "
                        + "blocking work?");
        List<String> names = new ArrayList<>();
        for (MutatorState m : laggards) {
            names.add(m.name());
            out.append("\n  ").append(m.diagnose(now)).append(", now at:");
            StackTraceElement[] frames = m.owner().getStackTrace();
            for (int i = 0; i < Math.min(STACK_FRAMES_SHOWN, frames.length); i++) {
                out.append("\n      at ").append(frames[i]);
            }
            if (frames.length == 0) {
                out.append(" (no stack available)");
            }
        }
        return new SafepointTimeoutException(out.toString(), names, millis);
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
