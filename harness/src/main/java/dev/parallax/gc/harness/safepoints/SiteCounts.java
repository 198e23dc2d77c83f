package dev.parallax.gc.harness.safepoints;

import dev.parallax.gc.runtime.safepoint.PollSchedule;

/**
 * Safepoint sites a body declared, by kind.
 *
 * @param allocations    allocations (an allocation site)
 * @param backEdges      {@code Mutator.backEdge()} calls
 * @param functionEntries {@code Mutator.functionEntry()} calls
 */
public record SiteCounts(long allocations, long backEdges, long functionEntries) {

    /**
     * The sites at which a policy with this schedule polls: every n-th site of each kind it polls
     * at. Not counted: the allocation slow path, which polls whatever the policy (about once per
     * allocation buffer).
     */
    public long polledBy(PollSchedule schedule) {
        return every(allocations, schedule.allocationInterval()) + every(backEdges, schedule.backEdgeInterval())
                + every(functionEntries, schedule.functionEntryInterval());
    }

    private static long every(long sites, int interval) {
        return interval == 0 ? 0 : sites / interval;
    }
}
