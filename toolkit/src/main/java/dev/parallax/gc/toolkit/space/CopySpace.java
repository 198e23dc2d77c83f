package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A space whose survivors are copied out at every collection that includes it (MMTk's copy
 * space): mutators bump-allocate in blocks taken from the page resource; tracing copies each
 * reachable object to a {@link CopyTarget} (this space's own fresh blocks for a semispace, the
 * mature space for a nursery), leaves a forwarding word in the old header, and release gives every
 * evacuated block back. Objects that must not move (an API pin, a pinning root) stay where they are;
 * their blocks are kept, swept so that only the pinned objects remain, and are not allocated into
 * again until they empty. A survivor the copy target has no room for stays in place the same way,
 * so a collection never fails for want of copy reserve.
 *
 * <p>Cost: allocation is a bump; tracing copies each live object once (a header read, a bulk copy,
 * a header write); release is one page-resource call per block. Copying is single-threaded: one
 * tracer at a time.
 */
public final class CopySpace implements Space, CopyTarget {
    /** Pages per block: 32 KiB. */
    public static final int BLOCK_PAGES = 8;
    public static final long BLOCK_BYTES = (long) BLOCK_PAGES << PageResource.LOG_PAGE_BYTES;

    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final MemorySegment heap;
    private final long base;
    /** Objects pinned in place during the collection in progress. */
    private final SideBits pinned;
    private CopyTarget target = this;
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
        this.heap = objects.heap();
        this.base = objects.base();
        this.pinned = new SideBits(objects.base(), objects.limit(), 3);
    }

    /** Where this space's survivors go (default: this space itself, as in a semispace). */
    public void copyTo(CopyTarget target) {
        this.target = target;
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
     * Hands {@code buffer} a fresh run of at least {@code minBytes} (whole blocks, about
     * {@code preferredBytes}). Thread-safe.
     *
     * @return false when the page resource has no such run
     */
    public synchronized boolean refill(AllocationBuffer buffer, long minBytes, long preferredBytes) {
        long bytes = Math.max(Math.max(minBytes, preferredBytes), BLOCK_BYTES);
        int n = Math.toIntExact((bytes + PageResource.PAGE_BYTES - 1) >>> PageResource.LOG_PAGE_BYTES);
        long start = pages.acquire(n, 1, id);
        if (start == 0) {
            return false;
        }
        blocks.add(start, n);
        buffer.reset(start, start + ((long) n << PageResource.LOG_PAGE_BYTES));
        objectBytes += (long) n << PageResource.LOG_PAGE_BYTES;
        return true;
    }

    @Override
    public void prepare() {
        fromBlocks.clear();
        fromBlocks.addAll(blocks);
        blocks.clear();
        pinned.clearAll();
        copyCursor = 0;
        copyLimit = 0;
        objectBytes = 0;
    }

    @Override
    public long traceObject(long object, TraceQueue queue) {
        long status = objects.status(object);
        if (HeaderLayout.isForwarding(status)) {
            return HeaderLayout.forwardee(status);
        }
        if (pinned.get(object)) {
            return object;
        }
        if ((status & HeaderLayout.PINNED_BIT) != 0) {
            pinAndTrace(object, queue);
            return object;
        }
        long bytes = objects.sizeOf(status);
        long copy = target.allocateCopy(bytes);
        if (copy == 0) {
            stayedForLackOfRoom++;
            pinAndTrace(object, queue);   // no room to copy it: it stays, as a pinned object does
            return object;
        }
        MemorySegment.copy(heap, object - base, heap, copy - base, bytes);
        objects.setStatus(object, HeaderLayout.forwardingWord(copy));
        queue.enqueue(copy);
        return copy;
    }

    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        if (pinned.testAndSet(object)) {
            objectBytes += objects.cellBytes(object);
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
            int n = Math.max(BLOCK_PAGES, Math.toIntExact((bytes + PageResource.PAGE_BYTES - 1)
                    >>> PageResource.LOG_PAGE_BYTES));
            long start = pages.acquire(n, 1, id);
            if (start == 0) {
                return 0;
            }
            blocks.add(start, n);
            copyCursor = start;
            copyLimit = start + ((long) n << PageResource.LOG_PAGE_BYTES);
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
                blocks.add(start, fromBlocks.pages(i));
            } else {
                pages.release(start, fromBlocks.pages(i));
            }
        }
        fromBlocks.clear();
    }

    /** Formats every gap between the pinned objects of {@code [start, end)} as free space. */
    private void keepPinned(long start, long end) {
        long cursor = start;
        for (long live = pinned.nextSet(start, end); live < end; live = pinned.nextSet(cursor, end)) {
            if (live > cursor) {
                objects.formatFree(cursor, live - cursor, 0);
            }
            cursor = live + objects.cellBytes(live);
        }
        if (end > cursor) {
            objects.formatFree(cursor, end - cursor, 0);
        }
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
