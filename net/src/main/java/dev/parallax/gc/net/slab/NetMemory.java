package dev.parallax.gc.net.slab;

import dev.parallax.gc.api.object.SlotVisitor;

import java.lang.foreign.Arena;

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

    /** Before a reduction: every free slot and variable dealt out evenly to the workers. Single-threaded. */
    public void dealFreeToWorkers() {
        Allocator[] all = new Allocator[workers.length + 1];
        System.arraycopy(workers, 0, all, 0, workers.length);
        all[workers.length] = builder;
        long[] nodes = gather(all, 0);
        long[] vars = gather(all, 1);
        long[] cells = gather(all, 2);
        for (int i = 0; i < workers.length; i++) {
            Allocator w = workers[i];
            w.freeNodes = slice(nodes, i, workers.length);
            w.freeNodeCount = w.freeNodes.length;
            w.freeVars = slice(vars, i, workers.length);
            w.freeVarCount = w.freeVars.length;
            w.freeCells = slice(cells, i, workers.length);
            w.freeCellCount = w.freeCells.length;
            w.freeNodes = grow(w.freeNodes);
            w.freeVars = grow(w.freeVars);
            w.freeCells = grow(w.freeCells);
        }
    }

    /** After a reduction: every free slot and variable gathered to the builder. Single-threaded. */
    public void gatherFreeToBuilder() {
        Allocator[] all = new Allocator[workers.length + 1];
        System.arraycopy(workers, 0, all, 0, workers.length);
        all[workers.length] = builder;
        long[] nodes = gather(all, 0);
        long[] vars = gather(all, 1);
        long[] cells = gather(all, 2);
        builder.freeNodes = grow(nodes);
        builder.freeNodeCount = nodes.length;
        builder.freeVars = grow(vars);
        builder.freeVarCount = vars.length;
        builder.freeCells = grow(cells);
        builder.freeCellCount = cells.length;
    }

    /** Empties every allocator's free stack of {@code kind} (0 nodes, 1 variables, 2 Ref cells) into one array. */
    private static long[] gather(Allocator[] all, int kind) {
        int n = 0;
        for (Allocator a : all) {
            n += kind == 0 ? a.freeNodeCount : kind == 1 ? a.freeVarCount : a.freeCellCount;
        }
        long[] out = new long[n];
        int at = 0;
        for (Allocator a : all) {
            int count = kind == 0 ? a.freeNodeCount : kind == 1 ? a.freeVarCount : a.freeCellCount;
            System.arraycopy(kind == 0 ? a.freeNodes : kind == 1 ? a.freeVars : a.freeCells, 0, out, at, count);
            at += count;
            switch (kind) {
                case 0 -> a.freeNodeCount = 0;
                case 1 -> a.freeVarCount = 0;
                default -> a.freeCellCount = 0;
            }
        }
        return out;
    }

    private static long[] slice(long[] all, int i, int parts) {
        int from = (int) ((long) all.length * i / parts);
        int to = (int) ((long) all.length * (i + 1) / parts);
        return java.util.Arrays.copyOfRange(all, from, to);
    }

    private static long[] grow(long[] stack) {
        return java.util.Arrays.copyOf(stack, Math.max(256, stack.length * 2));
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
