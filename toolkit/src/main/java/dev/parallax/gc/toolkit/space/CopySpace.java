package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

import java.util.Arrays;

/**
 * A space whose survivors are copied out at every collection that includes it (MMTk's copy
 * space): mutators bump-allocate in runs of pages taken from the page resource (their preferred
 * buffer size); tracing copies each reachable object to a {@link CopyTarget} (this space's own
 * 32 KiB copy blocks for a semispace, the mature space for a nursery), leaves a forwarding word in
 * the old header, and release gives every evacuated run back. Objects that must not move (an API
 * pin, a pinning root) stay where they are: the pages they occupy are kept, swept so that only the
 * pinned objects remain, and not allocated into again until they empty; the other pages of their
 * run go back. A survivor the copy target has no room for stays in place the same way, so a
 * collection never fails for want of copy reserve.
 *
 * <p>Cost: allocation is a bump; tracing copies each live object once (a header read, a bulk copy,
 * a header write); release is one page-resource call per block.
 *
 * <p>Parallel copying ({@link #parallelCopying}): several tracers may copy out of this space at
 * once, each into its own copy target ({@link #copyTo(CopyTarget...)}, indexed by
 * {@link TraceQueue#worker()}). A tracer claims an object by swapping its header for a busy word
 * (a forwarding word with no address) with compare-and-set, copies it, and publishes the forwarding
 * word with a release store; a tracer that meets the busy word waits for that store. Exactly one
 * tracer copies each object, and every tracer that meets it gets the same copy.
 */
public final class CopySpace implements Space, CopyTarget {
    /** Pages per copy block (the runs copies go to during a collection): 32 KiB. */
    public static final int BLOCK_PAGES = 8;
    public static final long BLOCK_BYTES = (long) BLOCK_PAGES << PageResource.LOG_PAGE_BYTES;

    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final long base;
    /** Objects pinned in place during the collection in progress. */
    private final SideBits pinned;
    /** Whether this collection pinned anything yet: until it has, tracing skips the pinned-bit lookup. */
    private volatile boolean anyPinned;
    /** Where copies go, per GC worker. */
    private CopyTarget[] targets = {this};
    /** Bytes copied out by the collection in progress or the last one, per worker at {@link #slot}. */
    private long[] copiedBytes = new long[slot(1)];
    /** Whether several tracers copy at once (forwarding by compare-and-set). */
    private boolean parallel;
    /** Blocks holding this space's objects (mutator blocks, copies made into this space, kept blocks). */
    private final Blocks blocks = new Blocks();
    /** During a collection: the blocks being evacuated. */
    private final Blocks fromBlocks = new Blocks();
    // where copies into this space go during a collection
    private long copyCursor;
    private long copyLimit;
    /** Bytes of the objects copied into or kept in this space by the last collection, plus buffers handed out since. */
    private long objectBytes;
    /** Survivors left in place because the copy target had no room, since this space was made. */
    private long stayedForLackOfRoom;

    public CopySpace(byte id, String name, PageResource pages) {
        this.id = id;
        this.name = name;
        this.pages = pages;
        this.objects = pages.objects();
        this.base = objects.base();
        this.pinned = new SideBits(objects.base(), objects.limit(), 3);
    }

    /**
     * Where this space's survivors go: {@code perWorker[w]} for the tracer of GC worker {@code w}
     * (default: this space itself, for one worker, as in a semispace). A parallel copying trace needs
     * one target per worker, none shared.
     */
    public void copyTo(CopyTarget... perWorker) {
        if (perWorker.length == 0) {
            throw new IllegalArgumentException("a copy space needs at least one copy target");
        }
        this.targets = perWorker.clone();
        this.copiedBytes = new long[slot(perWorker.length)];
    }

