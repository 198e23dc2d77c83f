package dev.parallax.gc.properties.teeth;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes the leaky {@code precise-with-stale} root source selectable in tests. */
public final class StaleStackRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return StaleStackRoots.NAME;
    }

    @Override
    public String description() {
        return "LEAKY on purpose: precise stack roots that also pin objects named by dead words of popped frames";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(StaleStackRoots.class);
            }
        };
    }
}
