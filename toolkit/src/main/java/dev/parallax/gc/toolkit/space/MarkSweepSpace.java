package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.HeaderLayout;
import dev.parallax.gc.api.object.HeapCorruptionException;
import dev.parallax.gc.api.object.ObjectKind;
import dev.parallax.gc.api.object.ObjectModel;
import dev.parallax.gc.toolkit.heap.PageResource;
import dev.parallax.gc.toolkit.metadata.SideBits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Non-moving space of segregated size classes with free lists (MMTk's mark-sweep space, after the
 * Boehm and Hoard allocators): 32 KiB blocks taken from the page resource, each devoted to one
 * {@link SizeClasses size class} and carved into cells of that size; tracing marks live objects in
 * a side bitmap; {@link #release} sweeps, making every unmarked cell a free cell on its block's free
 * list and giving empty blocks back. Objects up to {@link SizeClasses#MAX_CELL_BYTES}; larger ones
 * belong in a large-object space.
 *
 * <h2>Layout and the free lists</h2>
 * A block is {@code cells * cellBytes} of cells and a tail too short for one more (formatted once as a
 * free cell when the block is carved). A free cell is a FREE chunk of the cell's size written by
 * {@link ObjectModel#formatFree}, and the block's free list is threaded through the chunks' link
 * words, in address order. The links live in the cells rather than in a side table because the
 * sweep must write every dead cell's status word anyway (the heap parses as objects and free cells,
 * and a dead object must stop looking like one): its link is the next word, almost always in the
 * same cache line, where a side table would be another array to touch and keep in step. The price
 * is the 16-byte minimum cell. An object smaller than its cell (above 128 bytes) is handed out as
 * exactly its bytes followed by the cell's tail as a free cell, so the heap parses and the object's
 * header, not the cell, says how big it is; {@link #objectBytes} counts object bytes.
 *
 * <h2>Allocation</h2>
 * {@link MarkSweepAllocator} (one per thread) takes a block's whole free list at a time, under this
 * space's lock, and pops cells from it without one. {@link #allocate} is the thread-safe path (one
 * lock per object: promotion, mutator slow paths) and {@link #allocateCopy} the collecting thread's
 * path as a {@link CopyTarget}; both use allocators of the space's own. A block is available (on its
 * class's stack of blocks with free cells), full, or held by an allocator, which gives it back when
 * it has used it up.
 *
 * <h2>Allocating while this space is being collected</h2>
 * Between {@link #prepare} and {@link #release} the mark bitmap is incomplete: an unmarked cell may
 * hold a survivor not yet traced, so nothing in this space ever decides that a cell is free from the
 * marks before the sweep. Copies made during a collection of this space (a nursery promoting into it
 * during a full collection) take cells from the free lists as they stood at {@code prepare}, which the
 * last sweep (or an explicit {@link #free}) built and which held no object then, or from fresh
 * blocks; and they are marked at once, so that the sweep keeps them (the tracer never traces a copy
 * through this space). This is {@link ImmixSpace.PromotionTarget}'s rule (while collecting, only
 * holes that were free at the last collection and untouched since, then fresh blocks), with less
 * bookkeeping: a free list, unlike Immix's line marks, is not rebuilt before the sweep, so it needs
 * no snapshot. Mutator allocators must not allocate
 * during a collection of their space (their blocks' lists are about to be rebuilt); they throw if
 * they try.
 *
 * <h2>After a collection</h2>
 * The sweep rebuilds every block's list from the marks, including the blocks allocators hold, so an
 * allocator's cached lists are void after it: each allocator notices by this space's epoch (bumped by
 * {@code prepare} and {@code release}) and starts afresh, so a forgotten reset cannot hand out a cell
 * twice or allocate in a block already given back.
 *
 * <h2>Costs</h2>
 * Allocation: a table read for the class, a link load, a pointer store, and for an object smaller
 * than its cell one or two stores to format the tail; a block change takes the lock. Tracing: one
 * bit set and a header read (for the object's size) per live object. {@link #prepare}: clears 64
 * words of bitmap per block the space holds. {@link #release}, per block: the block's 64 bitmap
 * words are skipped a word at a time ({@link SideBits#nextSet}), one step per live cell (no header
 * read), two stores per dead or already-free cell (its status word and link, no read), one per run
 * of dead cells; a block with no live cell is given back without touching its cells. The stores
 * touch every cache line of a block's dead cells, so the sweep is bound by memory bandwidth.
 * Measured ({@code MarkSweepSpaceBenchmark}, release mode, a shared 2-core machine): 4 ns per
 * 40-byte allocation from swept lists, 10 ns from fresh blocks (carving included); 110 to 140 us per
 * MiB of 40-byte cells swept with 10% of them live, 200 to 225 us with 50%.
 *
 * <h2>Threads</h2>
 * {@link #prepare}, {@link #release} and {@link #free} run with the world stopped (or, for
 * {@code free}, outside a parallel trace). {@link #traceObject} from several tracers at once only
 * with {@link #atomicMarking} on; with it off, one thread traces and allocates into this space
 * during a collection. {@link #allocate} is thread-safe; {@link #allocateCopy} belongs to the one
 * tracing thread that copies.
 *
 * <p>Debug mode ({@link ObjectModel#debug()}): tracing checks that every object is the start of a
 * cell of this space's blocks with a header that fits the cell, and allocators check each cell they
 * pop is a free cell of their class; {@link #free} always checks (double free, outside this space,
 * inside a cell). Failures name the address.
 */
public final class MarkSweepSpace implements Space, CopyTarget {
    public static final int BLOCK_PAGES = 8;
    public static final int LOG_BLOCK_BYTES = PageResource.LOG_PAGE_BYTES + 3;
    public static final long BLOCK_BYTES = 1L << LOG_BLOCK_BYTES;

    private static final VarHandle OBJECT_BYTES;

    static {
        try {
            OBJECT_BYTES = MethodHandles.lookup().findVarHandle(MarkSweepSpace.class, "objectBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // block states
    private static final byte UNOWNED = 0;
    /** Owned, no free cell on its list, not held. */
    private static final byte FULL = 1;
    /** Owned, free cells on its list, on its class's stack. */
    private static final byte AVAILABLE = 2;
    /** An allocator took its list; it comes back when the allocator has used it up. */
    private static final byte HELD = 3;
    private static final int NONE = -1;

    private final byte id;
    private final String name;
    private final PageResource pages;
    private final ObjectModel objects;
    private final long base;
    private final boolean debug;
    private final int headerWords;
    private final SideBits marks;
    private final int blockCount;
    // per block of the heap; guarded by this
    private final byte[] state;
    private final byte[] sizeClass;
    /** The block's own free list (cells not taken by an allocator) and its length. */
    private final long[] freeHead;
    private final int[] freeCount;
    /** The next block on its class's stack of available blocks. */
    private final int[] nextAvailable;
    /** Per class: the top of its stack of available blocks, or {@link #NONE}. */
    private final int[] available = new int[SizeClasses.COUNT];
    private int ownedBlocks;
    /** Bytes of the cells on the blocks' own free lists. */
    private long freeBytes;
    /**
     * Bytes of the objects marked (or copied in) by the last collection, plus bytes allocated since
     * (allocators' counts once they fold them in), minus bytes freed. Changed atomically, or plainly by
     * the lone tracer; read volatile.
     */
    @SuppressWarnings("unused")   // through OBJECT_BYTES and the lone tracer
    private long objectBytes;
    /** Bumped by {@link #prepare} and {@link #release}: allocators' cached lists and counts are void when it moves. */
    volatile int epoch;
    private volatile boolean collecting;
    private boolean atomic;
    /** The copying thread's allocator ({@link #allocateCopy}) and the one {@link #allocate} uses under the lock. */
    private final MarkSweepAllocator copier;
    private final MarkSweepAllocator shared;

    public MarkSweepSpace(byte id, String name, PageResource pages) {
        this.id = id;
        this.name = name;
        this.pages = pages;
        this.objects = pages.objects();
        this.base = objects.base();
        this.debug = objects.debug();
        this.headerWords = objects.headerWords();
        this.marks = new SideBits(objects.base(), objects.limit(), 3);
        this.blockCount = Math.toIntExact(objects.capacity() >>> LOG_BLOCK_BYTES);
        this.state = new byte[blockCount];
        this.sizeClass = new byte[blockCount];
        this.freeHead = new long[blockCount];
        this.freeCount = new int[blockCount];
        this.nextAvailable = new int[blockCount];
        java.util.Arrays.fill(available, NONE);
        this.copier = new MarkSweepAllocator(this, true);
        this.shared = new MarkSweepAllocator(this, true);
    }

    @Override
    public byte id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    ObjectModel objects() {
        return objects;
    }

    int blockIndex(long address) {
        return (int) ((address - base) >>> LOG_BLOCK_BYTES);
    }

    private long blockStart(int index) {
        return base + ((long) index << LOG_BLOCK_BYTES);
    }

    // ---- allocation -----------------------------------------------------------------------------

    /**
     * A cell for an object of {@code bytes} (a multiple of 8, at most {@link SizeClasses#MAX_CELL_BYTES}),
     * not zeroed: the caller writes the object's header (and body). Until it does, the cell parses as
     * one free cell; after, as the object followed by the cell's tail as a free cell. While this space
     * is being collected the cell comes from a list built before the collection or a fresh block and is
     * marked live (see the class comment). Thread-safe: one lock per call; a mutator's common path is
     * a {@link MarkSweepAllocator} instead.
     *
     * @return the cell's address, or 0 when no cell of the class is free and the page resource has no block
     * @throws IllegalArgumentException for a size no class holds (naming it)
     */
    public synchronized long allocate(long bytes) {
        return allocateOwn(shared, bytes);
    }

    /**
     * {@link CopyTarget}: a cell for a copy of {@code bytes}, as {@link #allocate} but without the lock:
     * the one tracing thread that copies calls it. A copy made while this space is being collected is
     * marked live and counted; it never lands on a cell the collection has not yet traced.
     */
    @Override
    public long allocateCopy(long bytes) {
        return allocateOwn(copier, bytes);
    }

    /** A cell from one of the space's own allocators, counted at once, and marked while this space is collected. */
    private long allocateOwn(MarkSweepAllocator allocator, long bytes) {
        long cell = allocator.take(SizeClasses.classOf(bytes), bytes);
        if (cell != 0) {
            if (collecting) {
                marks.testAndSetAtomic(cell);   // survives this collection's sweep
            }
            OBJECT_BYTES.getAndAdd(this, bytes);
        }
        return cell;
    }

    /**
     * For {@code allocator}, done with the block it held for class {@code sizeClass} (or {@link #NONE}):
     * gives that block back, counts {@code allocatedBytes} (what it allocated since its last fold), and
     * hands it the whole free list of an available block of the class, else of a fresh block.
     *
     * @return the list's first cell, or 0 when the page resource has no block
     * @throws IllegalStateException when a mutator allocator asks while this space is being collected
     */
    synchronized long nextBlock(int sizeClass, int done, long allocatedBytes, boolean ownAllocator) {
        if (collecting && !ownAllocator) {
            throw new IllegalStateException("a mutator allocator of " + name + " asked for a block while the space is"
                    + " being collected: allocate copies with allocateCopy or allocate");
        }
        OBJECT_BYTES.getAndAdd(this, allocatedBytes);
        if (done != NONE) {
            unhold(done);
        }
        int b = available[sizeClass];
        if (b != NONE) {
            // an available block's list held only free cells when it was built: safe even mid-collection
            available[sizeClass] = nextAvailable[b];
            long head = freeHead[b];
            freeBytes -= freeCount[b] * SizeClasses.cellBytes(sizeClass);
            freeHead[b] = 0;
            freeCount[b] = 0;
            state[b] = HELD;
            return head;
        }
        return freshBlock(sizeClass);
    }

    /** A block from the page resource carved into free cells of the class, held by the caller; 0 when none. */
    private long freshBlock(int sizeClass) {
        long start = pages.acquire(BLOCK_PAGES, BLOCK_PAGES, id);
        if (start == 0) {
            return 0;
        }
        int b = blockIndex(start);
        state[b] = HELD;
        this.sizeClass[b] = (byte) sizeClass;
        freeHead[b] = 0;
        freeCount[b] = 0;
        ownedBlocks++;
        marks.clearRange(start, start + BLOCK_BYTES);
        long cell = SizeClasses.cellBytes(sizeClass);
        long end = start + SizeClasses.cellsPerBlock(sizeClass) * cell;
        formatRun(start, end, cell);
        if (end < start + BLOCK_BYTES) {
            objects.formatFree(end, start + BLOCK_BYTES - end, 0);   // the tail parses as free, on no list
        }
        return start;
    }

    /** Formats the cells of {@code [from, to)} as free cells linked in address order, the last one to 0. */
    private void formatRun(long from, long to, long cell) {
        long status = HeaderLayout.freeChunkStatus(cell, headerWords);
        long c = from;
        for (long next = c + cell; next < to; c = next, next += cell) {
            objects.store(c, status);
            objects.store(c + HeaderLayout.LINK_OFFSET, next);
        }
        objects.store(c, status);
        objects.store(c + HeaderLayout.LINK_OFFSET, 0);
    }

    /** Block {@code b} is no longer held: available if cells were freed into it meanwhile, else full. */
    private void unhold(int b) {
        if (state[b] != HELD) {
            return;   // a collection reset the states since the allocator took it
        }
        if (freeCount[b] > 0) {
            pushAvailable(b);
        } else {
            state[b] = FULL;
        }
    }

    private void pushAvailable(int b) {
        int c = sizeClass[b];
        nextAvailable[b] = available[c];
        available[c] = b;
        state[b] = AVAILABLE;
    }

    /**
     * From an allocator leaving (and not stale): the unused list {@code head} of block {@code b}, of
     * {@code count} cells ending at {@code tail}, goes back onto the block's own list.
     */
    synchronized void giveBack(int b, long head, long tail, int count, long allocatedBytes) {
        OBJECT_BYTES.getAndAdd(this, allocatedBytes);
        if (count > 0) {
            objects.setFreeLink(tail, freeHead[b]);
            freeHead[b] = head;
            freeCount[b] += count;
            freeBytes += count * SizeClasses.cellBytes(sizeClass[b]);
        }
        unhold(b);
    }

    /** Counts what an allocator allocated since its last fold (not stale: the epoch has not moved since). */
    synchronized void fold(long allocatedBytes) {
        OBJECT_BYTES.getAndAdd(this, allocatedBytes);
    }

    /**
     * The object at {@code object} is dead and nothing will read it or trace it again: its cell becomes
     * a free cell on its block's list at once (Boehm's {@code GC_free}; for a plan that knows, such as an
     * aborted copy). Its bytes leave {@link #objectBytes}. Not during a parallel trace.
     *
     * @throws IllegalArgumentException when {@code object} is not the start of an allocated cell of this
     *                                  space: outside its blocks, inside a cell, or already free (a
     *                                  double free); the message names the address
     */
    public synchronized void free(long object) {
        int b = checkCellStart(object, "free");
        long status = objects.status(object);
        ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
        if (kind == null || !kind.isObject()) {
            throw new IllegalArgumentException(String.format("double free of 0x%x: the cell is already %s", object,
                    kind == null ? "corrupt (status 0x" + Long.toHexString(status) + ")" : "free"));
        }
        long cell = SizeClasses.cellBytes(sizeClass[b]);
        OBJECT_BYTES.getAndAdd(this, -objects.sizeOf(status));
        marks.clear(object);   // a cell on a list is unmarked
        objects.formatFree(object, cell, freeHead[b]);
        freeHead[b] = object;
        freeCount[b]++;
        freeBytes += cell;
        if (state[b] == FULL) {
            pushAvailable(b);
        }
    }

    /**
     * The block index of {@code address} if it is the start of a cell of a block this space holds.
     *
     * @throws IllegalArgumentException otherwise, naming the address and {@code what}
     */
    private int checkCellStart(long address, String what) {
        String why = whyNotCellStart(address);
        if (why != null) {
            throw new IllegalArgumentException(what + " of " + why);
        }
        return blockIndex(address);
    }

    /** Null if {@code address} starts a cell of one of this space's blocks, else what it is instead. */
    private String whyNotCellStart(long address) {
        if (!objects.inHeap(address) || (address & (HeaderLayout.ALIGNMENT - 1)) != 0) {
            return String.format("0x%x: not an aligned heap address", address);
        }
        int b = blockIndex(address);
        if (pages.ownerOf(address) != id || state[b] == UNOWNED) {
            return String.format("0x%x: outside the blocks of space %s (page owner %d)", address, name,
                    pages.ownerOf(address));
        }
        long cell = SizeClasses.cellBytes(sizeClass[b]);
        long offset = address - blockStart(b);
        if (offset % cell != 0 || offset / cell >= SizeClasses.cellsPerBlock(sizeClass[b])) {
            return String.format("0x%x: not the start of a cell (block 0x%x has %d-byte cells)", address,
                    blockStart(b), cell);
        }
        return null;
    }

    /** Debug mode, from an allocator: the cell it is about to pop must be a free cell of its class. */
    void checkFreeCell(long cell, int sizeClass) {
        String why = whyNotCellStart(cell);
        long status = why == null ? objects.status(cell) : 0;
        if (why == null && (HeaderLayout.kindCode(status) != ObjectKind.FREE.code()
                || objects.sizeOf(status) != SizeClasses.cellBytes(sizeClass)
                || this.sizeClass[blockIndex(cell)] != sizeClass)) {
            why = String.format("0x%x: status 0x%x, not a free %d-byte cell", cell, status,
                    SizeClasses.cellBytes(sizeClass));
        }
        if (why != null) {
            throw new HeapCorruptionException("free list of " + name + " (class " + sizeClass + ") leads to " + why
                    + ": a cell was written after it was freed, or handed out twice");
        }
    }

    // ---- collection -----------------------------------------------------------------------------

    /**
     * Whether the next traces run on several workers: marks are then set with compare-and-set and
     * counted atomically. Set before {@link #prepare}.
     */
    public void atomicMarking(boolean on) {
        this.atomic = on;
    }

    /** Before tracing: no object of this space is marked; allocators' lists and counts become void. */
    @Override
    public synchronized void prepare() {
        epoch++;
        collecting = true;
        OBJECT_BYTES.setVolatile(this, 0L);
        for (int b = 0; b < blockCount; b++) {
            if (state[b] != UNOWNED) {
                long start = blockStart(b);
                marks.clearRange(start, start + BLOCK_BYTES);
            }
        }
    }

    /** Marks the object (it never moves); the first time, counts its bytes and hands it to {@code queue}. */
    @Override
    public long traceObject(long object, TraceQueue queue) {
        if (debug) {
            checkTraced(object);
        }
        if (atomic ? marks.testAndSetAtomic(object) : marks.testAndSet(object)) {
            countLive(objects.cellBytes(object));
            queue.enqueue(object);
        }
        return object;
    }

    /** Objects never move here: a pin is a trace. */
    @Override
    public void pinAndTrace(long object, TraceQueue queue) {
        traceObject(object, queue);
    }

    @Override
    public boolean isLive(long object) {
        return marks.get(object);
    }

    private void countLive(long bytes) {
        if (atomic) {
            OBJECT_BYTES.getAndAdd(this, bytes);
        } else {
            objectBytes += bytes;   // the lone tracer
        }
    }

    /** Debug mode: a traced object starts a cell of this space and its header fits the cell. */
    private void checkTraced(long object) {
        String why = whyNotCellStart(object);
        if (why == null) {
            long status = objects.status(object);
            ObjectKind kind = ObjectKind.ofCode(HeaderLayout.kindCode(status));
            long cell = SizeClasses.cellBytes(sizeClass[blockIndex(object)]);
            if (kind == null || !kind.isObject()) {
                why = String.format("0x%x: a free cell, not an object (status 0x%x)", object, status);
            } else if (objects.sizeOf(status) > cell) {
                why = String.format("0x%x: an object of %d bytes in a %d-byte cell", object, objects.sizeOf(status),
                        cell);
            }
        }
        if (why != null) {
            throw new HeapCorruptionException("tracing in " + name + ": " + why);
        }
    }

    /**
     * Sweeps every block: unmarked cells become free cells on the block's list, blocks with no marked
     * cell go back to the page resource, blocks with free cells become available (lowest address on
     * top of each class's stack). Allocators' lists become void.
     */
    @Override
    public synchronized void release() {
        java.util.Arrays.fill(available, NONE);
        freeBytes = 0;
        for (int b = blockCount - 1; b >= 0; b--) {
            if (state[b] != UNOWNED) {
                sweepBlock(b);
            }
        }
        collecting = false;
        epoch++;
    }

    /** Rebuilds block {@code b}'s free list from the marks, or gives the block back when nothing in it is marked. */
    private void sweepBlock(int b) {
        int c = sizeClass[b];
        long cell = SizeClasses.cellBytes(c);
        long start = blockStart(b);
        long end = start + SizeClasses.cellsPerBlock(c) * cell;
        long live = marks.nextSet(start, end);
        if (live == end) {
            state[b] = UNOWNED;   // empty: the page resource formats it as one free cell
            ownedBlocks--;
            pages.release(start, BLOCK_PAGES);
            return;
        }
        long head = 0;
        long last = 0;
        int free = 0;
        long cursor = start;
        while (true) {
            if (debug && live != end && (live - start) % cell != 0) {
                throw new HeapCorruptionException(String.format("sweeping %s: a mark at 0x%x, inside a %d-byte cell of"
                        + " block 0x%x", name, live, cell, start));
            }
            if (live > cursor) {
                // the dead run [cursor, live) joins the list after the previous run
                if (last == 0) {
                    head = cursor;
                } else {
                    objects.setFreeLink(last, cursor);
                }
                formatRun(cursor, live, cell);
                free += (int) ((live - cursor) / cell);
                last = live - cell;
            }
            if (live == end) {
                break;
            }
            cursor = live + cell;
            live = marks.nextSet(cursor, end);
        }
        freeHead[b] = head;
        freeCount[b] = free;
        freeBytes += free * cell;
        if (free > 0) {
            pushAvailable(b);
        } else {
            state[b] = FULL;
        }
    }

    // ---- accounting -----------------------------------------------------------------------------

    /** Committed bytes minus the free cells on the blocks' own lists (cells allocators hold count as used). */
    @Override
    public synchronized long usedBytes() {
        return ((long) ownedBlocks << LOG_BLOCK_BYTES) - freeBytes;
    }

    @Override
    public synchronized long committedBytes() {
        return (long) ownedBlocks << LOG_BLOCK_BYTES;
    }

    /**
     * Object bytes, not cell bytes: right after a collection exactly the bytes of the objects it marked
     * (copies made into this space included); since then plus the bytes of every object allocated here
     * ({@link #allocate}, {@link #allocateCopy}, and a {@link MarkSweepAllocator}'s once it folds them in:
     * at each block change and {@link MarkSweepAllocator#flush}), minus the bytes {@link #free}d.
     */
    @Override
    public long objectBytes() {
        return (long) OBJECT_BYTES.getVolatile(this);
    }

    /** Bytes of the free cells on the blocks' own lists (not those an allocator holds). */
    public synchronized long freeBytes() {
        return freeBytes;
    }

    /** Blocks this space holds. */
    public synchronized int ownedBlocks() {
        return ownedBlocks;
    }

    /** The size class of the block holding {@code address}, or -1 when this space does not hold it. */
    public synchronized int sizeClassOf(long address) {
        if (!objects.inHeap(address) || pages.ownerOf(address) != id) {
            return -1;
        }
        int b = blockIndex(address);
        return state[b] == UNOWNED ? -1 : sizeClass[b];
    }

    /** Whether the space is between {@link #prepare} and {@link #release}. */
    public boolean collecting() {
        return collecting;
    }
}
