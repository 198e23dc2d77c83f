package dev.parallax.gc.net.slab;

import dev.parallax.gc.api.object.SlotVisitor;

import java.lang.foreign.Arena;
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

    /** Reports the cell of every slot in {@code [from, to)} of partition {@code p} whose header says Ref. */
    public void scanSlots(Partition p, long from, long to, SlotVisitor visitor) {
        var nodes = p.nodes();
        for (long slot = from; slot < to; slot++) {
            long offset = slot << Partition.SLOT_SHIFT;
            if ((nodes.get(java.lang.foreign.ValueLayout.JAVA_LONG, offset) & Partition.KIND_MASK) == Ports.REF) {
                visitCell(nodes.get(java.lang.foreign.ValueLayout.JAVA_LONG, offset + Partition.PAYLOAD), visitor);
            }
        }
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
