package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.collector.AllocationBuffer;
import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.MarkBytes;
import dev.parallax.gc.toolkit.metadata.SideBytes;
import dev.parallax.gc.toolkit.workers.WorkerPool;

/**
 * Mark-region space after Immix (Blackburn and McKinley, PLDI 2008): the heap in 32 KiB blocks of
 * 128 lines of 256 bytes. Tracing marks each live object (a side byte table) and every line it covers;
 * release makes every gap between live objects a free cell, gives empty blocks back to the page
 * resource and lists the others with free lines as recyclable; mutators bump-allocate into holes,
 * runs of free lines ({@link ImmixAllocator}). Objects never move, except that a collection may
 * choose the most fragmented blocks as evacuation candidates ({@link #prepareDefrag}) and copy their
 * unpinned survivors into fresh blocks (opportunistic evacuation, which defragments without a
 * separate compaction pass).
 *
 * <p>Lines are marked exactly: a line is live iff a live object overlaps it, so a hole never needs
 * the "one implicit line after a marked line" rule. Every hole is a free cell of its own, so the
 * pages stay parsable while allocators fill holes.
 *
 * <p>Cost: tracing sets a mark byte and touches no object; the line marks are set when the tracer
 * scans the object ({@link #postScanObject}, MMTk's mark-lines-at-scan-time), from the header the
 * scan loads anyway. Release visits each block's live objects through the mark table (one header
 * read each, which also counts the live bytes) and its 128 line marks, the blocks shared among the
 * GC workers. The mark table ({@link MarkBytes}, a byte per 8-byte granule: 1/8 of the heap) lets
 * several workers mark with plain stores in release mode, where a bitmap needs a compare-and-set
 * per mark ({@link #atomicMarking}). Objects larger than {@link #MAX_OBJECT_BYTES} belong in a
 * large-object space.
 */
public final class ImmixSpace implements Space {
    public static final int BLOCK_PAGES = 8;
    public static final int LOG_BLOCK_BYTES = PageResource.LOG_PAGE_BYTES + 3;
    public static final long BLOCK_BYTES = 1L << LOG_BLOCK_BYTES;
    public static final int LOG_LINE_BYTES = 8;
    public static final long LINE_BYTES = 1L << LOG_LINE_BYTES;
    public static final int LINES = (int) (BLOCK_BYTES / LINE_BYTES);
    /** The largest object this space takes: a quarter of a block (MMTk sends larger ones to its LOS). */
    public static final long MAX_OBJECT_BYTES = BLOCK_BYTES / 4;

    private static final byte LIVE = 1;

    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final long base;
    private final MarkBytes marks;
    private final SideBytes lines;
    /** Per block of the heap: whether this space owns it, and its live lines after the last collection. */
    private final boolean[] owned;
    private final short[] liveLines;
    private final boolean[] candidate;
    private final int blockCount;
    /** Recyclable blocks not yet handed to an allocator, as block indices; guarded by this. */
    private final int[] recyclable;
    private int recyclableCount;
    private int recyclableNext;
    private long freeLineBytes;
    /**
     * Between prepare and release: the recyclable blocks no allocator had taken since the last
     * collection, with their line marks as that collection left them. Their free lines held no
     * object then and none since, so copies may fill them while the marks are rebuilt.
     */
    private final int[] untouched;
    private final SideBytes untouchedLines;
    private int untouchedCount;
    private int untouchedNext;
    private int untouchedLine;
    private int ownedBlocks;
    /** Blocks the last release found at most half live: what evacuation could empty. */
    private int sparseBlocks;
    /** Bytes of the objects marked or evacuated by the last collection, plus blocks handed out since. */
    private long objectBytes;
    /** Whether several tracers mark at once (then nothing moves). */
    private boolean atomic;
    /** Whether marks are set with compare-and-set: several tracers in debug mode, where counts must be exact, or {@link #exactMarking}. */
    private boolean exactMarks;
    private boolean forceExactMarks;
    // evacuation during a collection
    private boolean defrag;
    /** Between prepare and release: blocks taken then hold copies, counted as they are made. */
    private boolean collecting;
    private long evacuationCursor;
    private long evacuationLimit;
    private long evacuated;

