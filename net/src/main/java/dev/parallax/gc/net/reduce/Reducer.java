package dev.parallax.gc.net.reduce;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.Mutator;
import dev.parallax.gc.net.slab.NetException;
import dev.parallax.gc.net.slab.NetMemory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The pool of worker threads that reduce a net to normal form. Each worker is a mutator of the
 * runtime: it attaches for the reduction, declares a loop back-edge after every interaction (a poll
 * where the safepoint policy says so) and polls explicitly every {@value #POLL_EVERY} interactions
 * whatever the policy (a worker that only links ports never allocates, and a stop must not wait for
 * its whole reduction), polls at every allocation as any mutator does, parks for stop-the-world like
 * any mutator thread, and while it has no work it waits {@link Mutator#runBlocked blocked}, so it
 * counts as stopped. Worker i keeps its redexes on its own {@link RedexStack} and steals from the
 * others' shared queues when it runs dry; the reduction ends when every worker is idle and no queue
 * holds a redex.
 */
public final class Reducer {
    static final int POLL_EVERY = 256;
    private static final long IDLE_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final GcRuntime runtime;
    private final NetMemory memory;
    private final RedexStack[] stacks;
    private final Interactions[] workers;
    private final RedexStack pending = new RedexStack();
    private final Interactions builder;
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** This reduction's worker threads (all created before any starts, so a worker may unpark the others). */
    private final Thread[] threads;
    private final Runnable[] workBody;
    /** Pending redexes at the start of the current reduction (written before the workers start). */
    private int dealtTotal;
    /** Per worker: 1 once some worker has taken that worker's block of the pending redexes this reduction. */
    private final AtomicIntegerArray blockClaimed;
    /** Blocks of the pending redexes not taken yet this reduction. */
    private final AtomicInteger unclaimedBlocks = new AtomicInteger();
    private volatile boolean reducing;

    public Reducer(GcRuntime runtime, NetMemory memory) {
        this.runtime = runtime;
        this.memory = memory;
        int n = memory.workers();
        this.stacks = new RedexStack[n];
        this.workers = new Interactions[n];
        for (int i = 0; i < n; i++) {
            stacks[i] = new RedexStack();
            workers[i] = new Interactions(memory, memory.worker(i), stacks[i], runtime.tags());
        }
        this.builder = new Interactions(memory, memory.builder(), pending, runtime.tags());
        this.threads = new Thread[n];
        this.workBody = new Runnable[n];
        this.blockClaimed = new AtomicIntegerArray(n);
        for (int i = 0; i < n; i++) {
            int w = i;
            workBody[i] = () -> work(w);
        }
    }

    /** The mutator side's linker: what it links before {@link #reduce} is pending until then. */
    public Interactions builder() {
        if (reducing) {
            throw new IllegalStateException("the net is being reduced; build it before or after reduce()");
        }
        return builder;
    }

    /** Redexes waiting for the next reduction. */
    public int pending() {
        return pending.size();
    }

    /**
     * Reduces every pending redex to normal form with the workers, and waits. Call it from a thread
     * that is not attached to the runtime, or from an attached one through its {@code runBlocked}
     * (the workers' allocations may need a collection, which waits for every mutator).
     *
     * @return interactions performed
     * @throws NetException when a rule fails or a slab is full; the net is then unusable
     */
    public long reduce() {
        if (reducing) {
            throw new IllegalStateException("the net is already being reduced");
        }
        reducing = true;
        try {
            int n = workers.length;
            dealtTotal = pending.size(); // each worker takes its block of the pending redexes when it starts
            for (int i = 0; i < n; i++) {
                blockClaimed.set(i, 0);
            }
            unclaimedBlocks.set(n);
            memory.dealFreeToWorkers();
            idle.set(0);
            failure.set(null);
            long before = total();
            for (int i = 0; i < n; i++) {
                threads[i] = Thread.ofPlatform().name("net-worker-" + i).unstarted(workBody[i]);
            }
            for (Thread t : threads) {
                t.start();
            }
            for (Thread t : threads) {
                boolean interrupted = false;
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            pending.clear();
            memory.gatherFreeToBuilder();
            Throwable f = failure.get();
            if (f != null) {
                if (f instanceof RuntimeException r) {
                    throw r;
                }
                if (f instanceof Error e) {
                    throw e;
                }
                throw new NetException("a net worker failed: " + f, f);
            }
            return total() - before;
        } finally {
            reducing = false;
        }
    }

    private long total() {
        long sum = 0;
        for (Interactions w : workers) {
            sum += w.interactions;
        }
        return sum;
    }

    private void work(int w) {
        RedexStack mine = stacks[w];
        Interactions rules = workers[w];
        int n = workers.length;
        long done = 0;
        try (Mutator m = runtime.attach("net-worker-" + w)) {
            rules.attach(m);
            takeDealtBlock(mine, w, n);
            int countdown = POLL_EVERY;
            while (failure.get() == null) {
                if (mine.pop() || stealInto(mine, w)) {
                    rules.interact(mine.a, mine.b);
                    done++;
                    m.backEdge();
                    if (--countdown == 0) {
                        countdown = POLL_EVERY;
                        m.poll();
                    }
                    continue;
                }
                if (!waitForWork(m, mine, w, n)) {
                    return;
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            wakeAll();
        } finally {
            rules.interactions += done; // counted in a register, not in a field the other workers' lines may share
            rules.attach(null);
        }
    }

    /**
     * Puts worker {@code w}'s block of the pending redexes on its stack: the redexes are dealt in
     * contiguous blocks, so that redexes built together (a subtree) stay on one worker and siblings do
     * not link their results across cores. Numbering them newest first (the order the pending stack
     * pops them in), redex d goes to worker {@code d * n / total}, pushed in increasing d. Each worker
     * copies its own block when it starts, unless another worker took it first because this one was
     * late ({@link #takeUnclaimedBlock}); the pending stack is only read during the reduction and the
     * caller clears it after. So dealing costs one pass over a worker's share, on that worker, in
     * parallel; it was a pop and a push per redex on the calling thread, 0.6 to 0.9 ms for the 131,072
     * redexes of the NetReduction workload (busy machine), before either worker started.
     */
    private void takeDealtBlock(RedexStack mine, int w, int n) {
        if (unclaimedBlocks.get() > 0 && blockClaimed.compareAndSet(w, 0, 1)) {
            unclaimedBlocks.decrementAndGet();
            long total = dealtTotal;
            int from = (int) ((w * total + n - 1) / n);
            int to = (int) (((w + 1) * total + n - 1) / n);
            mine.takeNewestFirst(pending, from, to);
        }
    }

    /**
     * Takes another worker's dealt block that it has not taken yet (it may not have been scheduled):
     * true if one was taken. So a worker that is late to start does not hold back the others.
     */
    private boolean takeUnclaimedBlock(RedexStack mine, int w, int n) {
        for (int k = 1; k < n && unclaimedBlocks.get() > 0; k++) {
            int v = (w + k) % n;
            if (blockClaimed.get(v) == 0) {
                takeDealtBlock(mine, v, n);
                if (!mine.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Unparks every worker thread of this reduction, so one parked in {@link #waitForWork} sees the end now. */
    private void wakeAll() {
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    private boolean stealInto(RedexStack mine, int w) {
        int n = stacks.length;
        if (takeUnclaimedBlock(mine, w, n)) {
            return mine.pop();
        }
        for (int k = 1; k < n; k++) {
            if (mine.stealFrom(stacks[(w + k) % n])) {
                return mine.pop();
            }
        }
        return false;
    }

    /**
     * Idles until some queue has work (true) or every worker is idle (false: the reduction is done).
     * Blocked while it waits, so a collection does not wait for it.
     */
    private boolean waitForWork(Mutator m, RedexStack mine, int w, int n) {
        if (idle.incrementAndGet() == n) {
            wakeAll(); // the last worker to run dry ends the reduction: the others need not sleep out their park
            return false;
        }
        while (true) {
            if (idle.get() == n || failure.get() != null) {
                return false;
            }
            for (int k = 1; k < n; k++) {
                if (stacks[(w + k) % n].hasShared() || unclaimedBlocks.get() > 0) {
                    idle.decrementAndGet();
                    if (stealInto(mine, w)) {
                        mine.push(mine.a, mine.b); // stealInto popped one; put it back for the loop
                        return true;
                    }
                    idle.incrementAndGet();
                }
            }
            m.runBlocked(() -> LockSupport.parkNanos(IDLE_PARK_NANOS));
        }
    }

    /** Interactions performed by each worker since the net was created. */
    public long[] interactionsPerWorker() {
        long[] out = new long[workers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = workers[i].interactions;
        }
        return out;
    }
}
