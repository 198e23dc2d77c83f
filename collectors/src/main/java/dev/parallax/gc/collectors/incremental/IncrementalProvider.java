package dev.parallax.gc.collectors.incremental;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import dev.parallax.gc.api.collector.Collector;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code incremental} selectable. */
public final class IncrementalProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.COLLECTOR;
    }

    @Override
    public String name() {
        return IncrementalCollector.NAME;
    }

    @Override
    public String description() {
        return "incremental tri-colour mark-sweep paced by allocation, SATB write barrier, black allocation, "
                + "incremental sweeping; options incremental.budget/sweep-budget/trigger/step/barrier";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Collector.class).to(IncrementalCollector.class).in(Singleton.class);
            }
        };
    }
}
