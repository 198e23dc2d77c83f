package dev.parallax.gc.toolkit.workers;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * GC worker threads for a plan's parallel phases: {@link #run} runs a task on every worker at once,
 * the calling (collecting) thread being worker 0, and returns when all have finished. The helper
 * threads are daemons started once and parked between pauses; {@link #close} stops them.
 *
 * <p>Cost: waking the helpers and waiting for them is a few tens of microseconds per {@link #run},
 * small beside a trace of a realistic heap.
 */
public final class WorkerPool implements AutoCloseable {
    private final int workers;
    private final Thread[] helpers;
    private final Object lock = new Object();
    private IntConsumer task;
    private long generation;
    private CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean closed;

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
        CountDownLatch latch = new CountDownLatch(workers - 1);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the worker pool is closed");
            }
            this.task = task;
            this.done = latch;
            generation++;
            lock.notifyAll();
        }
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;   // the helpers must finish before the pause can go on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = failure.getAndSet(null);
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private void helperLoop(int index) {
        long seen = 0;
        while (true) {
            IntConsumer work;
            CountDownLatch latch;
            synchronized (lock) {
                while (generation == seen && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // a daemon parked between pauses: keep waiting until closed
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                work = task;
                latch = done;
            }
            try {
                work.accept(index);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                latch.countDown();
            }
        }
    }

    /** Stops the helper threads. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
