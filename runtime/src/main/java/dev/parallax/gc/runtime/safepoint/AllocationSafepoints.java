package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * Polls at every N-th allocation ({@code safepoints.interval}, default 1) and at explicit polls,
 * nowhere else: loops that do not allocate are not interruptible, but the poll costs one volatile
 * read per allocation and nothing elsewhere.
 */
public final class AllocationSafepoints implements SafepointPolicy {
    public static final String NAME = "allocation";

    private final int interval;

    @Inject
    public AllocationSafepoints(GcConfig config) {
        this(SafepointInterval.from(config));
    }

    /** Polls at every allocation. */
    public AllocationSafepoints() {
        this(1);
    }

    public AllocationSafepoints(int interval) {
        this.interval = SafepointInterval.check(interval);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean pollsAt(SafepointSite site) {
        return site == SafepointSite.ALLOCATION || site == SafepointSite.EXPLICIT;
    }

    @Override
    public int pollInterval(SafepointSite site) {
        return site == SafepointSite.ALLOCATION ? interval : 1;
    }
}
