package dev.parallax.gc.runtime.reference;

import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.api.reference.Finalizer;

import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The objects whose finalizer is due, and the finalizer thread that runs them: a daemon thread,
 * attached as the mutator "finalizer" when the first finalizer is registered, that takes one object
 * at a time from its handle into slot 0 of its frame and runs the finalizer there, never in a
 * pause. A finalizer that throws is counted and its exception dropped (as in Java).
 */
public final class FinalizerQueue {
    private record Due(int handle, Finalizer finalizer) {
    }

    private final Function<String, Mutator> attach;
    private final ArrayDeque<Due> due = new ArrayDeque<>();
    private Handles handles;
    private Thread thread;
    private boolean stopping;
    /** Due and not yet finished (queued plus the one running). */
    private long pending;
    private long run;
    private long failures;
    private volatile Throwable lastFailure;
    /** Why the finalizer thread could not attach (no stack region left), or null. */
    private RuntimeException attachFailure;

    /** @param attach attaches the calling thread as a mutator of the runtime */
    public FinalizerQueue(Function<String, Mutator> attach) {
        this.attach = attach;
    }

    synchronized void bind(Handles handles) {
        this.handles = handles;
    }

    /** In a pause: the object in {@code handle} is due. */
    synchronized void add(int handle, Finalizer finalizer) {
        due.add(new Due(handle, finalizer));
        pending++;
        notifyAll();
    }

    /** Starts the finalizer thread unless it runs. */
    synchronized void start() {
        if (thread != null || stopping) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("parallax-finalizer").unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        Mutator m;
        try {
            m = attach.apply("finalizer");
        } catch (RuntimeException e) {
            synchronized (this) {
                attachFailure = e;
                notifyAll();
            }
            return;
        }
        try {
            m.pushFrame(1);
            while (true) {
                Due next;
                synchronized (this) {
                    next = due.poll();
                    if (next == null && stopping) {
                        return;
                    }
                }
                if (next == null) {
                    m.runBlocked(this::awaitWork);
                    continue;
                }
                m.setValue(0, handles.take(next.handle()));   // no safepoint between: the object stays rooted
                try {
                    next.finalizer().finalize(m, 0);
                } catch (Throwable t) {
                    lastFailure = t;
                    synchronized (this) {
                        failures++;
                    }
                }
                while (m.frameDepth() > 1) {
                    m.popFrame();   // a finalizer that left frames behind
                }
                m.clear(0);
                synchronized (this) {
                    pending--;
                    run++;
                    notifyAll();
                }
            }
        } finally {
            m.close();
        }
    }

    private synchronized void awaitWork() {
        while (due.isEmpty() && !stopping) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits (the caller's mutator inactive) until nothing is due or running. */
    boolean await(Mutator mutator, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        boolean[] done = {false};
        InterruptedException[] interrupted = {null};
        mutator.runBlocked(() -> {
            synchronized (this) {
                try {
                    while (pending > 0 && attachFailure == null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return;
                        }
                        wait(Math.max(1, left / 1_000_000));
                    }
                    done[0] = true;
                } catch (InterruptedException e) {
                    interrupted[0] = e;
                }
            }
        });
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
        synchronized (this) {
            if (attachFailure != null) {
                throw new IllegalStateException("the finalizer thread could not attach, so no finalizer runs: "
                        + attachFailure.getMessage(), attachFailure);
            }
        }
        return done[0];
    }

    synchronized long run() {
        return run;
    }

    synchronized long failures() {
        return failures;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    /** Stops the thread (finalizers still due are not run) and waits for it to detach. */
    void stop() {
        Thread t;
        synchronized (this) {
            stopping = true;
            due.clear();
            notifyAll();
            t = thread;
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