    public ImmixSpace(byte id, String name, PageResource pages) {
        this.id = id;
        this.name = name;
        this.pages = pages;
        this.objects = pages.objects();
        this.base = objects.base();
        this.marks = new MarkBytes(objects.base(), objects.limit(), 3);
        this.lines = new SideBytes(objects.base(), objects.limit(), LOG_LINE_BYTES);
        this.blockCount = Math.toIntExact(objects.capacity() >>> LOG_BLOCK_BYTES);
        this.owned = new boolean[blockCount];
        this.liveLines = new short[blockCount];
        this.candidate = new boolean[blockCount];
        this.recyclable = new int[blockCount];
        this.untouched = new int[blockCount];
        this.untouchedLines = new SideBytes(objects.base(), objects.limit(), LOG_LINE_BYTES);
    }

    @Override
    public byte id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    private int blockIndex(long address) {
        return (int) ((address - base) >>> LOG_BLOCK_BYTES);
    }

    private long blockStart(int index) {
        return base + ((long) index << LOG_BLOCK_BYTES);
    }

    // ---- allocation (mutator slow paths, through ImmixAllocator) ---------------------------------

    /**
     * The next recyclable block, handed out once per cycle, else a fresh block; 0 when none.
     * {@code zeroedFrom[0]} is set to where the block is known zero (past its end: nowhere).
     */
    synchronized long nextBlock(long[] zeroedFrom) {
        if (recyclableNext < recyclableCount) {
            int index = recyclable[recyclableNext++];
            long free = (long) (LINES - liveLines[index]) * LINE_BYTES;
            freeLineBytes -= free;
            objectBytes += free;
            zeroedFrom[0] = Long.MAX_VALUE;
            return blockStart(index);
        }
        return freshBlock(zeroedFrom);
    }

    /**
     * A block with every line free for a mutator: from the zeroing reserve when there is one (set
     * {@code zeroedFrom[0]} to where it is known zero), else from the page resource; 0 when the
     * heap has none.
     */
    synchronized long freshBlock(long[] zeroedFrom) {
        zeroedFrom[0] = Long.MAX_VALUE;
        if (reserve != null && !collecting) {
            if (reserveKeepPages >= 0) {   // the first fresh block after a pause fills the reserve, outside the pause
                reserve.fill(Integer.MAX_VALUE, reserveKeepPages);
                reserveKeepPages = -1;
            }
            long block = reserve.take(zeroedFrom);
            if (block != 0) {
                adopt(block);
                return block;
            }
            zeroedFrom[0] = Long.MAX_VALUE;
        }
        return freshBlock();
    }

    /** A block with every line free, from the page resource; 0 when the heap has none. */
    synchronized long freshBlock() {
        long start = pages.acquire(BLOCK_PAGES, BLOCK_PAGES, id);
        if (start != 0) {
            adopt(start);
        }
        return start;
    }

    /** The block at {@code start}, just taken from the pages, becomes one of this space's, every line free. */
    private void adopt(long start) {
        int index = blockIndex(start);
        owned[index] = true;
        liveLines[index] = 0;
        ownedBlocks++;
        lines.clearRange(start, start + BLOCK_BYTES);
        marks.clearRange(start, start + BLOCK_BYTES);
        if (!collecting) {
            objectBytes += BLOCK_BYTES;   // handed to a mutator
        }
    }

    /** Fresh blocks zeroed ahead of the mutators ({@link #zeroAhead}), or null. */
    private ZeroingReserve reserve;
    /** Pages the reserve leaves free when the next fresh block fills it; -1: it is not to be filled. */
    private int reserveKeepPages = -1;

    /**
     * From now on, mutators' fresh blocks come from a {@link ZeroingReserve} of up to
     * {@code maxBlocks} blocks, filled at the end of each pause ({@link #fillReserve}) and zeroed by
     * a background thread while the mutators run.
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
        reserve = new ZeroingReserve(pages, id, maxBlocks, BLOCK_PAGES, true, threadName);
        return true;
    }

    /**
     * At the end of a pause: the first fresh block a mutator takes after it fills the reserve with up
     * to its most blocks, leaving {@code keepFreePages} pages free (outside the pause, which then ends
     * with the heap as its collection left it). No-op without a reserve.
     */
    public synchronized void fillReserve(int keepFreePages) {
        if (reserve != null) {
            reserveKeepPages = Math.max(0, keepFreePages);
        }
    }

