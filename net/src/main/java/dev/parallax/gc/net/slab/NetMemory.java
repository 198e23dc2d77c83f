package dev.parallax.gc.net.slab;

import dev.parallax.gc.api.object.SlotVisitor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A net's memory: its partitions (slabs of node slots and variable cells, in one shared arena), the
 * allocation contexts of its workers and of the mutator side that builds it, and the Ref-cell index
 * it keeps. What the Ref-cell root sources scan; closed with the net.
 */
public final class NetMemory implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final Partition[] partitions;
    private final Allocator[] workers;
    private final Allocator builder;
    private final RefIndex index;

    /**
     * @param partitions one per worker at least; worker i allocates in partition i
     * @param slots      node slots per partition
     * @param vars       variable cells per partition
     */
    public NetMemory(int partitions, int workers, long slots, long vars, RefIndex index) {
        if (partitions < 1 || workers < 1 || workers > partitions) {
            throw new IllegalArgumentException("a net needs 1 <= workers <= partitions, got " + workers
                    + " workers and " + partitions + " partitions");
        }
        if (slots < 1 || slots > 1L << 31 || vars < 1 || vars > 1L << 31) {
            throw new IllegalArgumentException("slots and variables per partition must be in [1, 2^31], got "
                    + slots + " and " + vars);
        }
        this.index = index;
        this.partitions = new Partition[partitions];
        for (int i = 0; i < partitions; i++) {
            this.partitions[i] = new Partition(arena, i, slots, vars, index.bitmap());
        }
        this.workers = new Allocator[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Allocator(this, i, false);
        }
        this.builder = new Allocator(this, partitions - 1, true);
    }

    public Partition[] partitions() {
        return partitions;
    }

    public Partition partition(long id) {
        return partitions[Partition.partitionOf(id)];
    }

    public RefIndex index() {
        return index;
    }

    /** Worker {@code i}'s allocation context. */
    public Allocator worker(int i) {
        return workers[i];
    }

    public int workers() {
        return workers.length;
    }

    /** The mutator side's context: it spreads what it builds over every partition, round-robin. */
    public Allocator builder() {
        return builder;
    }

    // ---- free lists ---------------------------------------------------------------------------------

    /**
     * Before a reduction: the builder's free slots, variables and cells dealt out evenly to the
     * workers (worker 0 takes the rest of the builder's arrays by swapping). Single-threaded.
     */
    public void dealFreeToWorkers() {
        deal(a -> a.freeNodes);
        deal(a -> a.freeVars);
        deal(a -> a.freeCells);
    }

    private void deal(java.util.function.Function<Allocator, FreeStack> kind) {
        FreeStack from = kind.apply(builder);
        int share = from.count() / workers.length;
        for (int i = workers.length - 1; i > 0; i--) {
            kind.apply(workers[i]).takeTop(from, share);
        }
        kind.apply(workers[0]).takeAll(from);
    }

    /** After a reduction: every free slot, variable and cell gathered to the builder. Single-threaded. */
    public void gatherFreeToBuilder() {
        for (java.util.function.Function<Allocator, FreeStack> kind : List.<java.util.function.Function<Allocator, FreeStack>>of(
                a -> a.freeNodes, a -> a.freeVars, a -> a.freeCells)) {
            FreeStack to = kind.apply(builder);
            for (Allocator w : workers) {
                to.takeAll(kind.apply(w));
            }
        }
    }

    // ---- the index, for root sources (in a pause) --------------------------------------------------

    /** Reports every listed Ref cell once, after dropping listed slots that no longer hold a Ref. */
    public void scanListed(SlotVisitor visitor) {
        scanListed(builder, visitor);
        for (Allocator a : workers) {
            scanListed(a, visitor);
        }
    }

    private void scanListed(Allocator a, SlotVisitor visitor) {
        int n = a.compactListed();
        long[] ids = a.listed();
        for (int i = 0; i < n; i++) {
            long id = ids[i];
            visitCell(partitions[Partition.partitionOf(id)].cellId(Partition.slotOf(id)), visitor);
        }
    }

    /** Reports Ref cell {@code cellId} (a partition and an index in its cell table). */
    public void visitCell(long cellId, SlotVisitor visitor) {
        visitor.visitSlot(partitions[Partition.partitionOf(cellId)].cells(), Partition.slotOf(cellId) << 3);
    }

    /** The word in the cell of Ref node {@code refNode}. */
    public long cell(long refNode) {
        long cellId = partition(refNode).cellId(Partition.slotOf(refNode));
        return partitions[Partition.partitionOf(cellId)].cellAt(Partition.slotOf(cellId));
    }

    /** Reports every Ref cell set in partition {@code p}'s bitmap: a sequential pass over its packed cell table. */
    public static void scanBitmap(Partition p, SlotVisitor visitor) {
        var bits = p.bitmap();
        var cells = p.cells();
        long words = (p.cellTop() + 63) >>> 6;
        for (long w = 0; w < words; w++) {
            long word = bits.getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, w);
            while (word != 0) {
                long i = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                visitor.visitSlot(cells, i << 3);
            }
        }
    }

    /**
     * Reports the cell of every slot in {@code [from, to)} of partition {@code p} whose header says
     * Ref, in slot order. Every slot's header is read (the naive walk: no index), 64 slots at a time:
     * {@link #refMask} turns their headers into a mask of the Refs among them without a branch per
     * slot; a chunk of nothing but Refs is then reported by a straight loop over its slots, any other
     * by visiting the mask's set bits as {@link #scanBitmap} visits a bitmap word's. So a random mix of
     * Refs and other nodes costs about one mispredicted branch per 64 slots rather than up to one per
     * slot, and a run of Refs costs no bit arithmetic. The visitor is called from this method's own
     * loops, once per Ref whatever the density, so the JIT's profile of the call (which decides
     * whether it is inlined) is the walk's own rather than that of a helper shared with other scans.
     * A cell in {@code p}'s own table (where a Ref's cell is bumped, so the usual case) is reported with
     * the table the loop already holds: handing the visitor the same segment every time lets the
     * JIT check it once per loop rather than once per Ref (measured: twice as fast at 100% Refs).
     */
    public void scanSlots(Partition p, long from, long to, SlotVisitor visitor) {
        MemorySegment nodes = p.nodes();
        MemorySegment homeCells = p.cells();
        int home = p.index();
        for (long base = from; base < to; base += 64) {
            long end = Math.min(to, base + 64);
            long refs = refMask(nodes, base, end);
            if (refs == -1L) {
                for (long slot = base; slot < end; slot++) {
                    long cellId = payload(nodes, slot);
                    if (Partition.partitionOf(cellId) == home) {
                        visitor.visitSlot(homeCells, Partition.slotOf(cellId) << 3);
                    } else {
                        visitor.visitSlot(cellTable(cellId), Partition.slotOf(cellId) << 3);
                    }
                }
            } else {
                while (refs != 0) {
                    long cellId = payload(nodes, base + Long.numberOfTrailingZeros(refs));
                    refs &= refs - 1;
                    if (Partition.partitionOf(cellId) == home) {
                        visitor.visitSlot(homeCells, Partition.slotOf(cellId) << 3);
                    } else {
                        visitor.visitSlot(cellTable(cellId), Partition.slotOf(cellId) << 3);
                    }
                }
            }
        }
    }

    /** Slot {@code slot}'s payload word (a Ref's cell id) in slab {@code nodes}. */
    private static long payload(MemorySegment nodes, long slot) {
        return nodes.get(ValueLayout.JAVA_LONG, (slot << Partition.SLOT_SHIFT) + Partition.PAYLOAD);
    }

    /** The Ref-cell table that holds cell {@code cellId} (its partition's). */
    private MemorySegment cellTable(long cellId) {
        return partitions[Partition.partitionOf(cellId)].cells();
    }

    /**
     * A mask of the Refs among slots {@code [from, to)} of {@code nodes}: bit {@code s - from} set
     * iff slot s's header kind is {@link Ports#REF}, the bits from {@code to - from} up clear (so the
     * mask is all ones only for a full chunk of Refs). Requires {@code 0 < to - from <= 64}. Branch-free
     * per slot: {@code notRef} is 0 for a Ref and in [1, 255] otherwise, so {@code (notRef - 1) >>> 63}
     * is 1 exactly for a Ref.
     */
    static long refMask(MemorySegment nodes, long from, long to) {
        long mask = 0;
        for (long slot = from; slot < to; slot++) {
            long notRef = (nodes.get(ValueLayout.JAVA_LONG, slot << Partition.SLOT_SHIFT) & Partition.KIND_MASK) ^ Ports.REF;
            mask |= ((notRef - 1) >>> 63) << (slot - from);
        }
        return mask;
    }

    /** Live Ref nodes, counted by walking every slab (for tests and reports). */
    public long countRefs() {
        long[] n = {0};
        for (Partition p : partitions) {
            scanSlots(p, 0, p.top(), (region, offset) -> n[0]++);
        }
        return n[0];
    }

    /** Live nodes of any kind. */
    public long countNodes() {
        long n = 0;
        for (Partition p : partitions) {
            for (long s = 0; s < p.top(); s++) {
                if ((p.header(s) & Partition.KIND_MASK) != Partition.FREE) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        arena.close();
    }
}
