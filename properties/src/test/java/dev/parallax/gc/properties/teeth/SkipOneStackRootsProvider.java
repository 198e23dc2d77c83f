package dev.parallax.gc.properties.teeth;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes the broken {@code precise-skip-one} root source selectable in tests. */
public final class SkipOneStackRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return SkipOneStackRoots.NAME;
    }

    @Override
    public String description() {
        return "BROKEN on purpose: precise stack roots that skip the innermost frame's last reference slot";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(SkipOneStackRoots.class);
            }
        };
    }
}