    /** Gives the reserve's untaken blocks back to the pages: at the start of every pause, and when another allocation needs them. */
    public synchronized void returnReserve() {
        if (reserve != null) {
            reserveKeepPages = -1;
            reserve.giveBack();
        }
    }

    /** Bytes the reserve holds for mutators: free room, though the page resource counts it used. */
    public synchronized long reservedBytes() {
        return reserve == null ? 0 : reserve.bytes();
    }

    /** The longest run of adjacent reserve blocks, in bytes: free room in one piece. */
    public synchronized long reservedLargestRun() {
        return reserve == null ? 0 : reserve.largestRunBytes();
    }

    /** Fresh blocks mutators got already zeroed, since {@link #zeroAhead}. */
    public synchronized long zeroedAhead() {
        return reserve == null ? 0 : reserve.takenZeroed();
    }

    /** Stops the reserve's zeroer thread, if any. */
    public synchronized void closeReserve() {
        if (reserve != null) {
            reserve.close();
        }
    }

    /**
     * The first hole (run of free lines) in the block at {@code block} starting at or after line
     * {@code fromLine} that holds {@code minBytes}, as {@code firstLine << 32 | endLine}; -1 when none.
     */
    long findHole(long block, int fromLine, long minBytes) {
        return findHole(lines, block, fromLine, minBytes);
    }

    /** As above, in the line marks {@code marks} (the live ones, or the snapshot of untouched blocks). */
    private static long findHole(SideBytes marks, long block, int fromLine, long minBytes) {
        int line = fromLine;
        while (line < LINES) {
            while (line < LINES && marks.get(block + ((long) line << LOG_LINE_BYTES)) == LIVE) {
                line++;
            }
            int first = line;
            while (line < LINES && marks.get(block + ((long) line << LOG_LINE_BYTES)) != LIVE) {
                line++;
            }
            if (line > first && ((long) (line - first) << LOG_LINE_BYTES) >= minBytes) {
                return ((long) first << 32) | line;
            }
        }
        return -1;
    }

    // ---- collection -----------------------------------------------------------------------------

    /** Before tracing: no object or line marked; no block is an evacuation candidate. */
    @Override
    public void prepare() {
        collecting = true;
        objectBytes = 0;
        defrag = false;
        evacuated = 0;
        snapshotUntouchedBlocks();
        for (int b = 0; b < blockCount; b++) {
            candidate[b] = false;
            if (owned[b]) {
                long start = blockStart(b);
                marks.clearRange(start, start + BLOCK_BYTES);
                lines.clearRange(start, start + BLOCK_BYTES);
            }
        }
        recyclableCount = 0;
        recyclableNext = 0;
        freeLineBytes = 0;
    }

    /** Remembers the recyclable blocks not handed out since the last collection, and their line marks. */
    private void snapshotUntouchedBlocks() {
        untouchedCount = 0;
        untouchedNext = 0;
        untouchedLine = 0;
        for (int r = recyclableNext; r < recyclableCount; r++) {
            int b = recyclable[r];
            lines.copyRange(blockStart(b), blockStart(b) + BLOCK_BYTES, untouchedLines);
            untouched[untouchedCount++] = b;
        }
    }

    /**
     * While this space is collected: hands {@code buffer} the next hole of at least {@code minBytes}
     * among the untouched blocks' free lines (skipping evacuation candidates); false when none is left.
     */
    private synchronized boolean takeUntouchedHole(AllocationBuffer buffer, long minBytes) {
        for (; untouchedNext < untouchedCount; untouchedNext++, untouchedLine = 0) {
            int b = untouched[untouchedNext];
            long hole = candidate[b] ? -1 : findHole(untouchedLines, blockStart(b), untouchedLine, minBytes);
            if (hole >= 0) {
                untouchedLine = (int) hole;
                long start = blockStart(b);
                buffer.reset(start + ((hole >>> 32) << LOG_LINE_BYTES), start + ((long) untouchedLine << LOG_LINE_BYTES));
                return true;
            }
        }
        return false;
    }

