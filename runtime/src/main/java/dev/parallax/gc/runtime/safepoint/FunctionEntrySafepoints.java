package dev.parallax.gc.runtime.safepoint;

import com.google.inject.Inject;
import dev.parallax.gc.api.GcConfig;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * Polls at every N-th declared function entry ({@code safepoints.interval}, default 1) and at
 * explicit polls; the allocation fast path does not poll (its slow path always does). Recursive
 * code stops promptly; a loop that neither calls nor allocates does not.
 */
public final class FunctionEntrySafepoints extends SiteSafepoints {
    public static final String NAME = "function-entry";

    @Inject
    public FunctionEntrySafepoints(GcConfig config) {
        this(SafepointInterval.from(config));
    }

    public FunctionEntrySafepoints(int interval) {
        super(NAME, SafepointSite.FUNCTION_ENTRY, interval);
    }
}
