package dev.parallax.gc.runtime.collection;

import dev.parallax.gc.api.event.GcPhase;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Times the phases of one pause: a phase lasts from its announcement to the next one. A phase
 * announced twice (VERIFY before and after) accumulates. Reused pause after pause by the collecting
 * thread only; {@link #enter} allocates nothing.
 */
final class PhaseClock {
    private static final GcPhase[] PHASES = GcPhase.values();

    /** nanos[p.ordinal()] is meaningful only where announced[p.ordinal()]. */
    private final long[] nanos = new long[PHASES.length];
    /** Whether each phase was entered in this pause. */
    private final boolean[] announced = new boolean[PHASES.length];
    private GcPhase current;
    private long since;

    /** Forgets the previous pause. */
    void reset() {
        Arrays.fill(announced, false);
        current = null;
    }

    void enter(GcPhase phase, long now) {
        stop(now);
        if (!announced[phase.ordinal()]) {
            announced[phase.ordinal()] = true;
            nanos[phase.ordinal()] = 0;
        }
        current = phase;
        since = now;
    }

    /** Ends the current phase at {@code now}. */
    void stop(long now) {
        if (current != null) {
            nanos[current.ordinal()] += now - since;
            current = null;
        }
    }

    /** Time spent in each phase entered since {@link #reset}. */
    Map<GcPhase, Long> totals() {
        EnumMap<GcPhase, Long> out = new EnumMap<>(GcPhase.class);
        for (GcPhase phase : PHASES) {
            if (announced[phase.ordinal()]) {
                out.put(phase, nanos[phase.ordinal()]);
            }
        }
        return Map.copyOf(out);
    }
}