    /**
     * After {@link #prepare}: picks as evacuation candidates the blocks with the fewest live lines
     * at the last collection (at most half their lines live), until their live data would fill
     * {@code reserveBytes} of fresh blocks; their unpinned survivors are copied out this collection.
     *
     * @return the number of candidate blocks
     */
    public int prepareDefrag(long reserveBytes) {
        if (atomic) {
            throw new IllegalStateException("evacuation copies objects and needs a single tracer; turn atomic marking off");
        }
        int chosen = 0;
        long budget = reserveBytes;
        for (int live = 1; live <= LINES / 2 && budget > 0; live++) {
            for (int b = 0; b < blockCount && budget > 0; b++) {
                if (owned[b] && liveLines[b] == live) {
                    candidate[b] = true;
                    budget -= (long) live * LINE_BYTES;
                    chosen++;
                }
            }
        }
        defrag = chosen > 0;
        evacuationCursor = 0;
        evacuationLimit = 0;
        return chosen;
    }

    /**
     * Whether the next traces run on several workers: evacuation, which copies, is then off, and in
     * debug mode marks are set with compare-and-set. In release mode they stay plain byte stores
     * ({@link MarkBytes#testAndSetRacy}): two workers reaching an object at the same instant may both
     * scan it, which is harmless here (nothing moves, a second scan marks nothing new) but counts it
     * twice in the trace's scan count; debug mode counts exactly. Set before {@link #prepare}.
     */
    public void atomicMarking(boolean on) {
        this.atomic = on;
        this.exactMarks = exactMarksWanted();
    }

    /**
     * Marks with compare-and-set from now on even in release mode and with one tracer: every object
     * is scanned once and counted once, at the price of a locked instruction per mark (to measure
     * it, or for a plan whose live counts must be exact). Off by default.
     */
    public void exactMarking(boolean on) {
        this.forceExactMarks = on;
        this.exactMarks = exactMarksWanted();
    }

    /** Compare-and-set marks: asked for, or several tracers in debug mode (exact counts there). */
    private boolean exactMarksWanted() {
        return forceExactMarks || (atomic && objects.debug());
    }

    /** Marks {@code object}; true if it was unmarked (see {@link #atomicMarking} for several tracers). */
    private boolean mark(long object) {
        return exactMarks ? marks.testAndSetAtomic(object) : marks.testAndSetRacy(object);
    }

    @Override
    public long traceObject(long object, TraceQueue queue) {
        if (defrag && candidate[blockIndex(object)]) {
            return traceCandidate(object, queue);
        }
        if (mark(object)) {
            queue.enqueue(object);
        }
        return object;
    }

    @Override
    public boolean needsPostScan() {
        return true;
    }

    /** The lines a scanned live object covers are live (racy byte stores of one value: fine in parallel). */
    @Override
    public void postScanObject(long object, long status) {
        lines.setRange(object, object + objects.sizeOf(status), LIVE);
    }

