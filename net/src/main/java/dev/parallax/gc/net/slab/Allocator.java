package dev.parallax.gc.net.slab;

import java.util.Arrays;

/**
 * One thread's allocation context in a net's slabs: free lists of node slots and variable cells
 * (stacks of ids in long arrays, which {@link NetMemory} deals out to the workers before a reduction
 * and gathers back to the builder after it), bump allocation in its home partition when they are
 * empty, and its remembered list of Ref slots when the net keeps the {@link RefIndex#LIST list
 * index}. Confined to one thread at a time; no Java object per node.
 */
public final class Allocator {
    private final NetMemory memory;
    private final Partition[] partitions;
    private final boolean bitmap;
    private final boolean list;
    private int home;
    private final boolean roundRobin;
    final FreeStack freeNodes = new FreeStack();
    final FreeStack freeVars = new FreeStack();
    final FreeStack freeCells = new FreeStack();
    private long[] listed = new long[64];
    private int listedCount;

    Allocator(NetMemory memory, int home, boolean roundRobin) {
        this.memory = memory;
        this.partitions = memory.partitions();
        this.bitmap = memory.index().bitmap();
        this.list = memory.index().list();
        this.home = home;
        this.roundRobin = roundRobin;
    }

    // ---- nodes ----------------------------------------------------------------------------------

    /** A fresh node of {@code kind} with the given header bits above the kind; its words are stale. */
    public long node(int kind, long extra) {
        long id;
        Partition p;
        long slot;
        if (freeNodes.count() > 0) {
            id = freeNodes.pop();
            p = partitions[Partition.partitionOf(id)];
            slot = Partition.slotOf(id);
        } else {
            if (roundRobin) {
                home = (home + 1) % partitions.length;
            }
            p = partitions[home];
            slot = p.bumpSlot();
            if (slot < 0) {
                throw new NetException("net partition " + home + " is full (" + p.capacity()
                        + " node slots); give the net more slots per partition");
            }
            id = Partition.nodeId(home, slot);
        }
        p.setHeader(slot, (p.header(slot) & Partition.LISTED) | extra | kind);
        return id;
    }

    /** A binary node with its aux ports set. */
    public long node(int kind, long extra, long aux1, long aux2) {
        long id = node(kind, extra);
        Partition p = partitions[Partition.partitionOf(id)];
        long slot = Partition.slotOf(id);
        p.setWord(slot, 1, aux1);
        p.setWord(slot, 2, aux2);
        return id;
    }

    /** Frees a node that is not a Ref (use {@link #freeRef}). */
    public void free(long id) {
        Partition p = partitions[Partition.partitionOf(id)];
        long slot = Partition.slotOf(id);
        p.setHeader(slot, p.header(slot) & Partition.LISTED);
        freeNodes.push(id);
    }

    /**
     * A Ref node holding {@code cellWord}, a value tagged by the runtime's tag scheme, and entered in
     * the index. No safepoint: a heap address just returned by an allocation is a root once stored.
     */
    public long ref(long cellWord) {
        long id = node(Ports.REF, 0);
        Partition p = partitions[Partition.partitionOf(id)];
        long slot = Partition.slotOf(id);
        long cell = cell();
        Partition cp = partitions[Partition.partitionOf(cell)];
        cp.setCellAt(Partition.slotOf(cell), cellWord);
        p.setWord(slot, 3, cell);
        if (bitmap) {
            cp.markCell(Partition.slotOf(cell));
        }
        if (list) {
            long header = p.header(slot);
            if ((header & Partition.LISTED) == 0) {
                p.setHeader(slot, header | Partition.LISTED);
                if (listedCount == listed.length) {
                    listed = Arrays.copyOf(listed, listed.length * 2);
                }
                listed[listedCount++] = id;
            }
        }
        return id;
    }

    /** Frees a Ref node: its cell stops being a root (the object it named may die). */
    public void freeRef(long id) {
        Partition p = partitions[Partition.partitionOf(id)];
        long cell = p.cellId(Partition.slotOf(id));
        Partition cp = partitions[Partition.partitionOf(cell)];
        cp.setCellAt(Partition.slotOf(cell), 0);
        if (bitmap) {
            cp.unmarkCell(Partition.slotOf(cell));
        }
        freeCells.push(cell);
        free(id);
    }

    /** A Ref cell id: a freed one, else a fresh one in the home partition's table. */
    private long cell() {
        if (freeCells.count() > 0) {
            return freeCells.pop();
        }
        Partition p = partitions[home];
        long c = p.bumpCell();
        if (c < 0) {
            throw new NetException("net partition " + home + " has no free Ref cell; give the net more slots per partition");
        }
        return Partition.nodeId(home, c);
    }

    // ---- variables ------------------------------------------------------------------------------

    /** A fresh, empty variable cell; its id goes in a {@link Ports#VAR} port. */
    public long var() {
        if (freeVars.count() > 0) {
            long id = freeVars.pop();
            partitions[Partition.partitionOf(id)].setVar(Partition.slotOf(id), Ports.EMPTY);
            return id;
        }
        if (roundRobin) {
            home = (home + 1) % partitions.length;
        }
        Partition p = partitions[home];
        long v = p.bumpVar();
        if (v < 0) {
            throw new NetException("net partition " + home + " has no free variable cell; give the net more variables per partition");
        }
        return Partition.nodeId(home, v);
    }

    /** Frees a variable whose two ends have both arrived. */
    public void freeVar(long id) {
        freeVars.push(id);
    }

    // ---- the remembered list ----------------------------------------------------------------------

    long[] listed() {
        return listed;
    }

    int listedCount() {
        return listedCount;
    }

    /** Drops listed slots that no longer hold a Ref (clearing their listed bit). In a pause only. */
    int compactListed() {
        int kept = 0;
        for (int i = 0; i < listedCount; i++) {
            long id = listed[i];
            Partition p = partitions[Partition.partitionOf(id)];
            long slot = Partition.slotOf(id);
            long header = p.header(slot);
            if ((header & Partition.KIND_MASK) == Ports.REF) {
                listed[kept++] = id;
            } else {
                p.setHeader(slot, header & ~Partition.LISTED);
            }
        }
        listedCount = kept;
        return kept;
    }

    NetMemory memory() {
        return memory;
    }
}
