package dev.parallax.gc.collectors.marksweep;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

/**
 * The mark-sweep collector as a Guice module: binds {@code Collector} to {@link MarkSweepCollector}. Install it, one
 * module per axis, beside the runtime's {@code GcRuntimeModule} to build a runtime from your own
 * injector; its provider selects it by name for config files and flags.
 */
public final class MarkSweepModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Collector.class).to(MarkSweepCollector.class).in(Singleton.class);
    }
}
