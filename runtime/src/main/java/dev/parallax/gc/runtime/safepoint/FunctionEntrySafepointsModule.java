package dev.parallax.gc.runtime.safepoint;

/**
 * The {@code function-entry} safepoint policy as a Guice module. Without an argument its interval comes from
 * the bound {@code GcConfig}'s option {@value SafepointInterval#OPTION} (default 1);
 * {@code new FunctionEntrySafepointsModule(n)} polls at every n-th site whatever the config says.
 */
public final class FunctionEntrySafepointsModule extends IntervalPolicyModule<FunctionEntrySafepoints> {
    /** The interval from the config's option. */
    public FunctionEntrySafepointsModule() {
        super(FunctionEntrySafepoints.class, FunctionEntrySafepoints::new, 0);
    }

    /** @param interval poll at every {@code interval}-th site (&ge; 1) */
    public FunctionEntrySafepointsModule(int interval) {
        super(FunctionEntrySafepoints.class, FunctionEntrySafepoints::new, SafepointInterval.check(interval));
    }
}
