package dev.parallax.gc.collectors.immix;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

import java.util.Objects;

/**
 * The Immix collector as a Guice module: binds {@code Collector} to {@link ImmixCollector}. Without an
 * argument its knobs come from the bound {@code GcConfig}'s {@code immix.*} options;
 * {@code new ImmixModule(options)} fixes them in code.
 */
public final class ImmixModule extends AbstractModule {
    private final ImmixOptions options;

    public ImmixModule() {
        this.options = null;
    }

    public ImmixModule(ImmixOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    protected void configure() {
        if (options == null) {
            bind(Collector.class).to(ImmixCollector.class).in(Singleton.class);
        } else {
            bind(Collector.class).toInstance(new ImmixCollector(options));
        }
    }
}
