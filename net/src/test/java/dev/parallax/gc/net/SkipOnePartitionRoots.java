package dev.parallax.gc.net;

import com.google.inject.Module;
import dev.parallax.gc.api.object.SlotVisitor;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;
import dev.parallax.gc.net.roots.RefCellRoots;
import dev.parallax.gc.net.roots.RefCellRootsModule;
import dev.parallax.gc.net.slab.NetMemory;
import dev.parallax.gc.net.slab.Partition;
import dev.parallax.gc.net.slab.RefIndex;

/** A broken Ref-cell root source for the teeth test: the naive walk, but partition 1 is never scanned. */
final class SkipOnePartitionRoots extends RefCellRoots {
    static final String NAME = "net-skip-one";

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
            if (p.index() != 1) {
                net.scanSlots(p, 0, p.top(), visitor);
            }
        }
    }

    /** Selectable by name in a catalog built for the test (it is in no services file). */
    static final class Provider implements StrategyProvider {
        @Override
        public Axis axis() {
            return Axis.ROOTS;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Ref cells of every partition but partition 1 (broken on purpose)";
        }

        @Override
        public Module module() {
            return new RefCellRootsModule(new SkipOnePartitionRoots());
        }
    }
}
