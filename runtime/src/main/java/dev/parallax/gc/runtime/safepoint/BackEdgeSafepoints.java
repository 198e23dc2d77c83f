package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * Polls at every N-th declared loop back-edge ({@code safepoints.interval}, default 1) and at
 * explicit polls; the allocation fast path does not poll (its slow path always does). Every loop
 * that declares its back-edge can be stopped, allocating or not, as in HotSpot's counted-loop polls.
 */
public final class BackEdgeSafepoints extends SiteSafepoints {
    public static final String NAME = "back-edge";

    @Inject
    public BackEdgeSafepoints(GcConfig config) {
        this(SafepointInterval.from(config));
    }

    public BackEdgeSafepoints(int interval) {
        super(NAME, SafepointSite.BACK_EDGE, interval);
    }
}
