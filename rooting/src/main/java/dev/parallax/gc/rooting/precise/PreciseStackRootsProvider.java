package dev.parallax.gc.rooting.precise;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.parallax.gc.api.roots.RootSource;
import dev.parallax.gc.api.strategy.Axis;
import dev.parallax.gc.api.strategy.StrategyProvider;

/** Makes {@code precise} selectable. */
public final class PreciseStackRootsProvider implements StrategyProvider {
    @Override
    public Axis axis() {
        return Axis.ROOTS;
    }

    @Override
    public String name() {
        return PreciseStackRoots.NAME;
    }

    @Override
    public String description() {
        return "mutator stacks through their stack maps: exactly the slots declared as references, all updatable";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), RootSource.class).addBinding().to(PreciseStackRoots.class);
            }
        };
    }
}
