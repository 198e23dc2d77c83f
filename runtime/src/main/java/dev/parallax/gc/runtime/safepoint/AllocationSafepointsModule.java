package dev.parallax.gc.runtime.safepoint;

/**
 * The {@code allocation} safepoint policy as a Guice module. Without an argument its interval comes from
 * the bound {@code GcConfig}'s option {@value SafepointInterval#OPTION} (default 1);
 * {@code new AllocationSafepointsModule(n)} polls at every n-th site whatever the config says.
 */
public final class AllocationSafepointsModule extends IntervalPolicyModule<AllocationSafepoints> {
    /** The interval from the config's option. */
    public AllocationSafepointsModule() {
        super(AllocationSafepoints.class, AllocationSafepoints::new, 0);
    }

    /** @param interval poll at every {@code interval}-th site (&ge; 1) */
    public AllocationSafepointsModule(int interval) {
        super(AllocationSafepoints.class, AllocationSafepoints::new, SafepointInterval.check(interval));
    }
}
