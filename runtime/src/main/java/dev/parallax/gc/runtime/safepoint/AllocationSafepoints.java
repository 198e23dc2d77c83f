package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * Polls at every allocation (and at explicit polls), nowhere else: loops that do not allocate are
 * not interruptible, but the poll costs one volatile read per allocation and nothing elsewhere.
 */
public final class AllocationSafepoints implements SafepointPolicy {
    public static final String NAME = "allocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean pollsAt(SafepointSite site) {
        return site == SafepointSite.ALLOCATION || site == SafepointSite.EXPLICIT;
    }
}
