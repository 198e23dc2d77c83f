package dev.parallax.gc.net.roots;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.GcConfigException;
import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.RefIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code net-parallel}: the naive walk split across GC worker threads. The slabs are cut into chunks
 * of {@value #CHUNK_SLOTS} slots; the threads claim chunks and record the cell id of every Ref
 * slot they find in their chunk's buffer; then the collecting thread reports the buffers in order
 * (collectors' root visitors are single-threaded). Option {@value #THREADS_OPTION}: the GC threads
 * (default: the machine's cores). Nothing on the reducer's hot path; the walk's memory reads are
 * spread over the threads; the buffers are kept from pause to pause.
 */
public final class ParallelRefRoots extends RefCellRoots {
    public static final String NAME = "net-parallel";
    public static final String THREADS_OPTION = "net-parallel.threads";
    static final long CHUNK_SLOTS = 1 << 16;

    /**
     * The scan threads, shared by every instance (a runtime's root sources are never closed): daemon
     * threads, created when a scan needs them and ended after a minute idle.
     */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "net-root-scan");
        t.setDaemon(true);
        return t;
    });

    private final int threads;
    private final List<Callable<Void>> tasks = new ArrayList<>();
    // per pause: the chunks, and one buffer of cell offsets per chunk
    private Partition[] chunkPartition = new Partition[0];
    private long[] chunkFrom = new long[0];
    private long[][] found = new long[0][];
    private int[] foundCount = new int[0];
    private int chunks;
    private final AtomicInteger nextChunk = new AtomicInteger();

    @Inject
    public ParallelRefRoots(GcConfig config) {
        this(parse(config.option(THREADS_OPTION, Integer.toString(Runtime.getRuntime().availableProcessors()))));
    }

    public ParallelRefRoots(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(THREADS_OPTION + " must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    private static int parse(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new GcConfigException(THREADS_OPTION + ": '" + value + "' is not a thread count from 1 to 1024");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RefIndex index() {
        return RefIndex.NONE;
    }

    public int threads() {
        return threads;
    }

    @Override
    public synchronized void scan(NetMemory net, SlotVisitor visitor) {
        plan(net);
        if (threads == 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                walk(c);
            }
        } else {
            runInPool();
        }
        for (int c = 0; c < chunks; c++) {
            long[] cells = found[c];
            for (int i = 0, n = foundCount[c]; i < n; i++) {
                net.visitCell(cells[i], visitor);
            }
        }
    }

    private void plan(NetMemory net) {
        int n = 0;
        for (Partition p : net.partitions()) {
            n += (int) ((p.top() + CHUNK_SLOTS - 1) / CHUNK_SLOTS);
        }
        if (chunkPartition.length < n) {
            chunkPartition = Arrays.copyOf(chunkPartition, n);
            chunkFrom = Arrays.copyOf(chunkFrom, n);
            found = Arrays.copyOf(found, n);
            foundCount = Arrays.copyOf(foundCount, n);
        }
        int c = 0;
        for (Partition p : net.partitions()) {
            for (long from = 0; from < p.top(); from += CHUNK_SLOTS) {
                chunkPartition[c] = p;
                chunkFrom[c] = from;
                foundCount[c] = 0;
                if (found[c] == null) {
                    found[c] = new long[256];
                }
                c++;
            }
        }
        chunks = n;
        nextChunk.set(0);
    }

    private void runInPool() {
        if (tasks.isEmpty()) {
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> {
                    for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                        walk(c);
                    }
                    return null;
                });
            }
        }
        try {
            for (Future<Void> f : POOL.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("net-parallel: interrupted while scanning Ref cells", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("net-parallel: a scan thread failed: " + e.getCause(), e.getCause());
        }
    }

    /** Records the cell id of every Ref slot of chunk {@code c}. */
    private void walk(int c) {
        Partition p = chunkPartition[c];
        long from = chunkFrom[c];
        long to = Math.min(p.top(), from + CHUNK_SLOTS);
        var nodes = p.nodes();
        long[] out = found[c];
        int n = 0;
        for (long slot = from; slot < to; slot++) {
            long offset = slot << Partition.SLOT_SHIFT;
            if ((nodes.get(java.lang.foreign.ValueLayout.JAVA_LONG, offset) & Partition.KIND_MASK)
                    == dev.parallax.gc.net.slab.Ports.REF) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = nodes.get(java.lang.foreign.ValueLayout.JAVA_LONG, offset + Partition.PAYLOAD);
            }
        }
        found[c] = out;
        foundCount[c] = n;
    }
}
