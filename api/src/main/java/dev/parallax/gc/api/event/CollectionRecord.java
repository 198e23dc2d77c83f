package dev.parallax.gc.api.event;

import java.util.Map;

/**
 * What one collection did, delivered to {@link GcListener}s after the mutators resume.
 *
 * @param number              sequence number, from 1
 * @param collector           the collector's name
 * @param reason              why it ran
 * @param timeToSafepointNanos from the stop request until every mutator was parked or blocked
 * @param pauseNanos          from the stop request until the mutators were released
 * @param usedBytesBefore     heap used before (including retired buffer tails as free)
 * @param usedBytesAfter      heap used after: for a full collection the live bytes plus what the collector
 *                            cannot hand out around them (a partly used Immix line or block counts whole)
 * @param liveObjects         objects found reachable (-1 when unknown, e.g. after an increment)
 * @param pinnedObjects       distinct objects named by pinning roots (conservative words) in this pause
 * @param phaseNanos          time spent in each phase announced
 * @param kind                what the pause collected: "full", "increment", or what the collector named
 *                            (e.g. "young" for a generational minor collection)
 */
public record CollectionRecord(long number, String collector, String reason, long timeToSafepointNanos,
                               long pauseNanos, long usedBytesBefore, long usedBytesAfter, long liveObjects,
                               long pinnedObjects, Map<GcPhase, Long> phaseNanos, String kind) {
    /** A full collection's record. */
    public CollectionRecord(long number, String collector, String reason, long timeToSafepointNanos,
                            long pauseNanos, long usedBytesBefore, long usedBytesAfter, long liveObjects,
                            long pinnedObjects, Map<GcPhase, Long> phaseNanos) {
        this(number, collector, reason, timeToSafepointNanos, pauseNanos, usedBytesBefore, usedBytesAfter,
                liveObjects, pinnedObjects, phaseNanos, "full");
    }

    /** Whether the pause collected the whole heap (neither an increment nor a partial collection). */
    public boolean full() {
        return kind.equals("full");
    }
}
