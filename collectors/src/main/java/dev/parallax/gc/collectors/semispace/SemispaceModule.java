package dev.parallax.gc.collectors.semispace;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

/** The semispace collector as a Guice module: binds {@code Collector} to {@link SemispaceCollector}. */
public final class SemispaceModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Collector.class).to(SemispaceCollector.class).in(Singleton.class);
    }
}
