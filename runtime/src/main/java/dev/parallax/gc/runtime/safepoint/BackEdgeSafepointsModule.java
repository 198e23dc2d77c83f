package dev.parallax.gc.runtime.safepoint;

/**
 * The {@code back-edge} safepoint policy as a Guice module. Without an argument its interval comes from
 * the bound {@code GcConfig}'s option {@value SafepointInterval#OPTION} (default 1);
 * {@code new BackEdgeSafepointsModule(n)} polls at every n-th site whatever the config says.
 */
public final class BackEdgeSafepointsModule extends IntervalPolicyModule<BackEdgeSafepoints> {
    /** The interval from the config's option. */
    public BackEdgeSafepointsModule() {
        super(BackEdgeSafepoints.class, BackEdgeSafepoints::new, 0);
    }

    /** @param interval poll at every {@code interval}-th site (&ge; 1) */
    public BackEdgeSafepointsModule(int interval) {
        super(BackEdgeSafepoints.class, BackEdgeSafepoints::new, SafepointInterval.check(interval));
    }
}
