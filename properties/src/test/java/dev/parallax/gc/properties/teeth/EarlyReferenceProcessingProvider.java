package dev.parallax.gc.properties.teeth;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes the broken {@code mark-sweep-early-references} collector selectable in tests. */
public final class EarlyReferenceProcessingProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return EarlyReferenceProcessing.NAME;
    }

    @Override
    public String description() {
        return "BROKEN on purpose: mark-sweep that processes references as if before the closure";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Collector.class).toInstance(new EarlyReferenceProcessing());
            }
        };
    }
}
