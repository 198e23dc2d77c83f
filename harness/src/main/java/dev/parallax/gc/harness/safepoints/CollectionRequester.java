package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A second mutator thread that asks for a collection step every {@code intervalNanos}, so that the
 * worker must reach a poll: the time-to-safepoint of those requests is the worker's. Between
 * requests it sleeps blocked ({@link Mutator#runBlocked}), so it never delays a stop itself.
 */
public final class CollectionRequester implements AutoCloseable {
    /** The reason the runtime gives a collection asked for with {@link Mutator#collectStep()}. */
    public static final String REASON = "step";

    private final Thread thread;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** Starts the thread; it attaches to {@code runtime} as mutator "requester" before this returns. */
    public CollectionRequester(GcRuntime runtime, long intervalNanos) {
        thread = Thread.ofPlatform().name("parallax-requester").daemon().start(() -> requestLoop(runtime, intervalNanos));
        try {
            attached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the requester attached", e);
        }
        rethrowFailure();
    }

    private void requestLoop(GcRuntime runtime, long intervalNanos) {
        try (Mutator m = runtime.attach("requester")) {
            attached.countDown();
            while (running) {
                m.runBlocked(() -> LockSupport.parkNanos(intervalNanos));
                if (running) {
                    m.collectStep();
                }
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            attached.countDown();
        }
    }

    /**
     * Stops requesting and waits for the thread. Call it with the worker blocked or polling, since
     * a request in flight waits for the worker.
     *
     * @throws IllegalStateException when the requester failed (with its exception as cause)
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("the collection requester failed: " + t, t);
        }
    }
}
