package dev.parallax.gc.runtime.safepoint;

import dev.parallax.gc.api.safepoint.SafepointPolicy;
import dev.parallax.gc.api.safepoint.SafepointSite;

/**
 * A safepoint policy's answers, asked once at start-up: for each declared site kind, whether it
 * polls and every how many sites. An interval of 0 means the site never polls.
 */
public record PollSchedule(int allocationInterval, int backEdgeInterval, int functionEntryInterval) {

    public static PollSchedule of(SafepointPolicy policy) {
        return new PollSchedule(interval(policy, SafepointSite.ALLOCATION), interval(policy, SafepointSite.BACK_EDGE),
                interval(policy, SafepointSite.FUNCTION_ENTRY));
    }

    private static int interval(SafepointPolicy policy, SafepointSite site) {
        if (!policy.pollsAt(site)) {
            return 0;
        }
        int every = policy.pollInterval(site);
        if (every < 1) {
            throw new IllegalArgumentException("safepoint policy '" + policy.name() + "' polls every " + every
                    + " " + site + " sites; the interval must be at least 1");
        }
        return every;
    }
}
