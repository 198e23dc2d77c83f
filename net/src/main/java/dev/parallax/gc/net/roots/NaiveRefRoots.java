package dev.parallax.gc.net.roots;

import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.RefIndex;

/**
 * {@code net-naive}: walks every slot of every partition up to its high-water mark and reports the
 * cell of each slot whose header says Ref. Nothing on the reducer's hot path; cost proportional to
 * the slab memory (one header load per 32-byte slot, so every cache line is read), plus one cell
 * read per Ref.
 */
public final class NaiveRefRoots extends RefCellRoots {
    public static final String NAME = "net-naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RefIndex index() {
        return RefIndex.NONE;
    }

    @Override
    public void scan(NetMemory net, SlotVisitor visitor) {
        for (Partition p : net.partitions()) {
            net.scanSlots(p, 0, p.top(), visitor);
        }
    }
}
