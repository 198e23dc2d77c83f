package dev.parallax.gc.collectors.markcompact;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

/**
 * The mark-compact collector as a Guice module: binds {@code Collector} to {@link MarkCompactCollector}. Install it, one
 * module per axis, beside the runtime's {@code GcRuntimeModule} to build a runtime from your own
 * injector; its provider selects it by name for config files and flags.
 */
public final class MarkCompactModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Collector.class).to(MarkCompactCollector.class).in(Singleton.class);
    }
}
