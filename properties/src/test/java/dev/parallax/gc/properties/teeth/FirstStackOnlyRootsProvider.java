package dev.parallax.gc.properties.teeth;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes the broken {@code precise-first-stack-only} root source selectable in tests. */
public final class FirstStackOnlyRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return FirstStackOnlyRoots.NAME;
    }

    @Override
    public String description() {
        return "BROKEN on purpose: precise stack roots of the first attached mutator only";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(FirstStackOnlyRoots.class);
            }
        };
    }
}
