package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * Polls at every N-th allocation ({@code safepoints.interval}, default 1) and at explicit polls,
 * nowhere else: loops that do not allocate are not interruptible, but the poll costs one volatile
 * read per allocation and nothing elsewhere.
 */
public final class AllocationSafepoints extends SiteSafepoints {
    public static final String NAME = "allocation";

    @Inject
    public AllocationSafepoints(GcConfig config) {
        this(SafepointInterval.from(config));
    }

    /** Polls at every allocation. */
    public AllocationSafepoints() {
        this(1);
    }

    public AllocationSafepoints(int interval) {
        super(NAME, SafepointSite.ALLOCATION, interval);
    }
}
