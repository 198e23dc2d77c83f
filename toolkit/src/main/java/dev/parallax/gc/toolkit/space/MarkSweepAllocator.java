package dev.parallax.gc.toolkit.space;

import dev.parallax.gc.api.object.ObjectModel;

import java.util.Arrays;

/**
 * One thread's allocation state in a {@link MarkSweepSpace}: per size class, the free list of the
 * block it holds. An allocation pops the head cell of its class's list with no lock; when the list
 * is empty the allocator gives the block back and takes the whole list of the next available block
 * of the class, or a fresh block, under the space's lock. It counts the bytes it hands out and folds
 * them into the space's {@link MarkSweepSpace#objectBytes} at every block change and at
 * {@link #flush}.
 *
 * <p>Ownership: one thread (a mutator) uses it; {@link #flush}, {@link #reset} and {@link #close}
 * run on that thread or with it stopped. The blocks it holds are its own until it has used them up
 * or closes; cells freed into them meanwhile ({@link MarkSweepSpace#free}) wait on the block's own
 * list.
 *
 * <p>After a collection: the sweep rebuilds every block's list, the held ones' included, so the lists
 * cached here are void. The allocator notices by the space's epoch (moved by every prepare and
 * release) at its next allocation and starts afresh: a forgotten {@link #reset} cannot hand out a
 * cell twice or allocate in a block the sweep gave back. It must not allocate while its space is being
 * collected (a block change then throws {@link IllegalStateException}; copies go through
 * {@link MarkSweepSpace#allocateCopy}).
 *
 * <p>Cost of {@link #allocate}: a size check and table read, a volatile read of the epoch (a plain
 * load on x86), a link load and two stores, and one or two stores more to format the cell's tail for
 * an object smaller than its cell; in debug mode also a check that the cell is a free cell of the
 * class. Allocation-free.
 */
public final class MarkSweepAllocator {
    private static final int NONE = -1;

    private final MarkSweepSpace space;
    private final ObjectModel objects;
    private final boolean debug;
    /** The space's own allocators: they may allocate during its collections and count through the space. */
    private final boolean own;
    /** Per class: the next free cell of the held block's list (0 = none), and the held block (or NONE). */
    private final long[] heads = new long[SizeClasses.COUNT];
    private final int[] blocks = new int[SizeClasses.COUNT];
    /** The space's epoch when the lists above were taken. */
    private int epoch;
    /** Object bytes handed out since the last fold. */
    private long allocated;

    /** An allocator of {@code space} for one thread. */
    public MarkSweepAllocator(MarkSweepSpace space) {
        this(space, false);
    }

    MarkSweepAllocator(MarkSweepSpace space, boolean own) {
        this.space = space;
        this.objects = space.objects();
        this.debug = objects.debug();
        this.own = own;
        Arrays.fill(blocks, NONE);
        this.epoch = space.epoch;
    }

    /**
     * A cell for an object of {@code bytes} (a multiple of 8 up to {@link SizeClasses#MAX_CELL_BYTES}),
     * not zeroed; the caller writes the header. Until it does the cell parses as one free cell; after,
     * as the object and the cell's tail as a free cell.
     *
     * @return the cell, or 0 when the class has no free cell and the page resource no block
     * @throws IllegalArgumentException for a size no class holds (naming it)
     * @throws IllegalStateException    when the space is being collected and this allocator needs a block
     */
    public long allocate(long bytes) {
        long cell = take(SizeClasses.classOf(bytes), bytes);
        if (cell != 0) {
            allocated += bytes;
        }
        return cell;
    }

    /** Pops a cell of class {@code sizeClass} and formats its tail beyond {@code bytes}; 0 when none. Not counted. */
    long take(int sizeClass, long bytes) {
        if (epoch != space.epoch) {
            restart();
        }
        long cell = heads[sizeClass];
        if (cell == 0) {
            cell = refill(sizeClass);
            if (cell == 0) {
                return 0;
            }
        }
        if (debug) {
            space.checkFreeCell(cell, sizeClass);
        }
        heads[sizeClass] = objects.freeLink(cell);
        long cellBytes = SizeClasses.cellBytes(sizeClass);
        if (bytes < cellBytes) {
            objects.formatFree(cell + bytes, cellBytes - bytes, 0);   // the rest of the cell parses as free
        }
        return cell;
    }

    /** The held block of the class is used up: the space gives it back and hands over another's list. */
    private long refill(int sizeClass) {
        long head = space.nextBlock(sizeClass, blocks[sizeClass], allocated, own);
        allocated = 0;
        heads[sizeClass] = head;
        blocks[sizeClass] = head == 0 ? NONE : space.blockIndex(head);
        return head;
    }

    /**
     * The space was prepared or swept since the lists were taken: they are void, and so is the count
     * (the objects it counted were counted by marking, if they survived).
     */
    private void restart() {
        Arrays.fill(heads, 0);
        Arrays.fill(blocks, NONE);
        allocated = 0;
        epoch = space.epoch;
    }

    /**
     * Folds the bytes allocated since the last fold into the space's {@link MarkSweepSpace#objectBytes}
     * (at the start of a pause, so that the pause sees exact figures). Keeps the held blocks. One lock.
     */
    public void flush() {
        if (epoch != space.epoch) {
            restart();
            return;
        }
        space.fold(allocated);
        allocated = 0;
    }

    /**
     * After a pause: forgets the lists if the pause collected the space (it voided them), else keeps
     * them. Calling it is optional (the next allocation notices the same), cheap, and harmless.
     */
    public void reset() {
        if (epoch != space.epoch) {
            restart();
        }
    }

    /**
     * The thread leaves: folds its count and gives the unused part of every held list back to its
     * block. Cost: a walk of those lists (to count them and find their ends) and one lock per block.
     * The allocator may be used again afterwards; it then takes blocks anew.
     */
    public void close() {
        if (epoch != space.epoch) {
            restart();
            return;
        }
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            if (blocks[c] != NONE) {
                long head = heads[c];
                long tail = 0;
                int count = 0;
                for (long cell = head; cell != 0; cell = objects.freeLink(cell)) {
                    tail = cell;
                    count++;
                }
                space.giveBack(blocks[c], head, tail, count, allocated);
                allocated = 0;
                heads[c] = 0;
                blocks[c] = NONE;
            }
        }
        space.fold(allocated);
        allocated = 0;
    }
}
