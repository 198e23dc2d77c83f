package dev.parallax.gc.properties.run;

import dev.parallax.gc.api.GcRuntime;
import dev.parallax.gc.api.collector.HeapUsage;

/**
 * Invariant (b), {@link Invariant#COMPLETE_RECLAMATION}: right after a full collection, with precise
 * roots, the bytes the heap's objects hold ({@link HeapUsage#objectBytes()}) are exactly the bytes of
 * the objects the model says are reachable: nothing unreachable survives (a leak or floating
 * garbage), nothing reachable is missing from the account. A region-based collector may hold more
 * than that unavailable (the rest of a line or block), which its used bytes show and this check does
 * not count. Conservative roots may retain more, so the check applies only to precise root sources.
 */
public final class CompleteReclamation {
    private CompleteReclamation() {
    }

    /** Whether every configured root source is precise, so that the invariant applies. */
    public static boolean applies(java.util.List<String> rootSources) {
        return rootSources.stream().allMatch(r -> r.equals("precise") || r.equals("globals"));
    }

    /**
     * @param expectedBytes the model's reachable bytes (of every mutator of the runtime)
     * @param objects       how many objects those are, for the message
     */
    public static void check(GcRuntime runtime, long expectedBytes, int objects, String when) {
        HeapUsage usage = runtime.usage();
        long used = usage.objectBytes();
        if (used != expectedBytes) {
            throw new InvariantViolation(Invariant.COMPLETE_RECLAMATION, String.format(
                    "%s: after a full collection the heap's objects hold %,d bytes, but the %d reachable objects"
                            + " take %,d bytes (%s %,d bytes; heap %s)",
                    when, used, objects, expectedBytes, used > expectedBytes ? "unreclaimed:" : "missing:",
                    Math.abs(used - expectedBytes), usage));
        }
    }
}
