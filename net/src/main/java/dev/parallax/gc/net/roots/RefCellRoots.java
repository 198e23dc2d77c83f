package dev.parallax.gc.net.roots;

import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.RefIndex;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The roots parallax-net holds outside the heap: the 64-bit cell of every live Ref node, in the slabs
 * of every net created on the runtime (a net registers its memory when it is created and leaves when
 * it is closed). Each cell is reported once per scan as an updatable slot: a moving collector
 * rewrites it with a compare-and-set that keeps its tag ({@code TaggedCells}). Nothing is pinned.
 * The three strategies differ only in how they find the cells.
 *
 * <p>Ref cells and a concurrent collector. Today every net worker is a mutator and is parked (or
 * blocked, holding no address) during the pause, so cells do not change under the scan. A collector
 * that ran beside the workers would need: (1) a Ref created during marking to be reported (the
 * bitmap and list indexes are appended before the cell is published, so a final re-scan of the index
 * finds it; allocating black would do too), (2) a cell overwritten during marking to log its old
 * target (a deletion barrier on the worker's cell write, as the incremental collector's SATB barrier
 * does for fields), and (3) the collector's update of a moved target to be a CAS from the word it
 * read, so that a worker's concurrent write is never lost: if the CAS fails the cell is re-read and
 * retargeted only if it still names the old object, else the worker's newer value stands (and was
 * seen by the barrier). A freed Ref's cell is zeroed before its slot is reused, so a scan never
 * reports a stale word as a live root.
 */
public abstract class RefCellRoots implements RootSource {
    private final List<NetMemory> nets = new CopyOnWriteArrayList<>();

    /** The index this strategy needs nets to keep. */
    public abstract RefIndex index();

    /** Adds a net's memory to the scan. */
    public void register(NetMemory memory) {
        if (!supports(memory.index())) {
            throw new IllegalArgumentException(name() + " needs nets that keep the " + index() + " index, not "
                    + memory.index());
        }
        nets.add(memory);
    }

    public void unregister(NetMemory memory) {
        nets.remove(memory);
    }

    private boolean supports(RefIndex kept) {
        RefIndex needed = index();
        return (!needed.bitmap() || kept.bitmap()) && (!needed.list() || kept.list());
    }

    @Override
    public boolean reportsPinningRoots() {
        return false;
    }

    @Override
    public void scanRoots(RootScanContext context, RootVisitor visitor) {
        for (NetMemory net : nets) {
            scan(net, visitor);
        }
    }

    /** Reports every live Ref cell of {@code net} exactly once. World stopped. */
    public abstract void scan(NetMemory net, dev.parallax.gc.api.object.SlotVisitor visitor);
}
