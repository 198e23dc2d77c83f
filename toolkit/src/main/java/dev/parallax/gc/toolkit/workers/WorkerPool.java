package dev.parallax.gc.toolkit.workers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * GC worker threads for a plan's parallel phases: {@link #run} runs a task on every worker at once,
 * the calling (collecting) thread being worker 0, and returns when all have finished. The helper
 * threads are daemons started once; between tasks each spins a little (the next phase of the same
 * pause usually follows at once), then parks. {@link #close} stops them. One thread calls
 * {@link #run} at a time.
 *
 * <p>Cost: a task is handed over with one volatile write and an unpark per parked helper; no lock
 * is taken, so the caller starts its own share at once. A parked helper joins after the operating
 * system's wake-up latency (tens of microseconds on a virtual machine), a spinning one at once.
 */
public final class WorkerPool implements AutoCloseable {
    /** Spin-wait rounds a helper waits for the next task before it parks (tens of microseconds). */
    private static final int SPINS = 1 << 8;

    private final int workers;
    private final Thread[] helpers;
    /** The task of the current generation; written before {@link #generation}, read after it. */
    private IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    /** Helpers still running the current task; the last one to finish unparks {@link #caller}. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile Thread caller;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param workers how many threads run each task, the caller included (at least 1) */
    public WorkerPool(int workers, String name) {
        if (workers < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, not " + workers);
        }
        this.workers = workers;
        this.helpers = new Thread[workers - 1];
        for (int i = 1; i < workers; i++) {
            int index = i;
            Thread t = new Thread(() -> helperLoop(index), name + "-" + i);
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
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        caller = Thread.currentThread();
        running.set(workers - 1);
        this.task = task;
        generation = generation + 1;   // publishes task: helpers read it after seeing the new generation
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        awaitHelpers();
        Throwable first = failure.getAndSet(null);
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Waits until every helper has finished the current task (the pause cannot go on before). */
    private void awaitHelpers() {
        for (int round = 0; running.get() > 0; round++) {
            if (round < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);   // a spurious wake-up or an interrupt only loops
            }
        }
    }

    /**
     * A task follows soon (the caller has work to do first, e.g. visiting roots): parked helpers
     * wake now and spin, so that the next {@link #run} starts without waiting for the operating
     * system to schedule them. Cost: an unpark per helper; a helper not given a task parks again
     * after its spin.
     */
    public void wake() {
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    private void helperLoop(int index) {
        long seen = 0;
        while (true) {
            for (int round = 0; generation == seen && !closed; round++) {
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
            seen = generation;
            IntConsumer work = task;
            try {
                work.accept(index);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                if (running.decrementAndGet() == 0) {
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
}
