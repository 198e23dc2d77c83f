package dev.parallax.gc.collectors.generational;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;

import java.util.Objects;

/**
 * The generational collector as a Guice module: binds {@code Collector} to
 * {@link GenerationalCollector}, its knobs from the config's {@code generational.*} options or,
 * with {@code new GenerationalModule(options)}, fixed in code.
 */
public final class GenerationalModule extends AbstractModule {
    private final GenerationalOptions options;

    public GenerationalModule() {
        this.options = null;
    }

    public GenerationalModule(GenerationalOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    protected void configure() {
        if (options == null) {
            bind(Collector.class).to(GenerationalCollector.class).in(Singleton.class);
        } else {
            bind(Collector.class).toInstance(new GenerationalCollector(options));
        }
    }
}
