package dev.parallax.gc.rooting.globals;

import com.google.inject.Module;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code globals} selectable. */
public final class GlobalTableRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return GlobalTableRoots.NAME;
    }

    @Override
    public String description() {
        return "registered global cells (GcRuntime.globals()), all updatable";
    }

    @Override
    public Module module() {
        return new GlobalTableRootsModule();
    }
}
