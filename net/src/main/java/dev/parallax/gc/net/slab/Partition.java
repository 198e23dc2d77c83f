package dev.parallax.gc.net.slab;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One partition of a net: a slab of fixed-size node slots, a table of variable cells, and a dense
 * table of Ref cells, all in off-heap memory, plus the optional Ref-cell index (a bitmap with one bit
 * per Ref cell).
 *
 * <p>Slot layout, {@value #SLOT_BYTES} bytes: word 0 the header ({@link #KIND_MASK kind} in the low
 * byte, a label or operator above it, bit 62 {@link #BOXED}, bit 63 {@link #LISTED}), words 1 and 2
 * the aux ports, word 3 the payload: an operator's first operand, or a Ref node's cell id. A Ref
 * node's 64-bit cell (a word tagged by the runtime's tag scheme) lives in the Ref-cell table of some
 * partition, named by that id: cells of live Refs are packed together (freed cells are reused first),
 * so an index scan reads them sequentially instead of one cache line of the slab per Ref. Slots,
 * variables and cells above their tops were never used; free ones below sit on some thread's free
 * stack.
 *
 * <p>Threads: a slot or cell is written by the one thread that owns it (allocated it, or took its
 * node out of a redex), or by a collector in a pause (a cell, with compare-and-set); the bump pointers
 * only by the partition's home worker (or the builder before reduction); the bitmap with atomic bit
 * operations, since a freed cell may be reused by any worker. Root sources read everything in a
 * pause, when every worker is parked.
 */
public final class Partition {
    public static final int SLOT_BYTES = 32;
    /** {@link #SLOT_BYTES} as a long, for byte counts. */
    public static final long SLAB_BYTES_PER_SLOT = SLOT_BYTES;
    public static final int SLOT_SHIFT = 5;
    /** Byte offset of a slot's payload word (a Ref's cell id) within the slot. */
    public static final int PAYLOAD = 24;
    public static final long KIND_MASK = 0xFF;
    public static final int FREE = 0;
    /** An operator's first operand came from a Ref: its result is boxed on the GC heap. */
    public static final long BOXED = 1L << 62;
    /** The slot is on a remembered list of the list index (so it is never appended twice). */
    public static final long LISTED = 1L << 63;

    private static final VarHandle WORD = ValueLayout.JAVA_LONG.varHandle();

    private final int index;
    private final long slots;
    private final long varCells;
    private final MemorySegment nodes;
    private final MemorySegment vars;
    private final MemorySegment cells;
    private final MemorySegment bitmap;
    private long top;
    private long varTop;
    private long cellTop;

    Partition(Arena arena, int index, long slots, long varCells, boolean bitmap) {
        this.index = index;
        this.slots = slots;
        this.varCells = varCells;
        this.nodes = arena.allocate(slots * SLOT_BYTES, 64);
        this.vars = arena.allocate(varCells * 8, 64);
        this.cells = arena.allocate(slots * 8, 64);
        this.bitmap = bitmap ? arena.allocate(((slots + 63) >>> 6) * 8, 64) : null;
    }

    public int index() {
        return index;
    }

    /** Slots in this partition's slab. */
    public long capacity() {
        return slots;
    }

    /** One past the highest slot ever allocated. */
    public long top() {
        return top;
    }

    /** The node slab; slot s at byte offset {@code s << SLOT_SHIFT}. */
    public MemorySegment nodes() {
        return nodes;
    }

    /** The Ref-cell table; cell i at byte offset {@code 8 * i}. */
    public MemorySegment cells() {
        return cells;
    }

    /** One past the highest Ref cell ever allocated. */
    public long cellTop() {
        return cellTop;
    }

    /** The Ref-cell bitmap (bit i set iff cell i belongs to a live Ref node), or null when not maintained. */
    public MemorySegment bitmap() {
        return bitmap;
    }

    /** A node id for slot {@code slot} of partition {@code partition}. */
    public static long nodeId(int partition, long slot) {
        return (long) partition << 32 | slot;
    }

    public static int partitionOf(long id) {
        return (int) (id >>> 32);
    }

    public static long slotOf(long id) {
        return id & 0xFFFF_FFFFL;
    }

    /** Bumps a never-used slot, or returns -1 when the slab is full. Home worker only. */
    long bumpSlot() {
        if (top == slots) {
            return -1;
        }
        return top++;
    }

    /** Bumps a never-used Ref cell, or -1 when the table is full. Home worker only. */
    long bumpCell() {
        if (cellTop == slots) {
            return -1;
        }
        return cellTop++;
    }

    /** Bumps a never-used variable cell, or -1 when the table is full. Home worker only. */
    long bumpVar() {
        if (varTop == varCells) {
            return -1;
        }
        return varTop++;
    }

    // ---- slot words -----------------------------------------------------------------------------

    public long header(long slot) {
        return nodes.get(ValueLayout.JAVA_LONG, slot << SLOT_SHIFT);
    }

    void setHeader(long slot, long header) {
        nodes.set(ValueLayout.JAVA_LONG, slot << SLOT_SHIFT, header);
    }

    long word(long slot, int word) {
        return nodes.get(ValueLayout.JAVA_LONG, (slot << SLOT_SHIFT) + ((long) word << 3));
    }

    void setWord(long slot, int word, long value) {
        nodes.set(ValueLayout.JAVA_LONG, (slot << SLOT_SHIFT) + ((long) word << 3), value);
    }

    /** A Ref node's cell id (its payload word). */
    public long cellId(long slot) {
        return nodes.get(ValueLayout.JAVA_LONG, (slot << SLOT_SHIFT) + PAYLOAD);
    }

    /** Ref cell {@code i} of this partition's table, read with acquire semantics (a collector may have rewritten it). */
    public long cellAt(long i) {
        return (long) WORD.getAcquire(cells, i << 3);
    }

    /** Writes Ref cell {@code i} with release semantics. */
    void setCellAt(long i, long word) {
        WORD.setRelease(cells, i << 3, word);
    }

    /** Replaces Ref cell {@code i}'s word with compare-and-set; false when another thread changed it first. */
    public boolean casCellAt(long i, long expected, long word) {
        return WORD.compareAndSet(cells, i << 3, expected, word);
    }

    // ---- variables ------------------------------------------------------------------------------

    /** Atomically swaps variable cell {@code var}: the heart of the lock-free linker. */
    public long exchangeVar(long var, long port) {
        return (long) WORD.getAndSet(vars, var << 3, port);
    }

    /** A variable cell's word (for reading back a normal form, not during reduction). */
    public long varWord(long var) {
        return var(var);
    }

    /** Word {@code word} (1 or 2: an aux port) of a slot, for reading back. */
    public long auxWord(long slot, int word) {
        return word(slot, word);
    }

    long var(long var) {
        return (long) WORD.getVolatile(vars, var << 3);
    }

    void setVar(long var, long word) {
        vars.set(ValueLayout.JAVA_LONG, var << 3, word);
    }

    // ---- bitmap ---------------------------------------------------------------------------------

    void markCell(long i) {
        WORD.getAndBitwiseOr(bitmap, (i >>> 6) << 3, 1L << i);
    }

    void unmarkCell(long i) {
        WORD.getAndBitwiseAnd(bitmap, (i >>> 6) << 3, ~(1L << i));
    }
}