    /**
     * Whether the next collections copy with several tracers at once (set before {@link #prepare});
     * needs a copy target per worker. This space itself is not a parallel copy target.
     */
    public void parallelCopying(boolean on) {
        if (on && Arrays.asList(targets).contains(this)) {
            throw new IllegalStateException(name + ": parallel copying needs a copy target per worker, not this space");
        }
        this.parallel = on;
    }

    @Override
    public byte id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Hands {@code buffer} a fresh run of at least {@code minBytes}: {@code preferredBytes} rounded up
     * to whole pages, or just enough pages for {@code minBytes} when the page resource has no run that
     * long. Thread-safe.
     *
     * @return false when the page resource has no run of {@code minBytes}
     */
    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        if (reserve != null && minBytes <= BLOCK_BYTES) {
            if (reserveWanted > 0) {   // the first refill after a pause takes the reserve's blocks, outside the pause
                reserve.fill(reserveWanted, reserveKeepPages);
                reserveWanted = 0;
            }
            long block = reserve.take(zeroedFrom);
            if (block != 0) {
                blocks.add(block, BLOCK_PAGES);
                objectBytes += BLOCK_BYTES;
                buffer.reset(block, block + BLOCK_BYTES, zeroedFrom[0]);
                return true;
            }
        }
        long start = acquire(Math.max(minBytes, preferredBytes), minBytes);
        if (start == 0) {
            return false;
        }
        buffer.reset(start, start + lastRunBytes);
        objectBytes += lastRunBytes;
        return true;
    }

    /** Blocks zeroed ahead of the mutators, or null (each mutator zeroes what it gets). */
    private ZeroingReserve reserve;
    /** Where the block {@link ZeroingReserve#take} gave last is known zero from. */
    private final long[] zeroedFrom = new long[1];
    /** Blocks the reserve takes at the next refill (0: none), leaving {@link #reserveKeepPages} pages free. */
    private int reserveWanted;
    private int reserveKeepPages;

    /**
     * From now on, refills take blocks that a background thread zeroed while the mutators ran
     * ({@link ZeroingReserve}), up to {@code maxBlocks} per {@link #fillReserve}.
     *
     * @return false, and nothing changes, when the heap is one other threads may not access
     */
    public synchronized boolean zeroAhead(int maxBlocks, String threadName) {
        if (reserve != null) {
            throw new IllegalStateException(name + " already zeroes ahead");
        }
        if (!ZeroingReserve.possible(objects.heap())) {
            return false;
        }
        reserve = new ZeroingReserve(pages, id, maxBlocks, BLOCK_PAGES, false, threadName);
        return true;
    }

    /**
     * At the end of a pause: the first refill after it takes blocks for up to {@code bytes} of the
     * refills, leaving {@code keepFreePages} pages free, and starts the zeroer on them (outside the
     * pause, which then ends with the heap as its collection left it). No-op unless {@link #zeroAhead}.
     */
    public synchronized void fillReserve(long bytes, int keepFreePages) {
        if (reserve != null) {
            reserveWanted = Math.toIntExact(bytes / BLOCK_BYTES);
            reserveKeepPages = keepFreePages;
        }
    }

    /**
     * Gives the reserve's untaken blocks back to the page resource: at the start of every pause
     * (so that the collection sees them as free pages) and when another allocation needs pages.
     */
    public synchronized void returnReserve() {
        if (reserve != null) {
            reserveWanted = 0;
            reserve.giveBack();
        }
    }

    /** Bytes the reserve holds for refills: free room, though the page resource counts it used. */
    public synchronized long reservedBytes() {
        return reserve == null ? 0 : reserve.bytes();
    }

    /** The longest run of adjacent reserve blocks, in bytes: free room in one piece. */
    public synchronized long reservedLargestRun() {
        return reserve == null ? 0 : reserve.largestRunBytes();
    }

    /** Blocks refills got already zeroed, since {@link #zeroAhead}. */
    public synchronized long zeroedAhead() {
        return reserve == null ? 0 : reserve.takenZeroed();
    }

    /** Stops the zeroer thread, if any (the reserve's blocks stay with the heap). */
    public synchronized void closeReserve() {
        if (reserve != null) {
            reserve.close();
        }
    }

    /** Bytes of the run {@link #acquire} took last. */
    private long lastRunBytes;

    /**
     * A run of pages for about {@code wanted} bytes, else for {@code needed}; added to the blocks. 0
     * when none. From the top of the heap: a copy space churns (its runs come back at every
     * collection), so it stays away from the non-moving spaces' blocks, which pack at the bottom,
     * and the free pages between the two stay in long runs.
     */
    private long acquire(long wanted, long needed) {
        int n = pagesFor(wanted);
        long start = pages.acquireFromTop(n, id);
        if (start == 0 && pagesFor(needed) < n) {
            n = pagesFor(needed);
            start = pages.acquireFromTop(n, id);
        }
        if (start != 0) {
            blocks.add(start, n);
            lastRunBytes = (long) n << PageResource.LOG_PAGE_BYTES;
        }
        return start;
    }

    private static int pagesFor(long bytes) {
        return Math.toIntExact((bytes + PageResource.PAGE_BYTES - 1) >>> PageResource.LOG_PAGE_BYTES);
    }

    @Override
    public void prepare() {
        fromBlocks.clear();
        fromBlocks.addAll(blocks);
        blocks.clear();
        if (anyPinned) {   // bits are set only in the blocks kept for their pinned objects, now from-space
            for (int i = 0; i < fromBlocks.size(); i++) {
                long start = fromBlocks.start(i);
                pinned.clearRange(start, start + ((long) fromBlocks.pages(i) << PageResource.LOG_PAGE_BYTES));
            }
        }
        anyPinned = false;
        Arrays.fill(copiedBytes, 0);
        copyCursor = 0;
        copyLimit = 0;
        objectBytes = 0;
    }

    @Override
    public long traceObject(long object, TraceQueue queue) {
        if (parallel) {
            return traceObjectAtomically(object, queue);
        }
        long status = objects.status(object);
        if (HeaderLayout.isForwarding(status)) {
            return HeaderLayout.forwardee(status);
        }
        if (anyPinned && pinned.get(object)) {
            return object;
        }
        if ((status & HeaderLayout.PINNED_BIT) != 0) {
            pinAndTrace(object, queue);
            return object;
        }
        long bytes = objects.sizeOf(status);
        long copy = targets[0].allocateCopy(bytes);
        if (copy == 0) {
            stayForLackOfRoom(object, bytes, queue);
            return object;
        }
        objects.copyObject(object, copy, bytes);
        objects.setStatus(object, HeaderLayout.forwardingWord(copy));
        copiedBytes[slot(0)] += bytes;
        queue.enqueue(copy);
        return copy;
    }

    /** The busy word: a forwarding word without an address, while the tracer that claimed the object copies it. */
    private static final long BUSY = HeaderLayout.forwardingWord(0);

    /**
     * {@link #traceObject} with several tracers: claim by compare-and-set of the busy word, copy into
     * this worker's target, publish the forwarding word; or wait for the tracer that claimed it.
     */
    private long traceObjectAtomically(long object, TraceQueue queue) {
        while (true) {
            long status = objects.statusAcquire(object);
            if (HeaderLayout.isForwarding(status)) {
                if (status != BUSY) {
                    return HeaderLayout.forwardee(status);
                }
                Thread.onSpinWait();   // another tracer is copying it: its forwarding word comes next
                continue;
            }
            if (anyPinned && pinned.get(object)) {
                return object;
            }
            if ((status & HeaderLayout.PINNED_BIT) != 0) {
                pinAndTrace(object, queue);
                return object;
            }
            if (!objects.compareAndSetStatus(object, status, BUSY)) {
                continue;   // another tracer claimed it first
            }
            if (anyPinned && pinned.get(object)) {   // pinned, for lack of room, by a tracer that claimed it before
                objects.setStatusRelease(object, status);
                return object;
            }
            long bytes = objects.sizeOf(status);
            long copy = targets[queue.worker()].allocateCopy(bytes);
            if (copy == 0) {
                stayForLackOfRoom(object, bytes, queue);   // pinned first, so a waiting tracer sees the pin
                objects.setStatusRelease(object, status);
                return object;
            }
            objects.copyObject(object, copy, bytes);
            objects.setStatus(copy, status);   // the copy took the busy word along
            objects.setStatusRelease(object, HeaderLayout.forwardingWord(copy));
            copiedBytes[slot(queue.worker())] += bytes;
            queue.enqueue(copy);
            return copy;
        }
    }

    /** No room to copy it: it stays, as a pinned object does. */
    private void stayForLackOfRoom(long object, long bytes, TraceQueue queue) {
        synchronized (this) {
            stayedForLackOfRoom++;
        }
        pin(object, bytes, queue);
    }

    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        pin(object, objects.cellBytes(object), queue);
    }

    /** The first tracer to pin the object counts and queues it (pin bits set atomically when copying in parallel). */
    private void pin(long object, long bytes, TraceQueue queue) {
        if (parallel ? pinned.testAndSetAtomic(object) : pinned.testAndSet(object)) {
            anyPinned = true;
            synchronized (this) {
                objectBytes += bytes;
            }
            queue.enqueue(object);
        }
    }

    @Override
    public boolean isLive(long object) {
        return pinned.get(object) || HeaderLayout.isForwarding(objects.status(object));
    }

    /** Bump allocation of a copy in this space's collection-time blocks. */
    @Override
    public long allocateCopy(long bytes) {
        if (copyCursor + bytes > copyLimit) {
            closeCopyBlock();
            long start = acquire(Math.max(bytes, BLOCK_BYTES), bytes);
            if (start == 0) {
                return 0;
            }
            copyCursor = start;
            copyLimit = start + lastRunBytes;
        }
        long copy = copyCursor;
        copyCursor += bytes;
        objectBytes += bytes;
        return copy;
    }

    /** The unused tail of the current copy block parses as free space. */
    private void closeCopyBlock() {
        if (copyLimit > copyCursor) {
            objects.formatFree(copyCursor, copyLimit - copyCursor, 0);
        }
        copyCursor = 0;
        copyLimit = 0;
    }

    /**
     * Evacuated blocks go back to the page resource; a block holding a pinned object is kept with
     * everything around its pinned objects made free.
     */
    @Override
    public void release() {
        closeCopyBlock();
        for (int i = 0; i < fromBlocks.size(); i++) {
            long start = fromBlocks.start(i);
            long end = start + ((long) fromBlocks.pages(i) << PageResource.LOG_PAGE_BYTES);
            if (pinned.nextSet(start, end) < end) {
                keepPinned(start, end);
            } else {
                pages.release(start, fromBlocks.pages(i));
            }
        }
        fromBlocks.clear();
    }

    /**
     * The pages of {@code [start, end)} that hold part of a pinned object are kept, as runs with every
     * gap between the pinned objects formatted free; the other pages go back to the page resource.
     */
    private void keepPinned(long start, long end) {
        long done = start;       // every page before this one is kept or released
        long runStart = -1;      // the first page of the open kept run, or -1
        long cursor = start;     // the open run is formatted up to here (the end of its last pinned object)
        for (long live = pinned.nextSet(start, end); live < end; live = pinned.nextSet(cursor, end)) {
            long first = pageFloor(live);
            if (runStart >= 0 && first >= pageCeil(cursor)) {   // a free page or more since the run's last object
                done = keepRun(runStart, cursor);
                runStart = -1;
            }
            if (runStart < 0) {
                releaseRun(done, first);
                runStart = first;
                cursor = first;
            }
            if (live > cursor) {
                objects.formatFree(cursor, live - cursor, 0);
            }
            cursor = live + objects.cellBytes(live);
        }
        if (runStart >= 0) {
            done = keepRun(runStart, cursor);
        }
        releaseRun(done, end);
    }

    /** Keeps the pages from {@code from} to the one holding {@code lastEnd - 1}, free after {@code lastEnd}; returns the run's end. */
    private long keepRun(long from, long lastEnd) {
        long to = pageCeil(lastEnd);
        if (to > lastEnd) {
            objects.formatFree(lastEnd, to - lastEnd, 0);
        }
        blocks.add(from, Math.toIntExact((to - from) >>> PageResource.LOG_PAGE_BYTES));
        return to;
    }

    private void releaseRun(long from, long to) {
        if (to > from) {
            pages.release(from, Math.toIntExact((to - from) >>> PageResource.LOG_PAGE_BYTES));
        }
    }

    private long pageFloor(long address) {
        return base + ((address - base) & -PageResource.PAGE_BYTES);
    }

    private long pageCeil(long address) {
        return pageFloor(address + PageResource.PAGE_BYTES - 1);
    }

    @Override
    public synchronized long usedBytes() {
        return blocks.bytes();
    }

    @Override
    public synchronized long committedBytes() {
        return blocks.bytes() + fromBlocks.bytes();
    }

    @Override
    public synchronized long objectBytes() {
        return objectBytes;
    }

    /**
     * Hands {@code sink} every object the last collection left in place (pinned, or for lack of
     * room), in address order. Valid between a {@link #release} and the next {@link #prepare}.
     * Cost: a scan of the pin bits of the kept blocks.
     */
    public void forEachKept(java.util.function.LongConsumer sink) {
        for (int i = 0; i < blocks.size(); i++) {
            long start = blocks.start(i);
            long end = start + ((long) blocks.pages(i) << PageResource.LOG_PAGE_BYTES);
            for (long kept = pinned.nextSet(start, end); kept < end; kept = pinned.nextSet(kept + 8, end)) {
                sink.accept(kept);
            }
        }
    }

    /**
     * Bytes the last collection copied out of this space (its survivors, less the ones it left in
     * place); during a collection, those copied so far. Valid once the trace is over.
     */
    public long copiedBytes() {
        long sum = 0;
        for (int worker = 0; slot(worker) < copiedBytes.length; worker++) {
            sum += copiedBytes[slot(worker)];
        }
        return sum;
    }

    /**
     * Worker {@code worker}'s index in {@link #copiedBytes}: 128 bytes apart, and apart from the
     * array's header, which every worker's bounds check reads (with worker 0 at index 0, its stores
     * made worker 1 miss on the length: a minor collection with two workers took twice as long).
     */
    private static int slot(int worker) {
        return (worker + 1) << 4;
    }

    /** Survivors left in place because the copy target had no room, since this space was made. */
    public long stayedForLackOfRoom() {
        return stayedForLackOfRoom;
    }

    /** A list of page runs. */
    static final class Blocks {
        private long[] starts = new long[16];
        private int[] pageCounts = new int[16];
        private int size;
        private long bytes;

        void add(long start, int pages) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                pageCounts = Arrays.copyOf(pageCounts, size * 2);
            }
            starts[size] = start;
            pageCounts[size] = pages;
            size++;
            bytes += (long) pages << PageResource.LOG_PAGE_BYTES;
        }

        void addAll(Blocks other) {
            for (int i = 0; i < other.size; i++) {
                add(other.starts[i], other.pageCounts[i]);
            }
        }

        void clear() {
            size = 0;
            bytes = 0;
        }

        int size() {
            return size;
        }

        long start(int i) {
            return starts[i];
        }

        int pages(int i) {
            return pageCounts[i];
        }

        long bytes() {
            return bytes;
        }
    }
}
