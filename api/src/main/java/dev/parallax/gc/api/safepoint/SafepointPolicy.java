package dev.parallax.gc.api.safepoint;

/**
 * Where mutator threads poll for stop-the-world. The handshake itself (request, park at the next
 * poll, count blocked threads as stopped, resume) is the runtime's; the policy decides which
 * declared sites are polls.
 *
 * <p>Contract: {@link #pollsAt} is pure and cheap; the runtime asks once per site kind at start-up
 * and caches the answers, so the per-site cost is one predictable branch plus, at a poll, one
 * volatile read. {@link SafepointSite#EXPLICIT} and the allocation slow path always poll, whatever the
 * policy answers, so a thread that allocates can always be stopped.
 */
public interface SafepointPolicy {
    /** The name by which configs select this policy (e.g. {@code allocation}). */
    String name();

    /** Whether a declared site of this kind polls. */
    boolean pollsAt(SafepointSite site);

    /**
     * Every how many declared sites of this kind one actually polls (1 = every one). Lets a policy
     * poll, say, every 64th back-edge to trade time-to-safepoint for mutator speed.
     */
    default int pollInterval(SafepointSite site) {
        return 1;
    }
}
