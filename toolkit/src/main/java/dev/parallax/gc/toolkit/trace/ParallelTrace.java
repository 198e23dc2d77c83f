package dev.parallax.gc.toolkit.trace;

import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.api.tags.TagScheme;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.workers.WorkerPool;

import java.util.function.Consumer;

/**
 * A trace run by several GC workers: one {@link Tracer} per worker sharing {@link WorkPackets}. The
 * collecting thread visits the roots with worker 0's tracer and scans alone up to
 * {@link #SOLO_OBJECTS} objects: a trace that small ends without waking the other workers, whose
 * wake-up costs as much (tens of microseconds); in debug mode it wakes them at once, so that the
 * parallel paths run on small heaps too. Otherwise it spreads the grey objects it holds and
 * every worker drains until the trace is complete; a worker whose thread comes only after the
 * others finished the trace skips it ({@link WorkerPool#runJoinable}), so a helper the operating
 * system runs late does not hold up the pause. With one worker it is a plain trace on the calling
 * thread.
 *
 * <p>The spaces traced must trace objects atomically when there are several workers (mark bits set
 * with compare-and-set, forwarding words installed with compare-and-set, as
 * {@link dev.parallax.gc.toolkit.space.CopySpace#parallelCopying} does); each tracer tells its worker
 * index ({@link Tracer#worker()}) to spaces that keep per-worker state.
 */
public final class ParallelTrace implements AutoCloseable {
    /** Objects the collecting thread scans alone before it wakes the other workers. */
    public static final int SOLO_OBJECTS = 2048;

    private final Tracer[] tracers;
    private final WorkPackets packets;
    private final WorkerPool pool;
    private final int soloObjects;
    /** Whether the last trace woke the workers: then the next one wakes them early. */
    private boolean lastWentParallel;

    public ParallelTrace(ObjectModel objects, TagScheme tags, PageResource pages, int workers, String name) {
        this.tracers = new Tracer[workers];
        for (int i = 0; i < workers; i++) {
            tracers[i] = new Tracer(objects, tags, pages);
            tracers[i].worker = i;
        }
        this.packets = new WorkPackets();
        this.pool = workers > 1 ? new WorkerPool(workers, name) : null;
        this.soloObjects = objects.debug() ? 0 : SOLO_OBJECTS;
    }

    /** Worker 0's tracer: the one plans configure (spaces, collected set) and give the roots. */
    public Tracer tracer() {
        return tracers[0];
    }

    public int workers() {
        return tracers.length;
    }

    /**
     * One trace: {@code roots} visits the roots with worker 0's tracer; then {@code workers} workers
     * (at most {@link #workers()}; 1 for a trace that must not run in parallel) drain.
     *
     * @return the objects scanned by all workers
     */
    public long trace(Consumer<Tracer> roots, int workers) {
        Tracer first = tracers[0];
        if (pool != null && workers > 1 && lastWentParallel) {
            pool.wake();   // likely parallel again: the helpers wake while this thread visits the roots
        }
        lastWentParallel = false;
        first.reset();
        first.share(null);
        roots.accept(first);
        if (workers <= 1 || pool == null) {
            first.drain();
            return first.scanned();
        }
        if (soloObjects > 0 && first.drainAlone(soloObjects)) {
            return first.scanned();
        }
        int n = Math.min(workers, tracers.length);
        packets.reset();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                tracers[i].copySpacesFrom(first);
                tracers[i].reset();
            }
            tracers[i].share(packets);
        }
        lastWentParallel = true;
        first.distribute();
        pool.runJoinable(i -> {   // a helper that comes after the trace is over skips it
            if (i == 0 || (i < n && packets.join())) {
                try {
                    tracers[i].drain();
                } catch (RuntimeException | Error e) {
                    packets.abort();   // the others would wait for this tracer forever
                    throw e;
                }
            }
        });
        long scanned = 0;
        for (int i = 0; i < n; i++) {
            scanned += tracers[i].scanned();
            tracers[i].share(null);
        }
        return scanned;
    }

    /** The GC worker threads (the caller being worker 0), for a plan's other parallel phases; null with one worker. */
    public WorkerPool pool() {
        return pool;
    }

    /** Objects worker {@code worker}'s tracer scanned in the last trace. */
    public long scannedBy(int worker) {
        return tracers[worker].scanned();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
