package dev.parallax.gc.rooting.globals;

import dev.parallax.gc.api.roots.GlobalRootsView;
import dev.parallax.gc.api.roots.RootScanContext;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.roots.RootVisitor;

import java.lang.foreign.MemorySegment;

/**
 * Registered global roots (design report §3.3): every registered cell of the runtime's global table
 * is an updatable slot. Cost: one bitmap word per 64 cells, one call per registered cell.
 */
public final class GlobalTableRoots implements RootSource {
    public static final String NAME = "globals";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean reportsPinningRoots() {
        return false;
    }

    @Override
    public void scanRoots(RootScanContext context, RootVisitor visitor) {
        GlobalRootsView globals = context.globals();
        MemorySegment cells = globals.cells();
        int mapWords = (globals.capacity() + 63) >>> 6;
        for (int i = 0; i < mapWords; i++) {
            long bits = globals.registeredMap(i);
            while (bits != 0) {
                long cell = ((long) i << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                visitor.visitSlot(cells, cell << 3);
            }
        }
    }
}