    /** An object in an evacuation candidate block: copied out unless pinned, marked in place otherwise. */
    private long traceCandidate(long object, TraceQueue queue) {
        if (marks.get(object)) {
            return object;
        }
        long status = objects.status(object);
        if (HeaderLayout.isForwarding(status)) {
            return HeaderLayout.forwardee(status);
        }
        if ((status & HeaderLayout.PINNED_BIT) == 0) {
            long copy = evacuate(object, status);
            if (copy != 0) {
                queue.enqueue(copy);
                return copy;
            }
        }
        marks.testAndSetRacy(object);   // one tracer while evacuating
        queue.enqueue(object);
        return object;
    }

    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        if (mark(object)) {
            queue.enqueue(object);
        }
    }

    @Override
    public boolean isLive(long object) {
        return marks.get(object) || HeaderLayout.isForwarding(objects.status(object));
    }

    /** Copies an unpinned object out of a candidate block into a fresh block; 0 when none is left. */
    private long evacuate(long object, long status) {
        long bytes = objects.sizeOf(status);
        if (evacuationCursor + bytes > evacuationLimit) {
            closeEvacuationBlock();
            long block = freshBlock();
            if (block == 0) {
                return 0;   // no room: the object stays where it is
            }
            evacuationCursor = block;
            evacuationLimit = block + BLOCK_BYTES;
        }
        long copy = evacuationCursor;
        evacuationCursor += bytes;
        objects.copyObject(object, copy, bytes);
        objects.setStatus(object, HeaderLayout.forwardingWord(copy));
        marks.testAndSetRacy(copy);   // one tracer while evacuating; its lines when the tracer scans it
        evacuated++;
        return copy;
    }

    private void closeEvacuationBlock() {
        if (evacuationLimit > evacuationCursor) {
            objects.formatFree(evacuationCursor, evacuationLimit - evacuationCursor, 0);
        }
        evacuationCursor = 0;
        evacuationLimit = 0;
    }

    /**
     * Every gap between live objects becomes free cells (each hole a cell of its own), empty blocks go
     * back to the page resource, blocks with free lines become recyclable.
     */
    @Override
    public void release() {
        release(null);
    }

    /**
     * {@link #release()} with the blocks swept by the workers of {@code pool}, each a share of the
     * owned blocks (a block's sweep touches that block and its metadata alone); null sweeps on this
     * thread. The free blocks and the recyclable list are settled on this thread afterwards.
     */
    @Override
    public synchronized void release(WorkerPool pool) {
        closeEvacuationBlock();
        int[] swept = ownedBlockIndices();
        sweep(swept, pool);
        settle(swept);
        defrag = false;
        collecting = false;
    }

    private int[] ownedBlockIndices() {
        int[] indices = new int[ownedBlocks];
        int n = 0;
        for (int b = 0; b < blockCount && n < indices.length; b++) {
            if (owned[b]) {
                indices[n++] = b;
            }
        }
        return indices;
    }

    /**
     * Blocks below which the sweep stays on the collecting thread: waking the workers costs about as
     * much. Not in debug mode, where the workers always sweep, so that small heaps check that path.
     */
    private static final int SOLO_SWEEP_BLOCKS = 64;

    /** Each block's dead gaps become free cells, its live lines are counted, its live bytes added up. */
    private void sweep(int[] blocks, WorkerPool pool) {
        boolean alone = pool == null || (blocks.length < SOLO_SWEEP_BLOCKS && !objects.debug());
        int workers = alone ? 1 : pool.workers();
        long[] liveBytes = new long[workers];
        if (alone) {
            liveBytes[0] = sweepShare(blocks, 0, blocks.length);
        } else {
            pool.run(w -> liveBytes[w] = sweepShare(blocks, blocks.length * w / workers, blocks.length * (w + 1) / workers));
        }
        for (long bytes : liveBytes) {
            objectBytes += bytes;
        }
    }

    /** Sweeps {@code blocks[from..to)}, recording each one's live lines; returns their live bytes. */
    private long sweepShare(int[] blocks, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            long swept = sweepBlock(blockStart(blocks[i]));
            liveLines[blocks[i]] = (short) (swept & 0xFF);
            bytes += swept >>> 8;
        }
        return bytes;
    }

    /** Empty blocks go back to the page resource, partly free ones become recyclable (this thread). */
    private void settle(int[] blocks) {
        sparseBlocks = 0;
        for (int b : blocks) {
            int live = liveLines[b];
            candidate[b] = false;
            if (live == 0) {
                owned[b] = false;
                ownedBlocks--;
                pages.release(blockStart(b), BLOCK_PAGES);
            } else if (live < LINES) {
                recyclable[recyclableCount++] = b;
                freeLineBytes += (long) (LINES - live) * LINE_BYTES;
                sparseBlocks += live <= LINES / 2 ? 1 : 0;
            }
        }
    }

    /**
     * Formats the block's dead space; returns its live objects' bytes shifted left by 8, or'ed with
     * its live line count (at most 128).
     */
    private long sweepBlock(long start) {
        long end = start + BLOCK_BYTES;
        long cursor = start;
        long liveBytes = 0;
        for (long live = marks.nextSet(start, end); live < end; live = marks.nextSet(cursor, end)) {
            formatGap(start, cursor, live);
            long bytes = objects.cellBytes(live);
            liveBytes += bytes;
            cursor = live + bytes;
        }
        formatGap(start, cursor, end);
        int live = 0;
        for (int line = 0; line < LINES; line++) {
            live += lines.get(start + ((long) line << LOG_LINE_BYTES)) == LIVE ? 1 : 0;
        }
        return (liveBytes << 8) | live;
    }

    /**
     * Formats the dead gap {@code [from, to)} of the block at {@code block}: the whole lines inside it
     * (a hole) as one free cell, the partial lines at either end as cells of their own.
     */
    private void formatGap(long block, long from, long to) {
        if (to <= from) {
            return;
        }
        long holeStart = block + (((from - block) + LINE_BYTES - 1) & ~(LINE_BYTES - 1));
        long holeEnd = block + ((to - block) & ~(LINE_BYTES - 1));
        if (holeStart >= holeEnd) {
            objects.formatFree(from, to - from, 0);
            return;
        }
        if (from < holeStart) {
            objects.formatFree(from, holeStart - from, 0);
        }
        objects.formatFree(holeStart, holeEnd - holeStart, 0);
        if (holeEnd < to) {
            objects.formatFree(holeEnd, to - holeEnd, 0);
        }
    }

    /** Blocks the last collection left at most half live. */
    public synchronized int sparseBlocks() {
        return sparseBlocks;
    }

    /**
     * A target for objects another space copies in (a nursery's survivors, promoted): bump allocation
     * into this space's holes and fresh blocks through its own allocator, or, while this space is
     * being collected, into the holes of blocks no allocator took since the last collection and then
     * fresh blocks, the copies marked live (each by the worker that made it). One
     * target per GC worker: each bumps in its own buffer, and blocks and holes are handed out under
     * this space's lock.
     */
    public PromotionTarget promotionTarget() {
        return new PromotionTarget();
    }

    /** See {@link #promotionTarget}. {@link #close} after every collection that used it, {@link #reset} after this space's. */
    public final class PromotionTarget implements CopyTarget {
        private final ImmixAllocator allocator = new ImmixAllocator(ImmixSpace.this);
        private final AllocationBuffer buffer = new AllocationBuffer();

        private PromotionTarget() {
        }

        @Override
        public long allocateCopy(long bytes) {
            long copy = buffer.tryBump(bytes);
            if (copy == 0) {
                close();
                if (bytes > MAX_OBJECT_BYTES || !refill(bytes)) {
                    return 0;
                }
                copy = buffer.tryBump(bytes);
            }
            if (collecting && !mark(copy)) {
                throw new IllegalStateException("a fresh copy at 0x" + Long.toHexString(copy) + " was already marked");
            }   // its lines when the tracer scans it (the copying space queues it)
            return copy;
        }

        /**
         * Holes through the allocator when this space is not being collected. While it is, its line
         * marks are being rebuilt and a line that looks free may hold a survivor not yet traced, so
         * copies go to the holes the last collection left in blocks no allocator took since (free
         * then and still), then to fresh blocks.
         */
        private boolean refill(long bytes) {
            if (!collecting) {
                return allocator.refill(buffer, bytes);
            }
            if (takeUntouchedHole(buffer, bytes)) {
                return true;
            }
            long fresh = freshBlock();
            if (fresh != 0) {
                buffer.reset(fresh, fresh + BLOCK_BYTES);
            }
            return fresh != 0;
        }

        /** The unused part of the buffer becomes free space (the heap parses); the block stays the allocator's. */
        public void close() {
            if (buffer.limit() > buffer.cursor() && buffer.cursor() != 0) {
                objects.formatFree(buffer.cursor(), buffer.limit() - buffer.cursor(), 0);
            }
            buffer.clear();
        }

        /** After this space was collected: its holes changed, the allocator starts afresh. */
        public void reset() {
            close();
            allocator.reset();
        }
    }

    /** Objects copied out of candidate blocks by the last collection. */
    public long evacuated() {
        return evacuated;
    }

    @Override
    public synchronized long usedBytes() {
        return ((long) ownedBlocks << LOG_BLOCK_BYTES) - freeLineBytes;
    }

    @Override
    public synchronized long committedBytes() {
        return (long) ownedBlocks << LOG_BLOCK_BYTES;
    }

    @Override
    public synchronized long objectBytes() {
        return objectBytes;
    }

    /** Bytes in the free lines of recyclable blocks no allocator has taken yet. */
    public synchronized long freeLineBytes() {
        return freeLineBytes;
    }

    /** Blocks this space holds. */
    public synchronized int ownedBlocks() {
        return ownedBlocks;
    }
}
