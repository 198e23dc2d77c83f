package dev.parallax.gc.runtime.safepoint;

import com.google.inject.AbstractModule;
import dev.parallax.gc.api.safepoint.SafepointPolicy;

import java.util.function.IntFunction;

/** Binds a safepoint policy: the class, built with the config's interval, or an instance with a fixed one. */
abstract class IntervalPolicyModule<P extends SafepointPolicy> extends AbstractModule {
    private final Class<P> type;
    private final IntFunction<P> withInterval;
    private final int interval;

    /** @param interval the fixed interval, or 0 for the config's option */
    IntervalPolicyModule(Class<P> type, IntFunction<P> withInterval, int interval) {
        this.type = type;
        this.withInterval = withInterval;
        this.interval = interval;
    }

    @Override
    protected void configure() {
        if (interval == 0) {
            bind(SafepointPolicy.class).to(type);
        } else {
            bind(SafepointPolicy.class).toInstance(withInterval.apply(interval));
        }
    }
}
