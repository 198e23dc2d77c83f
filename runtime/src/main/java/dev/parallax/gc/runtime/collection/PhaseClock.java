package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.event.GcPhase;

import java.util.EnumMap;
import java.util.Map;

/**
 * Times the phases of one pause: a phase lasts from its announcement to the next one. A phase
 * announced twice (VERIFY before and after) accumulates. Used by the collecting thread only.
 */
final class PhaseClock {
    private final EnumMap<GcPhase, Long> nanos = new EnumMap<>(GcPhase.class);
    private GcPhase current;
    private long since;

    void enter(GcPhase phase, long now) {
        stop(now);
        current = phase;
        since = now;
    }

    /** Ends the current phase at {@code now}. */
    void stop(long now) {
        if (current != null) {
            nanos.merge(current, now - since, Long::sum);
            current = null;
        }
    }

    Map<GcPhase, Long> totals() {
        return Map.copyOf(nanos);
    }
}
