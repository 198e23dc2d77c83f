package dev.parallax.gc.toolkit.workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * GC worker threads for a plan's parallel phases, the calling (collecting) thread being worker 0.
 * Two ways to hand out a task:
 * <ul>
 * <li>{@link #run}: every worker runs it once, and the call returns when all have (for work divided
 *     by worker index, such as a sweep's share of the blocks);</li>
 * <li>{@link #runJoinable}: the caller runs it, and so does every helper that comes for it before
 *     the caller's own run of it returns; the call then waits only for those (for work the workers
 *     share dynamically, such as a trace's packets). A helper the operating system runs late,
 *     after the caller is done, skips the task instead of holding up the pause: on a virtual
 *     machine an idle vCPU may take milliseconds to wake.</li>
 * </ul>
 * The helper threads are daemons started once; between tasks each spins a little (the next phase
 * of the same pause usually follows at once), then parks. {@link #close} stops them. One thread
 * calls {@link #run} or {@link #runJoinable} at a time.
 *
 * <p>Cost: a task is handed over with one volatile write and an unpark per parked helper; no lock
 * is taken, so the caller starts its own share at once. A joinable task costs each helper that
 * joins one compare-and-set, and the caller one to close it.
 */
public final class WorkerPool implements AutoCloseable {
    /** Spin-wait rounds a helper waits for the next task before it parks (tens of microseconds). */
    private static final int SPINS = 1 << 8;

    private final int workers;
    private final Thread[] helpers;
    /** The task handed out last (generation 0: none yet); helpers read it whole, so task and generation agree. */
    private volatile Job job = new Job(0, null, false, 0);
    private volatile boolean closed;
    private volatile Thread caller;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param workers how many threads run each task, the caller included (at least 1) */
    public WorkerPool(int workers, String name) {
        this(workers, name, Runnable::run);
    }

    /**
     * For tests: each helper runs its loop through {@code start} (which may hold it back, as an
     * operating system that schedules it late would).
     */
    WorkerPool(int workers, String name, Consumer<Runnable> start) {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + workers);
        }
        this.workers = workers;
        this.helpers = new Thread[workers - 1];
        for (int i = 1; i < workers; i++) {
            int index = i;
            Thread t = new Thread(() -> start.accept(() -> helperLoop(index)), name + "-" + i);
            t.setDaemon(true);
            helpers[i - 1] = t;
            t.start();
        }
    }

    public int workers() {
        return workers;
    }

    /** Runs {@code task(worker)} for every worker index at once; rethrows the first failure. */
    public void run(IntConsumer task) {
        hand(new Job(job.generation + 1, task, false, workers - 1));
    }

    /**
     * Runs {@code task(0)} on the caller and {@code task(i)} on each helper {@code i} that comes for
     * it before the caller's run returns; waits for those helpers, not for the others (which skip
     * it); rethrows the first failure. The task must not depend on any helper taking part.
     */
    public void runJoinable(IntConsumer task) {
        hand(new Job(job.generation + 1, task, true, 0));
    }

    /** Publishes {@code next}, runs the caller's share, closes a joinable job to latecomers, waits for the helpers it must. */
    private void hand(Job next) {
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        caller = Thread.currentThread();
        job = next;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        try {
            next.task.accept(0);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        next.close();
        awaitHelpers(next);
        Throwable first = failure.getAndSet(null);
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Waits until every helper that must has finished the job (the pause cannot go on before). */
    private void awaitHelpers(Job current) {
        for (int round = 0; current.unfinished() > 0; round++) {
            if (round < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);   // a spurious wake-up or an interrupt only loops
            }
        }
    }

    /**
     * A task follows soon (the caller has work to do first, e.g. visiting roots): parked helpers
     * wake now and spin, so that the next task starts without waiting for the operating system to
     * schedule them. Cost: an unpark per helper; a helper not given a task parks again after its spin.
     */
    public void wake() {
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    private void helperLoop(int index) {
        long seen = 0;
        while (true) {
            Job current = job;
            for (int round = 0; current.generation == seen && !closed; round++, current = job) {
                if (round < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    round = 0;   // woken (for a task, by wake(), or spuriously): spin again before parking
                }
            }
            if (closed) {
                return;
            }
            seen = current.generation;
            if (!current.admit()) {
                continue;   // a joinable job its caller had already closed: skipped
            }
            try {
                current.task.accept(index);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                if (current.finish()) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Stops the helper threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /**
     * One task and who runs it. {@code state} counts the helpers that must still finish it (all of
     * them for a plain job; those admitted so far for a joinable one), with {@link #CLOSED} set once
     * a joinable job admits no more.
     */
    private static final class Job {
        private static final int CLOSED = 1 << 30;

        final long generation;
        final IntConsumer task;
        private final boolean joinable;
        private final AtomicInteger state;

        Job(long generation, IntConsumer task, boolean joinable, int mustFinish) {
            this.generation = generation;
            this.task = task;
            this.joinable = joinable;
            this.state = new AtomicInteger(mustFinish);
        }

        /** Whether a helper that came for this job runs it: always for a plain job; for a joinable one, unless closed. */
        boolean admit() {
            if (!joinable) {
                return true;
            }
            for (int s = state.get(); (s & CLOSED) == 0; s = state.get()) {
                if (state.compareAndSet(s, s + 1)) {
                    return true;
                }
            }
            return false;
        }

        /** A helper finished it: true when it was the last one the caller waits for. */
        boolean finish() {
            return (state.decrementAndGet() & ~CLOSED) == 0;
        }

        /** The caller's share is done: a joinable job admits no more helpers. */
        void close() {
            if (joinable) {
                state.getAndUpdate(s -> s | CLOSED);
            }
        }

        int unfinished() {
            return state.get() & ~CLOSED;
        }
    }
}
