package dev.parallax.gc.collectors.incremental;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

/**
 * The incremental collector as a Guice module: binds {@code Collector} to {@link IncrementalCollector}.
 * Without an argument its knobs come from the bound {@code GcConfig}'s {@code incremental.*}
 * options; {@code new IncrementalModule(options)} fixes them in code.
 */
public final class IncrementalModule extends AbstractModule {
    private final IncrementalOptions options;

    /** Knobs from the config's options. */
    public IncrementalModule() {
        this.options = null;
    }

    /** @param options the collector's knobs, whatever the config says */
    public IncrementalModule(IncrementalOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    protected void configure() {
        if (options == null) {
            bind(Collector.class).to(IncrementalCollector.class).in(Singleton.class);
        } else {
            bind(Collector.class).toInstance(new IncrementalCollector(options));
        }
    }
}
