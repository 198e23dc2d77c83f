package dev.parallax.gc.harness.retention;

/** How one cell of the retention experiment ended. */
public sealed interface RetentionOutcome {
    /** The run completed with its live graph intact. */
    record Measured(RetentionRun run) implements RetentionOutcome {
    }

    /**
     * The run lost reachable objects, as expected of its roots (naive decoding under a tag scheme
     * whose pointer words are not raw addresses): the finding, not a bug.
     *
     * @param how how the loss surfaced (the exception or the live-set comparison)
     */
    record Unsafe(String how) implements RetentionOutcome {
    }

    /** The run failed where it should not have: a bug in a collector or root source. */
    record Failed(RuntimeException error) implements RetentionOutcome {
    }

    /** The runtime could not be assembled (an impossible pairing, say). */
    record Unavailable(String why) implements RetentionOutcome {
    }
}
